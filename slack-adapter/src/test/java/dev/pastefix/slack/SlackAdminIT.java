package dev.pastefix.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pastefix.core.admin.Admins;
import dev.pastefix.core.admin.Reloader;
import dev.pastefix.core.feedback.InMemoryFeedbackStore;
import dev.pastefix.core.pipeline.Pipeline;
import dev.pastefix.core.state.BotState;
import dev.pastefix.core.testing.TestingPipelines;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The admin gate through Slack HTTP mode: signed {@code /pastefix stats}, {@code review} and {@code
 * reload} answered ephemerally for the user listed in the admins, refused politely to another user
 * of the same workspace.
 */
class SlackAdminIT {
  private TestingJetty http;
  private static final String SECRET = "it-signing-secret";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final AtomicInteger reloads = new AtomicInteger();
  private FakeSlackApi slack;
  private SlackBot slackBot;
  private TestingSlackClient client;

  @BeforeEach
  void start() throws Exception {
    slack = new FakeSlackApi();
    InMemoryFeedbackStore feedback = new InMemoryFeedbackStore();
    Pipeline admin =
        TestingPipelines.over(BotState.inMemory(Clock.systemUTC()))
            .admins(Admins.parse("slack:U0USER1"))
            .reloader(
                () -> {
                  reloads.incrementAndGet();
                  return new Reloader.Rejected(
                      List.of("local.yaml:4: entry 'x', field 'cause': is required but empty"));
                })
            .build();
    slackBot =
        new SlackBot(
            new SlackOptions(
                "xoxb-it-token", Optional.empty(), Optional.of(SECRET), slack.apiUrl(), 0),
            admin,
            feedback);
    slackBot.start();
    http = TestingJetty.serving(slackBot);
    client = new TestingSlackClient(http.port(), SECRET);
  }

  @AfterEach
  void stop() throws Exception {
    http.close();
    slackBot.close();
    slack.close();
  }

  private JsonNode command(String text, String user) throws Exception {
    Map<String, String> form =
        new java.util.LinkedHashMap<>(SlackPayloads.command(text, slack.responseUrl("c")));
    form.put("user_id", user);
    HttpResponse<String> ack = client.postForm(form);
    assertEquals(200, ack.statusCode());
    JsonNode body = JSON.readTree(ack.body());
    assertEquals("ephemeral", body.path("response_type").asText(), body.toString());
    return body;
  }

  @Test
  void answersTheAdminsStatsReviewAndReload() throws Exception {
    assertTrue(command("stats", "U0USER1").toString().contains("pastefix in the last 7 days"));
    assertTrue(command("review", "U0USER1").toString().contains("What I missed"));
    String reload = command("reload", "U0USER1").toString();
    assertTrue(reload.contains("Reload refused: 1 problem"), reload);
    assertTrue(reload.contains("field 'cause'"), reload);
    assertEquals(1, reloads.get());
  }

  @Test
  void refusesEveryoneElsePolitely() throws Exception {
    for (String sub : List.of("stats", "review", "reload")) {
      String reply = command(sub, "U0SOMEONE").toString();
      assertTrue(reply.contains("for pastefix admins only"), reply);
    }
    assertEquals(0, reloads.get(), "nobody but an admin reloads");
  }
}
