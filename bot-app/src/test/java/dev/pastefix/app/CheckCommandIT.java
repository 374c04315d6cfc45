package dev.pastefix.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pastefix.core.check.FakeDnsServer;
import dev.pastefix.knowledge.KnowledgeLoader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code pastefix check dns} against a DNS server on loopback, through PASTEFIX_DNS_RESOLVER. */
class CheckCommandIT {
  private FakeDnsServer dns;
  private final Main main =
      new Main(
          List.of(new CheckCommand(new KnowledgeLoader(), Clock.systemUTC())),
          new Launcher(new Startup(), Clock.systemUTC()));

  @BeforeEach
  void start() throws Exception {
    dns = new FakeDnsServer();
  }

  @AfterEach
  void stop() {
    dns.close();
  }

  private String[] lastOut = new String[1];

  private int run(Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Terminal terminal =
        new Terminal(
            new ByteArrayInputStream(new byte[0]),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            env);
    int code = main.run(List.of(args), terminal);
    lastOut[0] = out.toString(StandardCharsets.UTF_8);
    return code;
  }

  @Test
  void exitsZeroAndPrintsTheTableWhenAllFourRecordsAreRight() {
    dns.healthy("contoso.test");

    int code = run(Map.of("PASTEFIX_DNS_RESOLVER", dns.address()), "check", "dns", "contoso.test");

    assertEquals(0, code, lastOut[0]);
    assertTrue(lastOut[0].startsWith("check dns: OK"), lastOut[0]);
    assertTrue(lastOut[0].contains("SRV _sipfederationtls._tcp.contoso.test"));
    assertTrue(lastOut[0].contains("present: webdir.online.lync.com"));
    // The chat's verdict reply: the knowledge base's entries name their ids after the link.
    assertTrue(lastOut[0].contains("(server-unavailable-dns)"), lastOut[0]);
    assertTrue(lastOut[0].contains("(dns-propagation)"), lastOut[0]);
  }

  @Test
  void exitsOneAndPrintsTheRecordToAddWhenOneIsMissing() {
    dns.zone("contoso.test")
        .srv("_sip._tls.contoso.test", 443, "sipdir.online.lync.com")
        .srv("_sipfederationtls._tcp.contoso.test", 5061, "sipfed.online.lync.com")
        .cname("sip.contoso.test", "sipdir.online.lync.com");

    int code = run(Map.of("PASTEFIX_DNS_RESOLVER", dns.address()), "check", "dns", "contoso.test");

    assertEquals(1, code, lastOut[0]);
    assertTrue(
        lastOut[0].contains("lyncdiscover.contoso.test. 3600 IN CNAME webdir.online.lync.com."),
        lastOut[0]);
    assertTrue(lastOut[0].contains("72 hours"));
  }

  @Test
  void exitsOneWhenTheDomainDoesNotExist() {
    dns.zone("test");

    assertEquals(
        1, run(Map.of("PASTEFIX_DNS_RESOLVER", dns.address()), "check", "dns", "nowhere.test"));
    assertTrue(lastOut[0].contains("does not exist"), lastOut[0]);
  }

  @Test
  void exitsOneWhenTheResolverIsDown() throws Exception {
    int port;
    try (DatagramSocket probe =
        new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
      port = probe.getLocalPort();
    }

    int code =
        run(Map.of("PASTEFIX_DNS_RESOLVER", "127.0.0.1:" + port), "check", "dns", "contoso.test");

    assertEquals(1, code, lastOut[0]);
    assertTrue(lastOut[0].contains("did not answer"), lastOut[0]);
  }
}
