package dev.pastefix.core.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DnsCheckIT {
  private FakeDnsServer server;
  private DnsCheck check;

  @BeforeEach
  void start() throws Exception {
    server = new FakeDnsServer();
    check = new DnsCheck(DnsClient.create(Optional.of(server.address()), Duration.ofSeconds(2), 1));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void reportsAllFourRecordsPresentWhenTheZoneIsRight() {
    server.healthy("contoso.test");

    CheckVerdict verdict = check.run("contoso.test");

    assertEquals(CheckStatus.OK, verdict.status(), verdict.toString());
    assertEquals(4, verdict.lines().size());
    assertTrue(verdict.lines().stream().allMatch(l -> l.status() == CheckStatus.OK));
    assertTrue(verdict.lines().get(0).value().contains("sipdir.online.lync.com port 443"));
    assertTrue(verdict.fix().isEmpty());
    assertEquals(List.of("server-unavailable-dns"), verdict.relatedEntryIds());
    String reply =
        PipelineChecksTest.text(new CheckReplies(TestingKnowledge.base()).verdict(check, verdict));
    assertTrue(
        reply.contains("Server is temporarily unavailable (DNS) (server-unavailable-dns)"), reply);
    assertTrue(reply.contains("DNS changes not propagated yet (dns-propagation)"), reply);
  }

  @Test
  void reportsAMissingCnameWithTheRecordToAdd() {
    server
        .zone("fabrikam.test")
        .srv("_sip._tls.fabrikam.test", 443, "sipdir.online.lync.com")
        .srv("_sipfederationtls._tcp.fabrikam.test", 5061, "sipfed.online.lync.com")
        .cname("lyncdiscover.fabrikam.test", "webdir.online.lync.com");

    CheckVerdict verdict = check.run("Fabrikam.TEST.");

    assertEquals(CheckStatus.PROBLEM, verdict.status());
    CheckLine sip = verdict.lines().get(2);
    assertEquals("CNAME sip.fabrikam.test", sip.label());
    assertEquals("missing", sip.value());
    assertEquals(1, verdict.fix().size());
    assertEquals(
        List.of("sip.fabrikam.test. 3600 IN CNAME sipdir.online.lync.com."),
        verdict.fix().get(0).commands());
    assertTrue(verdict.headline().contains("1 of 4"), verdict.headline());
  }

  @Test
  void showsWhereAWrongRecordPoints() {
    server
        .zone("litware.test")
        .srv("_sip._tls.litware.test", 443, "sipdir.online.lync.com")
        .srv("_sipfederationtls._tcp.litware.test", 5061, "sip.litware.test")
        .cname("sip.litware.test", "sipdir.online.lync.com")
        .cname("lyncdiscover.litware.test", "lyncdiscover.old-host.test");

    CheckVerdict verdict = check.run("litware.test");

    assertEquals(CheckStatus.PROBLEM, verdict.status());
    assertTrue(
        verdict.lines().get(1).value().startsWith("wrong: points to sip.litware.test port 5061"));
    assertTrue(verdict.lines().get(3).value().contains("lyncdiscover.old-host.test"));
    assertEquals(2, verdict.fix().size());
    assertEquals(
        "_sipfederationtls._tcp.litware.test. 3600 IN SRV 100 1 5061 sipfed.online.lync.com.",
        verdict.fix().get(0).commands().get(0));
  }

  @Test
  void flagsAnSrvRecordOnTheWrongPort() {
    server
        .zone("tailspin.test")
        .srv("_sip._tls.tailspin.test", 5061, "sipdir.online.lync.com")
        .srv("_sipfederationtls._tcp.tailspin.test", 5061, "sipfed.online.lync.com")
        .cname("sip.tailspin.test", "sipdir.online.lync.com")
        .cname("lyncdiscover.tailspin.test", "webdir.online.lync.com");

    CheckVerdict verdict = check.run("tailspin.test");

    assertEquals(CheckStatus.PROBLEM, verdict.status());
    assertEquals(CheckStatus.PROBLEM, verdict.lines().get(0).status());
    assertTrue(verdict.lines().get(0).value().contains("port 5061"));
    assertTrue(verdict.fix().get(0).text().startsWith("Change SRV _sip._tls.tailspin.test"));
  }

  @Test
  void saysAnARecordIsNotTheCnameItShouldBe() {
    server
        .zone("adatum.test")
        .srv("_sip._tls.adatum.test", 443, "sipdir.online.lync.com")
        .srv("_sipfederationtls._tcp.adatum.test", 5061, "sipfed.online.lync.com")
        .a("sip.adatum.test", "192.0.2.10")
        .cname("lyncdiscover.adatum.test", "webdir.online.lync.com");

    CheckVerdict verdict = check.run("adatum.test");

    assertEquals(CheckStatus.PROBLEM, verdict.status());
    assertTrue(
        verdict.lines().get(2).value().contains("A record (192.0.2.10)"),
        verdict.lines().get(2).value());
  }

  @Test
  void saysTheDomainDoesNotExist() {
    server.zone("test").healthy("contoso.test");

    CheckVerdict verdict = check.run("nosuchdomain.test");

    assertEquals(CheckStatus.PROBLEM, verdict.status());
    assertTrue(verdict.headline().contains("does not exist"), verdict.headline());
    assertTrue(verdict.headline().contains("NXDOMAIN"));
    assertTrue(verdict.fix().isEmpty());
  }

  @Test
  void saysWhenTheResolverRefusesTheDomain() {
    server.healthy("contoso.test");

    CheckVerdict verdict = check.run("northwind.example");

    assertEquals(CheckStatus.PROBLEM, verdict.status());
    assertTrue(verdict.headline().contains("answered REFUSED"), verdict.headline());
    assertEquals(1, server.queries());
  }

  @Test
  void saysTheResolverDoesNotAnswer() throws Exception {
    int silentPort;
    // A bound socket that never replies: the query times out instead of being refused.
    try (DatagramSocket silent =
        new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
      silentPort = silent.getLocalPort();
      DnsCheck down =
          new DnsCheck(
              DnsClient.create(Optional.of("127.0.0.1:" + silentPort), Duration.ofMillis(200), 1));

      CheckVerdict verdict = down.run("contoso.test");

      assertEquals(CheckStatus.PROBLEM, verdict.status());
      assertTrue(verdict.headline().contains("did not answer"), verdict.headline());
      assertTrue(verdict.headline().contains("127.0.0.1:" + silentPort));
    }
  }

  @Test
  void saysTheResolverIsDownWhenNothingListens() throws Exception {
    int port;
    try (DatagramSocket probe =
        new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
      port = probe.getLocalPort();
    }
    DnsCheck down =
        new DnsCheck(DnsClient.create(Optional.of("127.0.0.1:" + port), Duration.ofMillis(200), 0));

    CheckVerdict verdict = down.run("contoso.test");

    assertEquals(CheckStatus.PROBLEM, verdict.status());
    assertTrue(verdict.headline().contains("did not answer"), verdict.headline());
  }

  @Test
  void refusesTextThatIsNotADomainWithoutAskingDns() {
    for (String bad :
        List.of(
            "",
            "contoso",
            "contoso..com",
            "-contoso.com",
            "rm -rf /",
            "contoso.com; ls",
            "a".repeat(64) + ".com",
            "x".repeat(1_000_000),
            "\u0000\u0001binary.com")) {
      CheckVerdict verdict = check.run(bad);
      assertEquals(CheckStatus.UNRECOGNISED, verdict.status(), bad.length() > 80 ? "long" : bad);
    }
    assertEquals(0, server.queries());
  }
}
