package dev.pastefix.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.pastefix.core.Outcome;
import dev.pastefix.core.state.BotState;
import dev.pastefix.knowledge.KnowledgeBase;
import dev.pastefix.slack.SlackBot;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The launcher starts Slack from the settings, or explains why it cannot. */
class LauncherSlackTest {
  private static final String TOKEN = "xoxb-launcher-test-99";

  /** A loopback Slack Web API that only answers auth.test, with {@code answer}. */
  private static HttpServer fakeSlack(String answer) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/api/",
        exchange -> {
          byte[] body = answer.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
    return server;
  }

  private static Map<String, String> env(HttpServer slack, int port) {
    return Map.of(
        "SLACK_BOT_TOKEN",
        TOKEN,
        "SLACK_SIGNING_SECRET",
        "launcher-secret",
        "SLACK_API_URL",
        "http://127.0.0.1:" + slack.getAddress().getPort() + "/api/",
        "PASTEFIX_HTTP_PORT",
        Integer.toString(port));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Test
  void startsSlackInHttpModeFromTheSettings() throws Exception {
    HttpServer slack =
        fakeSlack("{\"ok\":true,\"user_id\":\"U0BOT\",\"team_id\":\"T0\",\"user\":\"pastefix\"}");
    int port = freePort();
    InMemoryTerminal terminal = new InMemoryTerminal();
    Settings settings = Settings.from(env(slack, port));
    try (SlackBot bot =
        Launcher.startSlack(
            settings.slack().orElseThrow(),
            m -> new Outcome.Silent("test"),
            BotState.inMemory(Clock.systemUTC()),
            Settings.Storage.DEFAULT_STALE_CLAIM_AFTER,
            Clock.systemUTC(),
            terminal.terminal())) {
      HttpResponse<String> health =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz"))
                      .timeout(Duration.ofSeconds(10))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());

      assertEquals(200, health.statusCode());
      assertTrue(terminal.err().contains("HTTP mode on port " + port), terminal.err());
    } finally {
      slack.stop(0);
    }
  }

  @Test
  void explainsARejectedSlackTokenAndExitsWithTheConfigCode() throws Exception {
    HttpServer slack = fakeSlack("{\"ok\":false,\"error\":\"invalid_auth\"}");
    InMemoryTerminal terminal = new InMemoryTerminal();
    try {
      Settings settings = Settings.from(env(slack, freePort()));
      Launcher launcher = new Launcher(new Startup(), Clock.systemUTC());

      int code =
          launcher.startPlatforms(
              settings,
              Settings.storageFrom(Map.of()),
              BotState.inMemory(Clock.systemUTC()),
              new Startup.Ready(
                  new KnowledgeBase(List.of(), List.of()),
                  m -> new Outcome.Silent("test"),
                  Duration.ZERO),
              terminal.terminal());

      assertEquals(ExitCodes.CONFIG, code);
      assertTrue(terminal.err().contains("Slack rejected SLACK_BOT_TOKEN"), terminal.err());
      assertFalse(terminal.err().contains(TOKEN), terminal.err());
    } finally {
      slack.stop(0);
    }
  }
}
