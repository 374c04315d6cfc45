package dev.pastefix.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pastefix.core.Outcome;
import dev.pastefix.core.feedback.InMemoryFeedbackStore;
import java.net.ServerSocket;
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
