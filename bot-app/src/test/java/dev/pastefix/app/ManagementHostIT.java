package dev.pastefix.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The management endpoints over the bot's real HTTP stack answer only requests addressed to this
 * server by name or address: a page that re-points a name of its own at 127.0.0.1 (DNS rebinding)
 * gets 421 and no metric.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ManagementHostIT {
  private RunningBot bot;
  private int port;

  /** What came back: the status code and the whole response as text. */
  private record Answer(int status, String text) {
    String body() {
      int end = text.indexOf("\r\n\r\n");
      return end < 0 ? "" : text.substring(end + 4);
    }
  }

  @BeforeAll
  void start() throws Exception {
    port = freePort();
    bot =
        RunningBot.start(
            Settings.from(Map.of("PASTEFIX_MANAGEMENT_PORT", Integer.toString(port))),
            new Startup().start(Optional.empty()),
            List.of(),
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
  }

  @AfterAll
  void stop() {
    bot.stop();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** Sends {@code head} (request line and headers) as it is, on a connection of its own. */
  private static Answer send(int port, String head) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      socket
          .getOutputStream()
          .write((head + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      String text = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      String[] status = text.split(" ", 3);
      return new Answer(status.length < 2 ? -1 : Integer.parseInt(status[1]), text);
    }
  }

  private Answer get(String path, String host) throws IOException {
    return send(port, "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n");
  }

  @Test
  void answersTheConfiguredHostLocalhostAndIpLiterals() throws Exception {
    for (String host :
        List.of(
            "127.0.0.1:" + port,
            "127.0.0.1",
            "localhost:" + port,
            "LOCALHOST.",
            "[::1]:" + port,
            "10.1.2.3:" + port)) {
      Answer answer = get("/metrics", host);
      assertEquals(200, answer.status(), host + ": " + answer.text());
      assertTrue(answer.body().contains("pastefix_knowledge_entries"), host);
    }
  }

  @Test
  void refusesANameThatWasReboundToLoopbackWith421AndNoMetric() throws Exception {
    for (String host :
        List.of(
            "rebind.attacker.example:" + port,
            "127.0.0.1.nip.example",
            "localhost.attacker.example",
            "127.0.0.1.")) {
      Answer answer = get("/metrics", host);
      if (host.equals("127.0.0.1.")) {
        // A trailing dot on an address is still that address.
        assertEquals(200, answer.status(), answer.text());
        continue;
      }
      assertEquals(HostGate.MISDIRECTED, answer.status(), host + ": " + answer.text());
      assertFalse(answer.body().contains("pastefix_"), "no metric leaks to " + host);
      assertTrue(
          answer.body().contains("names another server")
              && answer.body().contains("answer only Host 127.0.0.1, localhost or an IP address"),
          answer.body());
      assertTrue(answer.text().toLowerCase().contains("x-content-type-options: nosniff"));
    }
    Answer ready = get("/readyz", "rebind.attacker.example");
    assertEquals(HostGate.MISDIRECTED, ready.status());
    assertFalse(ready.body().contains("knowledge"), ready.body());
  }

  @Test
  void refusesAnAbsoluteTargetNamingAnotherServer() throws Exception {
    Answer disagreeing =
        send(
            port,
            "GET http://rebind.attacker.example:"
                + port
                + "/metrics HTTP/1.1\r\nHost: 127.0.0.1\r\n");
    Answer agreeing =
        send(
            port,
            "GET http://rebind.attacker.example/metrics HTTP/1.1\r\n"
                + "Host: rebind.attacker.example\r\n");

    // Jetty refuses a target that disagrees with the Host header; the gate refuses the name.
    assertEquals(HostGate.BAD_REQUEST, disagreeing.status(), disagreeing.text());
    assertFalse(disagreeing.body().contains("pastefix_"), disagreeing.body());
    assertEquals(HostGate.MISDIRECTED, agreeing.status(), agreeing.text());
    assertFalse(agreeing.body().contains("pastefix_"), agreeing.body());
  }

  @Test
  void refusesARequestWithoutHostWith400() throws Exception {
    Answer answer = send(port, "GET /healthz HTTP/1.0\r\n");
    assertEquals(HostGate.BAD_REQUEST, answer.status(), answer.text());
    assertTrue(answer.body().contains("no Host header"), answer.body());
  }

  @Test
  void answersAConfiguredHostName() throws Exception {
    Readiness readiness = new Readiness();
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    try (WebServer web = new WebServer(Settings.from(Map.of()).service().limits())) {
      WebServer.Mount mount =
          new WebServer.Mount(
              "management",
              "127.0.0.1",
              0,
              new HostGate("Metrics.Internal", new ManagementHandler(readiness, registry)));
      web.mount(mount);
      web.start();
      int named = web.localPort(mount);

      Answer ours =
          send(named, "GET /healthz HTTP/1.1\r\nHost: metrics.internal:" + named + "\r\n");
      Answer other = send(named, "GET /healthz HTTP/1.1\r\nHost: metrics.internal.evil\r\n");

      assertEquals(200, ours.status(), ours.text());
      assertEquals(HostGate.MISDIRECTED, other.status(), other.text());
      assertTrue(other.body().contains("answer only Host metrics.internal,"), other.body());
    }
  }
}
