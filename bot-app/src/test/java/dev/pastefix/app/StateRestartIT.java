package dev.pastefix.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pastefix.core.state.BotState;
import dev.pastefix.core.state.FallbackState;
import dev.pastefix.slack.FakeSlackApi;
import dev.pastefix.slack.Pastes;
import dev.pastefix.slack.SlackBot;
import dev.pastefix.slack.SlackOptions;
import dev.pastefix.slack.SlackPayloads;
import dev.pastefix.slack.TestingJetty;
import dev.pastefix.slack.TestingSlackClient;
import dev.pastefix.storage.DatabaseTarget;
import dev.pastefix.storage.EmbeddedPostgresServer;
import dev.pastefix.storage.StateDatabase;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A deploy: the bot stops and a new one starts on the same PostgreSQL; nothing is forgotten. */
class StateRestartIT {
  private static final String SECRET = "restart-signing-secret";
  private static final String WINRM_OUTPUT =
      "Auth\n    Basic = false [Source=\"GPO\"]\n    Digest = true\n    Kerberos = true\n";

  private FakeSlackApi slack;
  private DatabaseTarget target;
  private Running running;

  /** One bot process: its pool on the database, its engine, its Slack app. */
  private record Running(
      StateDatabase db, SlackBot bot, TestingJetty http, TestingSlackClient client)
      implements AutoCloseable {
    @Override
    public void close() throws Exception {
      http.close();
      bot.close();
      db.close();
    }
  }

  @BeforeEach
  void start() throws Exception {
    slack = new FakeSlackApi();
    target = EmbeddedPostgresServer.shared().newDatabase();
  }

  @AfterEach
  void stop() throws Exception {
    if (running != null) {
      running.close();
    }
    slack.close();
  }

  private Running startBot() throws Exception {
    StateDatabase db = StateDatabase.open(target, Clock.systemUTC(), BotState.DEFAULT_RETENTION);
    BotState state =
        FallbackState.wrap(
            db.state(), Clock.systemUTC(), BotState.DEFAULT_RETENTION, db.describe());
    Startup.Ready ready = new Startup().start(Optional.empty(), Optional.of("127.0.0.1:9"), state);
    SlackBot bot =
        new SlackBot(
            new SlackOptions(
                "xoxb-restart-token", Optional.empty(), Optional.of(SECRET), slack.apiUrl(), 0),
            ready.bot(),
            state,
            Settings.Storage.DEFAULT_STALE_CLAIM_AFTER,
            Clock.systemUTC());
    bot.start();
    TestingJetty http = TestingJetty.serving(bot);
    return new Running(db, bot, http, new TestingSlackClient(http.port(), SECRET));
  }

  @Test
  void aRestartedBotRemembersRetriesPendingChecksVotesAndAnsweredThreads() throws Exception {
    running = startBot();
    String paste =
        SlackPayloads.channelMessage(
            "Ev500", "C0ADMINS", "1700000500.000100", Pastes.MAX_SHELLS_TENANT);
    running.client().postJson(paste);
    FakeSlackApi.Call answer = slack.await("/api/chat.postMessage");
    running
        .client()
        .postJson(
            SlackPayloads.message(
                "Ev501",
                "D0DM",
                "im",
                "U0USER1",
                "1700000501.000100",
                "check winrm",
                Optional.empty()));
    slack.awaitCount("/api/chat.postMessage", 2);
    running
        .client()
        .postForm(
            SlackPayloads.blockAction(
                "pastefix_feedback_helpful",
                "pastefix_feedback",
                "max-shells-tenant",
                "C0ADMINS",
                "1700000100.000001",
                Optional.of(answer.form().get("blocks")),
                slack.responseUrl("vote")));
    running.close();

    running = startBot();
    running
        .client()
        .postJson(paste, Map.of("X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout"));
    running
        .client()
        .postJson(
            SlackPayloads.message(
                "Ev502",
                "D0DM",
                "im",
                "U0USER1",
                "1700000502.000100",
                WINRM_OUTPUT,
                Optional.empty()));
    List<FakeSlackApi.Call> posts = slack.awaitCount("/api/chat.postMessage", 3);
    assertTrue(
        posts.get(2).form().get("blocks").contains("Basic"),
        "the paste is read as the pending check's output: " + posts.get(2).form());
    assertEquals("D0DM", posts.get(2).form().get("channel"));

    running
        .client()
        .postJson(
            SlackPayloads.message(
                "Ev503",
                "C0ADMINS",
                "channel",
                "U0USER1",
                "1700000503.000100",
                "how do I see which sessions are open?",
                Optional.of("1700000500.000100")));
    posts = slack.awaitCount("/api/chat.postMessage", 4);
    assertEquals("1700000500.000100", posts.get(3).form().get("thread_ts"), "a follow-up");
    Thread.sleep(1000);
    assertEquals(4, slack.calls("/api/chat.postMessage").size(), "the retry was not answered");

    InMemoryTerminal terminal =
        new InMemoryTerminal(
            new byte[0],
            Map.of(
                "PASTEFIX_DATABASE_URL", target.url(),
                "PASTEFIX_DATABASE_USER", "postgres",
                "PASTEFIX_DATABASE_PASSWORD", "postgres"));
    assertEquals(
        ExitCodes.OK,
        TestingCommandLine.run(
            new StatsCommand(Clock.systemUTC()), List.of("--json"), terminal.terminal()));
    JsonNode stats = new ObjectMapper().readTree(terminal.out());
    assertEquals(
        1, stats.path("entries").path("max-shells-tenant").path("helpful").asInt(), terminal.out());
    assertTrue(stats.path("by_platform").path("slack").path("answer").asInt() >= 2, terminal.out());
  }
}
