package dev.pastefix.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pastefix.core.Outcome;
import dev.pastefix.core.feedback.InMemoryFeedbackStore;
import com.sun.net.httpserver.HttpServer;
import dev.pastefix.slack.SlackBot;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The launcher serves Teams' /api/messages on its own port, or explains why it cannot. */
class TeamsPlatformTest {
  static final String APP_ID = "00000000-1111-2222-3333-444444444444";

  private static Settings.Teams teams(int port) throws Exception {
    return Settings.from(
            Map.of(
                "TEAMS_APP_ID", APP_ID,
                "TEAMS_APP_PASSWORD", "secret",
                // Nothing listens there: no request in these tests gets as far as the keys.
                "TEAMS_OPENID_METADATA_URL", "http://127.0.0.1:9/openid",
                "TEAMS_LOGIN_URL", "http://127.0.0.1:9/token",
                "PASTEFIX_TEAMS_PORT", Integer.toString(port)))
        .teams()
        .orElseThrow();
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Test
  void servesApiMessagesAndRefusesAnUnsignedRequest() throws Exception {
    int port = freePort();
    InMemoryTerminal terminal = new InMemoryTerminal();
    try (TeamsPlatform platform =
        Launcher.startTeams(
            teams(port),
            m -> new Outcome.Silent("test"),
            new InMemoryFeedbackStore(),
            terminal.terminal())) {
      HttpClient http = HttpClient.newHttpClient();
      URI endpoint = URI.create("http://127.0.0.1:" + port + "/api/messages");
      HttpResponse<String> unsigned =
          http.send(
              HttpRequest.newBuilder(endpoint)
                  .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"message\"}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> get =
          http.send(HttpRequest.newBuilder(endpoint).build(), HttpResponse.BodyHandlers.ofString());

      assertEquals(port, platform.port());
      assertEquals(401, unsigned.statusCode());
      assertEquals(405, get.statusCode());
      assertTrue(terminal.err().contains("Teams is listening on port " + port), terminal.err());
    }
  }

  @Test
  void runsBesideSlackHttpMode() throws Exception {
    HttpServer slackApi = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    slackApi.createContext(
        "/api/",
        exchange -> {
          byte[] body =
              "{\"ok\":true,\"user_id\":\"U0BOT\",\"team_id\":\"T0\"}"
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    slackApi.start();
    int slackPort = freePort();
    int teamsPort = freePort();
    Map<String, String> env = new HashMap<>();
    env.put("SLACK_BOT_TOKEN", "xoxb-side-by-side");
    env.put("SLACK_SIGNING_SECRET", "secret");
    env.put("SLACK_API_URL", "http://127.0.0.1:" + slackApi.getAddress().getPort() + "/api/");
    env.put("PASTEFIX_HTTP_PORT", Integer.toString(slackPort));
    env.put("TEAMS_APP_ID", APP_ID);
    env.put("TEAMS_APP_PASSWORD", "secret");
    env.put("TEAMS_OPENID_METADATA_URL", "http://127.0.0.1:9/openid");
    env.put("TEAMS_LOGIN_URL", "http://127.0.0.1:9/token");
    env.put("PASTEFIX_TEAMS_PORT", Integer.toString(teamsPort));
    Settings settings = Settings.from(env);
    InMemoryTerminal terminal = new InMemoryTerminal();
    InMemoryFeedbackStore feedback = new InMemoryFeedbackStore();
    try (SlackBot slack =
            Launcher.startSlack(
                settings.slack().orElseThrow(),
                m -> new Outcome.Silent("test"),
                feedback,
                terminal.terminal());
        TeamsPlatform teams =
            Launcher.startTeams(
                settings.teams().orElseThrow(),
                m -> new Outcome.Silent("test"),
                feedback,
                terminal.terminal())) {
      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> slackHealth =
          http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + slackPort + "/healthz"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> teamsUnsigned =
          http.send(
              HttpRequest.newBuilder(
                      URI.create("http://127.0.0.1:" + teams.port() + "/api/messages"))
                  .POST(HttpRequest.BodyPublishers.ofString("{}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());

      assertEquals(200, slackHealth.statusCode());
      assertEquals(401, teamsUnsigned.statusCode());
    } finally {
      slackApi.stop(0);
    }
  }

  @Test
  void explainsAPortInUse() throws Exception {
    try (ServerSocket taken = new ServerSocket(0)) {
      TeamsPlatform.StartFailure e =
          assertThrows(
              TeamsPlatform.StartFailure.class,
              () ->
                  TeamsPlatform.start(
                      teams(taken.getLocalPort()),
                      m -> new Outcome.Silent("test"),
                      new InMemoryFeedbackStore(),
                      new LocalSeenEvents()));

      assertTrue(e.getMessage().contains("PASTEFIX_TEAMS_PORT"), e.getMessage());
    }
  }

  @Test
  void isNotReadyWhileTheTokenEndpointIsUnreachable() throws Exception {
    try (TeamsPlatform platform =
        TeamsPlatform.start(
            teams(freePort()),
            m -> new Outcome.Silent("test"),
            new InMemoryFeedbackStore(),
            new LocalSeenEvents())) {
      assertEquals(false, platform.ready());
    }
  }
}
