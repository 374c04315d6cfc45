package dev.pastefix.slack;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pastefix.core.Outcome;
import dev.pastefix.core.feedback.InMemoryFeedbackStore;
import dev.pastefix.core.testing.RecordingStep;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Starting against a Slack that refuses the token or is not there fails with a clear message. */
class SlackStartIT {
  private static final String TOKEN = "xoxb-start-token-1234";

  @Test
  void explainsARejectedBotToken() throws Exception {
    try (FakeSlackApi slack = new FakeSlackApi()) {
      slack.rejectTokens();
      SlackBot bot = bot(slack.apiUrl());

      SlackBot.StartFailure failure = assertThrows(SlackBot.StartFailure.class, bot::start);

      assertTrue(failure.getMessage().contains("Slack rejected SLACK_BOT_TOKEN (invalid_auth)"));
      assertFalse(failure.getMessage().contains(TOKEN));
      bot.close();
    }
  }

  @Test
  void explainsAnUnreachableSlack() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    SlackBot bot = bot(URI.create("http://127.0.0.1:" + closedPort + "/api/"));

    SlackBot.StartFailure failure = assertThrows(SlackBot.StartFailure.class, bot::start);

    assertTrue(
        failure.getMessage().startsWith("cannot reach the Slack Web API at http://127.0.0.1:"));
    assertFalse(failure.getMessage().contains(TOKEN));
    bot.close();
  }

  @Test
  void namesTheApiUrlWithoutItsCredentials() throws Exception {
    SlackBot bot = bot(URI.create("http://admin:hunter2@127.0.0.1:1/api/?token=xoxb-leak"));

    SlackBot.StartFailure failure = assertThrows(SlackBot.StartFailure.class, bot::start);

    assertTrue(failure.getMessage().contains("http://127.0.0.1:1/api/"), failure.getMessage());
    assertFalse(failure.getMessage().contains("hunter2"), failure.getMessage());
    assertFalse(failure.getMessage().contains("xoxb-leak"), failure.getMessage());
    assertFalse(bot.toString().contains("hunter2"), bot.toString());
    bot.close();
  }

  private static SlackBot bot(URI apiUrl) {
    return new SlackBot(
        new SlackOptions(TOKEN, Optional.empty(), Optional.of("s"), apiUrl, 0),
        RecordingStep.answering(m -> new Outcome.Silent("test")).pipeline(),
        new InMemoryFeedbackStore());
  }
}
