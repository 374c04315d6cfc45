package dev.pastefix.core.check;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.ResolverConfig;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;

/**
 * Asks DNS servers one question at a time, with a timeout and retries: the system's resolvers by
 * default, or one configured {@code host:port}.
 */
public final class DnsClient {
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);
  public static final int DEFAULT_RETRIES = 1;
  public static final int DNS_PORT = 53;

  private final List<InetSocketAddress> servers;
  private final Duration timeout;
  private final int retries;

  /** What one question got back. */
  public sealed interface Answer {
    /** NOERROR with records of the asked type (and any CNAME met on the way). */
    record Records(List<Record> records) implements Answer {
      public Records {
        records = List.copyOf(records);
      }
    }

    /** The name exists but has no record of that type. */
    record NoData() implements Answer {}

    /** The name does not exist. */
    record NxDomain() implements Answer {}

    /** The server answered with an error such as SERVFAIL or REFUSED. */
    record Failed(String rcode) implements Answer {
      public Failed {
        Objects.requireNonNull(rcode, "rcode");
      }
    }
  }

  /** No server answered within the timeout (after the retries). */
  public static final class Unreachable extends IOException {
    private static final long serialVersionUID = 1L;

    Unreachable(String message, Throwable cause) {
      super(message, cause);
    }
  }

  public DnsClient(List<InetSocketAddress> servers, Duration timeout, int retries) {
    this.servers = List.copyOf(servers);
    if (this.servers.isEmpty()) {
      throw new IllegalArgumentException("at least one DNS server is needed");
    }
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive");
    }
    if (retries < 0 || retries > 5) {
      throw new IllegalArgumentException("retries must be within 0..5");
    }
    this.retries = retries;
  }

  /**
   * The configured resolver ({@code host}, {@code host:port} or {@code [v6]:port}) when given,
   * otherwise the system's resolvers.
   */
  public static DnsClient create(Optional<String> resolver, Duration timeout, int retries) {
    if (resolver.isPresent()) {
      return new DnsClient(List.of(parseServer(resolver.get())), timeout, retries);
    }
    List<InetSocketAddress> system = new ArrayList<>(ResolverConfig.getCurrentConfig().servers());
    if (system.isEmpty()) {
      system.add(new InetSocketAddress(InetAddress.getLoopbackAddress(), DNS_PORT));
    }
    return new DnsClient(system, timeout, retries);
  }

  /** Reads {@code host}, {@code host:port} or {@code [v6]:port}. */
  public static InetSocketAddress parseServer(String value) {
    String text = value.strip();
    String host = text;
    int port = DNS_PORT;
    if (text.startsWith("[")) {
      int close = text.indexOf(']');
      if (close < 0) {
        throw new IllegalArgumentException("missing ']' in resolver address: " + value);
      }
      host = text.substring(1, close);
      if (text.length() > close + 1) {
        if (text.charAt(close + 1) != ':') {
          throw new IllegalArgumentException("expected ':port' after ']' in " + value);
        }
        port = port(text.substring(close + 2), value);
      }
    } else if (text.chars().filter(c -> c == ':').count() == 1) {
      int colon = text.indexOf(':');
      host = text.substring(0, colon);
      port = port(text.substring(colon + 1), value);
    }
    if (host.isEmpty()) {
      throw new IllegalArgumentException("resolver host is empty: " + value);
    }
    try {
      return new InetSocketAddress(InetAddress.getByName(host), port);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("unknown resolver host '" + host + "'", e);
    }
  }

  private static int port(String text, String value) {
    try {
      int port = Integer.parseInt(text);
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException("resolver port out of range in " + value);
      }
      return port;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("resolver port is not a number in " + value, e);
    }
  }

  /** A short description of who is asked, for replies. */
  public String describe() {
    List<String> names = new ArrayList<>();
    for (InetSocketAddress server : servers) {
      String host = server.getAddress().getHostAddress();
      names.add((host.contains(":") ? "[" + host + "]" : host) + ":" + server.getPort());
    }
    return String.join(", ", names);
  }

  public Duration timeout() {
    return timeout;
  }

  /**
   * Asks {@code name} (absolute, trailing dot) for records of {@code type} ({@code Type.SRV}...).
   */
  public Answer query(String name, int type) throws Unreachable {
    Name qname;
    try {
      qname = Name.fromString(name);
    } catch (TextParseException e) {
      throw new IllegalArgumentException("not a DNS name: " + name, e);
    }
    if (!qname.isAbsolute()) {
      throw new IllegalArgumentException("query absolute names only: " + name);
    }
    Message query = Message.newQuery(Record.newRecord(qname, type, DClass.IN));
    IOException last = null;
    for (InetSocketAddress server : servers) {
      SimpleResolver resolver = new SimpleResolver(server);
      resolver.setTimeout(timeout);
      for (int attempt = 0; attempt <= retries; attempt++) {
        try {
          return answer(resolver.send(query), type);
        } catch (IOException e) {
          last = e;
        }
      }
    }
    throw new Unreachable(
        "no answer from DNS resolver "
            + describe()
            + " within "
            + timeout.toMillis()
            + " ms ("
            + (retries + 1)
            + " tries)",
        last);
  }

  private static Answer answer(Message response, int type) {
    int rcode = response.getRcode();
    if (rcode == Rcode.NXDOMAIN) {
      return new Answer.NxDomain();
    }
    if (rcode != Rcode.NOERROR) {
      return new Answer.Failed(Rcode.string(rcode));
    }
    List<Record> records = response.getSection(Section.ANSWER);
    if (records.isEmpty()) {
      return new Answer.NoData();
    }
    return new Answer.Records(records);
  }
}
