package dev.pastefix.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pastefix.core.admin.AdminCommands;
import dev.pastefix.core.review.Reviewer;
import dev.pastefix.core.state.SeenEvents;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import sun.misc.Signal;

/**
 * The bot as a service on loopback: management endpoints next to Slack's HTTP mode, readiness that
 * follows the platforms and the stop, limits that hold against slow and oversized requests, and a
 * SIGTERM that still posts every acknowledged reply.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceIT {
  private static final String SECRET = "service-it-secret";
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private Startup.Ready ready;

  @BeforeAll
  void engine() throws Exception {
    ready = new Startup().start(Optional.empty());
  }

  @AfterAll
  void done() {
    // Nothing: each test closes what it started.
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static Map<String, String> env(
      FakeSlackWebApi slack, int slackPort, int managementPort, Map<String, String> more) {
    Map<String, String> env = new HashMap<>();
    env.put("SLACK_BOT_TOKEN", "xoxb-service-it");
    env.put("SLACK_SIGNING_SECRET", SECRET);
    env.put("SLACK_API_URL", slack.apiUrl().toString());
    env.put("PASTEFIX_HTTP_HOST", "127.0.0.1");
    env.put("PASTEFIX_HTTP_PORT", Integer.toString(slackPort));
    env.put("PASTEFIX_MANAGEMENT_PORT", Integer.toString(managementPort));
    env.putAll(more);
    return env;
  }

  private HttpResponse<String> get(int port, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(10))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void servesHealthReadinessAndMetricsBesideSlacksHttpMode() throws Exception {
    int slackPort = freePort();
    int managementPort = freePort();
    try (FakeSlackWebApi slack = new FakeSlackWebApi(Duration.ZERO)) {
      RunningBot bot =
          RunningBot.start(
              Settings.from(env(slack, slackPort, managementPort, Map.of())),
              ready,
              new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
      try {
        SignedSlackEvents events = new SignedSlackEvents(slackPort, SECRET, Duration.ofSeconds(30));
        HttpResponse<String> ack =
            events
                .send(
                    SignedSlackEvents.channelMessage(
                        "Ev1", "C0ADMINS", "1700000000.000001", SignedSlackEvents.PASTE),
                    0)
                .get(40, TimeUnit.SECONDS);
        assertTrue(slack.awaitReplies(1, Duration.ofSeconds(10)), "the reply was posted");

        HttpResponse<String> health = get(managementPort, "/healthz");
        HttpResponse<String> readyz = get(managementPort, "/readyz");
        String metrics = get(managementPort, "/metrics").body();

        assertEquals(200, ack.statusCode());
        assertEquals(200, health.statusCode());
        assertEquals(200, readyz.statusCode(), readyz.body());
        assertEquals("ready", JSON.readTree(readyz.body()).path("status").asText());
        assertTrue(
            metrics.contains(
                "pastefix_messages_received_total{channel=\"channel\",platform=\"slack\"} 1.0"),
            metrics);
        assertTrue(
            metrics.contains(
                "pastefix_messages_handled_total{channel=\"channel\",outcome=\"answer\","
                    + "platform=\"slack\"} 1.0"),
            metrics);
        assertTrue(metrics.contains("pastefix_replies_posted_total{platform=\"slack\"} 1.0"));
        assertTrue(metrics.contains("pastefix_ack_latency_seconds_bucket"));
        assertTrue(metrics.contains("pastefix_engine_latency_seconds_bucket"));
        assertTrue(metrics.contains("pastefix_reply_latency_seconds_count{platform=\"slack\"} 1"));
        assertTrue(
            metrics.contains(
                "pastefix_knowledge_entries " + ready.knowledge().entries().size() + ".0"));
        assertTrue(metrics.contains("jvm_memory_used_bytes"));
        assertTrue(metrics.contains("process_cpu_usage"));
        assertTrue(metrics.contains("pastefix_ready 1.0"), metrics);
      } finally {
        bot.stop();
      }
    }
  }

  @Test
  void logsHowManyMessagesEachPlatformLeftWhenTheGraceRunsOut() throws Exception {
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    Logs.configure(Settings.LogFormat.TEXT, "INFO", log);
    try {
      int managementPort = freePort();
      TestingPlatform platform = new TestingPlatform();
      platform.connect();
      RunningBot bot =
          RunningBot.start(
              Settings.from(Map.of("PASTEFIX_MANAGEMENT_PORT", Integer.toString(managementPort))),
              ready,
              List.of(platform.platform()),
              new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
              new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

      int left = bot.stop(Duration.ofSeconds(1));

      assertEquals(1, left);
      String logged = log.toString(StandardCharsets.UTF_8);
      assertTrue(logged.contains("testing: 1 acknowledged messages still unanswered"), logged);
      assertTrue(!platform.accepting() && platform.closed());
    } finally {
      Logs.configure(Settings.LogFormat.TEXT, "INFO", System.err);
    }
  }

  @Test
  void isNotReadyUntilEveryPlatformIsConnectedNorOnceStopping() throws Exception {
    int managementPort = freePort();
    TestingPlatform platform = new TestingPlatform();
    Settings settings =
        Settings.from(Map.of("PASTEFIX_MANAGEMENT_PORT", Integer.toString(managementPort)));
    CompletableFuture<RunningBot> starting =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return RunningBot.start(
                    settings,
                    ready,
                    List.of(platform.platform()),
                    new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
              } catch (Platform.StartFailure e) {
                throw new IllegalStateException(e);
              }
            });
    HttpResponse<String> connecting = awaitAnswer(managementPort, "/readyz");
    HttpResponse<String> alive = get(managementPort, "/healthz");
    platform.connect();
    RunningBot bot = starting.get(30, TimeUnit.SECONDS);
    HttpResponse<String> connected = get(managementPort, "/readyz");
    CompletableFuture<Integer> stopping = CompletableFuture.supplyAsync(bot::stop);
    HttpResponse<String> draining = awaitStatus(managementPort, "/readyz", 503);
    platform.finishWork();
    int left = stopping.get(30, TimeUnit.SECONDS);

    assertEquals(503, connecting.statusCode());
    JsonNode notReady = JSON.readTree(connecting.body()).path("not_ready");
    assertEquals("testing", notReady.get(0).asText(), connecting.body());
    assertEquals(200, alive.statusCode(), "alive while platforms connect");
    assertEquals(200, connected.statusCode(), connected.body());
    assertEquals("stopping", JSON.readTree(draining.body()).path("not_ready").get(0).asText());
    assertEquals(0, left);
    assertTrue(!platform.accepting() && platform.closed());
  }

  @Test
  void slowAndIdleConnectionsNeitherBlockOthersNorStayOpen() throws Exception {
    int slackPort = freePort();
    int managementPort = freePort();
    List<Socket> slow = new ArrayList<>();
    try (FakeSlackWebApi slack = new FakeSlackWebApi(Duration.ZERO)) {
      RunningBot bot =
          RunningBot.start(
              Settings.from(
                  env(
                      slack,
                      slackPort,
                      managementPort,
                      Map.of("PASTEFIX_HTTP_IDLE_TIMEOUT_MS", "1500"))),
              ready,
              new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
      try {
        for (int i = 0; i < 200; i++) {
          Socket socket = new Socket("127.0.0.1", i % 2 == 0 ? slackPort : managementPort);
          OutputStream out = socket.getOutputStream();
          // Half a request, then nothing: the way a slow-headers client holds a connection.
          out.write(
              ("POST /slack/events HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Len")
                  .getBytes(StandardCharsets.US_ASCII));
          out.flush();
          slow.add(socket);
        }

        HttpResponse<String> health = get(managementPort, "/healthz");
        HttpResponse<String> slackHealth = get(slackPort, "/healthz");
        HttpResponse<String> event =
            new SignedSlackEvents(slackPort, SECRET, Duration.ofSeconds(30))
                .send(
                    SignedSlackEvents.channelMessage(
                        "Ev2", "C0ADMINS", "1700000000.000002", SignedSlackEvents.PASTE),
                    0)
                .get(40, TimeUnit.SECONDS);

        assertEquals(200, health.statusCode());
        assertEquals(200, slackHealth.statusCode());
        assertEquals(200, event.statusCode());
        Socket first = slow.get(0);
        first.setSoTimeout(10_000);
        assertTrue(closedByServer(first.getInputStream()), "a slow connection was cut off");
      } finally {
        for (Socket socket : slow) {
          socket.close();
        }
        bot.stop();
      }
    }
  }

  /** Whether the server ended the connection (an error answer and EOF count as cut off). */
  private static boolean closedByServer(InputStream in) throws IOException {
    try {
      byte[] buffer = new byte[1024];
      while (in.read(buffer) >= 0) {
        // Jetty may answer 408 before closing; keep reading to the end.
      }
      return true;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true;
    }
  }

  @Test
  void refusesAnOversizedRequestWith413() throws Exception {
    int managementPort = freePort();
    Settings settings =
        Settings.from(Map.of("PASTEFIX_MANAGEMENT_PORT", Integer.toString(managementPort)));
    RunningBot bot =
        RunningBot.start(
            settings,
            ready,
            List.of(),
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    // Only the headers are sent: the refusal comes before the body, and sending the body would
    // race the server closing the connection on it.
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", managementPort)) {
      socket.setSoTimeout(10_000);
      socket
          .getOutputStream()
          .write(
              ("POST /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: "
                      + (10 << 20)
                      + "\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      String status =
          new java.io.BufferedReader(
                  new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
              .readLine();

      assertEquals("413", status == null ? "no response" : status.split(" ")[1], status);
    } finally {
      bot.stop();
    }
  }

  @Test
  void postsEveryAcknowledgedReplyWhenSigtermArrivesWithASlowWebApi() throws Exception {
    int slackPort = freePort();
    int managementPort = freePort();
    int events = 20;
    try (FakeSlackWebApi slack = new FakeSlackWebApi(Duration.ofMillis(400))) {
      Settings settings =
          Settings.from(
              env(slack, slackPort, managementPort, Map.of("PASTEFIX_SLACK_POSTING_THREADS", "2")));
      InMemoryTerminal terminal = new InMemoryTerminal();
      CompletableFuture<Integer> exit =
          CompletableFuture.supplyAsync(
              () ->
                  new Launcher(new Startup(), java.time.Clock.systemUTC())
                      .startPlatforms(
                          settings,
                          ready,
                          AdminCommands.closed(
                              new Reviewer(
                                  ready.state().answerLog(),
                                  ready.state().feedback(),
                                  java.time.Clock.systemUTC()),
                              java.time.Clock.systemUTC()),
                          new KnowledgeInUse(ready.knowledge()),
                          SeenEvents.DEFAULT_STALE_AFTER,
                          terminal.terminal()));
      awaitStatus(managementPort, "/readyz", 200);
      SignedSlackEvents sender = new SignedSlackEvents(slackPort, SECRET, Duration.ofSeconds(30));
      int acknowledged = 0;
      for (int i = 0; i < events; i++) {
        HttpResponse<String> ack =
            sender
                .send(
                    SignedSlackEvents.channelMessage(
                        "EvT" + i,
                        "C0T" + i,
                        "1700000001.0000" + (10 + i),
                        SignedSlackEvents.PASTE),
                    0)
                .get(40, TimeUnit.SECONDS);
        if (ack.statusCode() == 200) {
          acknowledged++;
        }
      }

      Signal.raise(new Signal("TERM"));
      int code = exit.get(40, TimeUnit.SECONDS);

      assertEquals(events, acknowledged);
      assertEquals(ExitCodes.OK, code, terminal.err());
      assertEquals(events, slack.repliedThreads(), "every acknowledged event got its reply");
      assertEquals(0, slack.duplicates());
      assertTrue(slack.posts() >= events);
    }
  }

  private HttpResponse<String> awaitAnswer(int port, String path) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (true) {
      try {
        return get(port, path);
      } catch (IOException e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(50);
      }
    }
  }

  private HttpResponse<String> awaitStatus(int port, String path, int status) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    HttpResponse<String> last = null;
    while (System.nanoTime() < deadline) {
      try {
        last = get(port, path);
        if (last.statusCode() == status) {
          return last;
        }
      } catch (IOException e) {
        // Not listening yet.
      }
      Thread.sleep(50);
    }
    throw new AssertionError(
        path + " never answered " + status + "; last: " + (last == null ? "none" : last.body()));
  }
}
