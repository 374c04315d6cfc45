package dev.pastefix.core.check;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * An authoritative DNS server on a loopback UDP port, serving zones the test defines. It speaks the
 * real protocol (dnsjava's wire format): NOERROR with records, NODATA, NXDOMAIN, REFUSED for names
 * outside its zones.
 */
public final class FakeDnsServer implements AutoCloseable {
  private final DatagramSocket socket;
  private final Thread thread;
  private final Map<Name, List<Record>> records = new ConcurrentHashMap<>();
  private final List<Name> zones = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final AtomicInteger queries = new AtomicInteger();

  public FakeDnsServer() throws SocketException {
    socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    thread = new Thread(this::serve, "fake-dns-" + socket.getLocalPort());
    thread.setDaemon(true);
    thread.start();
  }

  public int port() {
    return socket.getLocalPort();
  }

  /** {@code 127.0.0.1:port}, the form PASTEFIX_DNS_RESOLVER takes. */
  public String address() {
    return socket.getLocalAddress().getHostAddress() + ":" + port();
  }

  public int queries() {
    return queries.get();
  }

  /** Makes {@code domain} a zone (with its SOA) whose other names are NXDOMAIN unless added. */
  public FakeDnsServer zone(String domain) {
    Name apex = name(domain);
    zones.add(apex);
    add(
        new SOARecord(
            apex,
            DClass.IN,
            3600,
            name("ns1." + domain),
            name("hostmaster." + domain),
            1,
            3600,
            600,
            86400,
            300));
    return this;
  }

  public FakeDnsServer srv(String owner, int port, String target) {
    return add(new SRVRecord(name(owner), DClass.IN, 3600, 100, 1, port, name(target)));
  }

  public FakeDnsServer cname(String owner, String target) {
    return add(new CNAMERecord(name(owner), DClass.IN, 3600, name(target)));
  }

  public FakeDnsServer a(String owner, String address) {
    try {
      return add(new ARecord(name(owner), DClass.IN, 3600, InetAddress.getByName(address)));
    } catch (IOException e) {
      throw new IllegalArgumentException(address, e);
    }
  }

  /** The four records Skype for Business Online needs, all right. */
  public FakeDnsServer healthy(String domain) {
    return zone(domain)
        .srv("_sip._tls." + domain, 443, "sipdir.online.lync.com")
        .srv("_sipfederationtls._tcp." + domain, 5061, "sipfed.online.lync.com")
        .cname("sip." + domain, "sipdir.online.lync.com")
        .cname("lyncdiscover." + domain, "webdir.online.lync.com");
  }

  private FakeDnsServer add(Record record) {
    records
        .computeIfAbsent(record.getName(), k -> new java.util.concurrent.CopyOnWriteArrayList<>())
        .add(record);
    return this;
  }

  private static Name name(String text) {
    try {
      return Name.fromString(text.endsWith(".") ? text : text + ".");
    } catch (TextParseException e) {
      throw new IllegalArgumentException(text, e);
    }
  }

  private void serve() {
    byte[] buffer = new byte[4096];
    while (!socket.isClosed()) {
      DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
      try {
        socket.receive(packet);
        byte[] wire = new byte[packet.getLength()];
        System.arraycopy(packet.getData(), packet.getOffset(), wire, 0, wire.length);
        byte[] reply = respond(new Message(wire)).toWire(512);
        socket.send(new DatagramPacket(reply, reply.length, packet.getSocketAddress()));
      } catch (IOException e) {
        if (socket.isClosed()) {
          return;
        }
      }
    }
  }

  private Message respond(Message query) {
    queries.incrementAndGet();
    Message response = new Message(query.getHeader().getID());
    response.getHeader().setFlag(Flags.QR);
    if (query.getHeader().getFlag(Flags.RD)) {
      response.getHeader().setFlag(Flags.RD);
    }
    Record question = query.getQuestion();
    if (question == null) {
      response.getHeader().setRcode(Rcode.FORMERR);
      return response;
    }
    response.addRecord(question, Section.QUESTION);
    Name qname = question.getName();
    boolean inZone = zones.stream().anyMatch(qname::subdomain);
    if (!inZone) {
      response.getHeader().setRcode(Rcode.REFUSED);
      return response;
    }
    response.getHeader().setFlag(Flags.AA);
    List<Record> owned = records.getOrDefault(qname, List.of());
    if (owned.isEmpty() && !hasDescendant(qname)) {
      response.getHeader().setRcode(Rcode.NXDOMAIN);
      return response;
    }
    List<Record> answer = new ArrayList<>();
    for (Record record : owned) {
      if (record.getType() == question.getType()
          || (record.getType() == Type.CNAME && question.getType() != Type.CNAME)) {
        answer.add(record);
      }
    }
    answer.forEach(r -> response.addRecord(r, Section.ANSWER));
    return response;
  }

  // An empty non-terminal (such as _tls.contoso.test under _sip._tls.contoso.test) exists.
  private boolean hasDescendant(Name qname) {
    return records.keySet().stream().anyMatch(n -> !n.equals(qname) && n.subdomain(qname));
  }

  @Override
  public void close() {
    socket.close();
    try {
      thread.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
