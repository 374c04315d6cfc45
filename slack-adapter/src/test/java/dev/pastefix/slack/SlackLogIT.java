package dev.pastefix.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pastefix.core.feedback.InMemoryFeedbackStore;
import dev.pastefix.core.testing.RecordingStep;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A busy exchange in HTTP mode leaves no token or secret in the log. */
class SlackLogIT {
  private static final String BOT_TOKEN = "xoxb-never-log-this-4711";
  private static final String SECRET = "never-log-this-secret-0815";
  private static final String PASTED_SECRET = "Connect-MicrosoftTeams password=Hunter2-pasted";

  @Test
  void logsNoTokenOrSecret() throws Exception {
    Path log = Path.of(System.getProperty("org.slf4j.simpleLogger.logFile", "target/slack-it.log"));
    try (FakeSlackApi slack = new FakeSlackApi();
        SlackBot bot =
            new SlackBot(
                new SlackOptions(
                    BOT_TOKEN, Optional.empty(), Optional.of(SECRET), slack.apiUrl(), 0),
                RecordingStep.passing().pipeline(),
                new InMemoryFeedbackStore())) {
      bot.start();
      TestingJetty http = TestingJetty.serving(bot);
      TestingSlackClient client = new TestingSlackClient(http.port(), SECRET);
      slack.rateLimitPostMessage(1);

      client.postJson(
          SlackPayloads.channelMessage(
              "Ev300", "C0ADMINS", "1700000000.000300", Pastes.MAX_SHELLS_TENANT));
      int rejected =
          client
              .post("{}", "application/json", Map.of(), Instant.now().getEpochSecond(), "wrong")
              .statusCode();
      client.postForm(SlackPayloads.command("help", slack.responseUrl("log1")));
      int unrecognised =
          client
              .postJson("{\"type\":\"event_callback\",\"text\":\"" + PASTED_SECRET + "\"}")
              .statusCode();
      slack.awaitCount("/api/chat.postMessage", 2);

      assertEquals(401, rejected);
      assertEquals(400, unrecognised);
      http.close();
    }
    assertTrue(Files.exists(log), "the tests log to " + log);
    String text = Files.readString(log, StandardCharsets.UTF_8);
    assertTrue(text.contains("rate-limited"), "the exchange was logged");
    assertFalse(text.contains(BOT_TOKEN), "bot token in the log");
    assertFalse(text.contains(SECRET), "signing secret in the log");
    assertTrue(text.contains("a signed request that is not a Slack payload"), "it was noted");
    assertFalse(text.contains("Hunter2"), "a signed but unrecognised body in the log");
  }
}
