package dev.pastefix.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pastefix.core.state.BotState;
import dev.pastefix.core.state.FallbackState;
import dev.pastefix.core.state.SeenEvents;
import dev.pastefix.core.testing.TestingPipelines;
import dev.pastefix.storage.DatabaseTarget;
import dev.pastefix.storage.EmbeddedPostgresServer;
import dev.pastefix.storage.StateDatabase;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Several Slack instances in HTTP mode on one real PostgreSQL, as behind a load balancer. */
class SlackSharedStateIT {
  private static final String SECRET = "shared-signing-secret";

  private FakeSlackApi slack;
  private final List<AutoCloseable> running = new ArrayList<>();

  @BeforeEach
  void startFakeSlack() throws Exception {
    slack = new FakeSlackApi();
  }

  @AfterEach
  void stopAll() throws Exception {
    for (int i = running.size() - 1; i >= 0; i--) {
      running.get(i).close();
    }
    slack.close();
  }

  /** One instance: its own pool on {@code target}, its own engine wrapper, its own HTTP port. */
  private TestingSlackClient instance(DatabaseTarget target) throws Exception {
    StateDatabase db = StateDatabase.open(target, Clock.systemUTC(), BotState.DEFAULT_RETENTION);
    running.add(db);
    BotState state =
        FallbackState.wrap(
            db.state(), Clock.systemUTC(), BotState.DEFAULT_RETENTION, db.describe());
    SlackBot bot =
        new SlackBot(
            new SlackOptions(
                "xoxb-shared-token", Optional.empty(), Optional.of(SECRET), slack.apiUrl(), 0),
            TestingPipelines.shipped(state),
            state,
            SeenEvents.DEFAULT_STALE_AFTER,
            Clock.systemUTC());
    bot.start();
    running.add(bot);
    TestingJetty http = TestingJetty.serving(bot);
    running.add(http);
    return new TestingSlackClient(http.port(), SECRET);
  }

  @Test
  void oneEventPostedToTwoInstancesAtOnceIsAnsweredOnce() throws Exception {
    DatabaseTarget target = EmbeddedPostgresServer.shared().newDatabase();
    TestingSlackClient first = instance(target);
    TestingSlackClient second = instance(target);
    String event =
        SlackPayloads.channelMessage(
            "Ev900", "C0ADMINS", "1700000900.000100", Pastes.MAX_SHELLS_TENANT);

    CompletableFuture<HttpResponse<String>> a =
        CompletableFuture.supplyAsync(() -> post(first, event, Map.of()));
    CompletableFuture<HttpResponse<String>> b =
        CompletableFuture.supplyAsync(() -> post(second, event, Map.of()));
    assertEquals(200, a.get().statusCode());
    assertEquals(200, b.get().statusCode());
    slack.await("/api/chat.postMessage");
    Thread.sleep(1500);
    assertEquals(1, slack.calls("/api/chat.postMessage").size());

    HttpResponse<String> retry =
        post(
            second,
            event,
            Map.of("X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout"));
    assertEquals(200, retry.statusCode());
    Thread.sleep(1500);
    assertEquals(1, slack.calls("/api/chat.postMessage").size(), "the retry is not answered");
  }

  @Test
  void aFollowUpInAThreadAnsweredByOneInstanceIsAddressedAtTheOther() throws Exception {
    DatabaseTarget target = EmbeddedPostgresServer.shared().newDatabase();
    TestingSlackClient first = instance(target);
    TestingSlackClient second = instance(target);
    post(
        first,
        SlackPayloads.channelMessage(
            "Ev910", "C0ADMINS", "1700000910.000100", Pastes.MAX_SHELLS_TENANT),
        Map.of());
    slack.await("/api/chat.postMessage");

    // Unaddressed chat in a channel stays silent; in a thread the bot answered it is a follow-up.
    post(
        second,
        SlackPayloads.message(
            "Ev911",
            "C0ADMINS",
            "channel",
            "U0USER1",
            "1700000911.000100",
            "how do I see which sessions are open?",
            Optional.of("1700000910.000100")),
        Map.of());
    slack.awaitCount("/api/chat.postMessage", 2);
    assertEquals(
        "1700000910.000100", slack.calls("/api/chat.postMessage").get(1).form().get("thread_ts"));
  }

  @Test
  void keepsAnsweringWhileTheDatabaseIsDownAndWritesAgainWhenItIsBack() throws Exception {
    EmbeddedPostgresServer server = EmbeddedPostgresServer.startNew();
    running.add(server);
    DatabaseTarget target = server.newDatabase();
    TestingSlackClient client = instance(target);

    server.stop();
    post(
        client,
        SlackPayloads.mention(
            "Ev920",
            "C0ADMINS",
            "1700000920.000100",
            "<@" + FakeSlackApi.BOT_USER + "> " + Pastes.MAX_SHELLS_TENANT),
        Map.of());
    slack.awaitCount("/api/chat.postMessage", 1);
    String retry =
        SlackPayloads.mention(
            "Ev920",
            "C0ADMINS",
            "1700000920.000100",
            "<@" + FakeSlackApi.BOT_USER + "> " + Pastes.MAX_SHELLS_TENANT);
    post(client, retry, Map.of("X-Slack-Retry-Num", "1"));
    Thread.sleep(1000);
    assertEquals(1, slack.calls("/api/chat.postMessage").size(), "de-duplicated in memory");

    server.restart();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    int n = 0;
    boolean written = false;
    while (!written && System.nanoTime() < deadline) {
      n++;
      String ts = "1700000921." + String.format("%06d", n);
      post(
          client,
          SlackPayloads.mention(
              "Ev93" + n,
              "C0ADMINS",
              ts,
              "<@" + FakeSlackApi.BOT_USER + "> " + Pastes.MAX_SHELLS_TENANT),
          Map.of());
      slack.awaitCount("/api/chat.postMessage", 1 + n);
      try (StateDatabase check =
          StateDatabase.open(target, Clock.systemUTC(), BotState.DEFAULT_RETENTION)) {
        written =
            !check
                .state()
                .seenEvents()
                .claim(
                    SlackHandlers.claimKey(FakeSlackApi.TEAM, "C0ADMINS", ts),
                    SeenEvents.DEFAULT_TTL);
      } catch (RuntimeException e) {
        written = false;
      }
      if (!written) {
        Thread.sleep(1000);
      }
    }
    assertTrue(written, "claims are written to the database again after it came back");
    assertFalse(slack.calls("/api/chat.postMessage").isEmpty());
  }

  /** Secrets as admins paste them; each must be gone from every table. */
  private static final List<String> SECRETS =
      List.of(
          "Gr33nTea!Leaf",
          "AKIAQ3EGRZ7XKJ4MPL2D",
          "Riv3r!Stone",
          "ghp_8fK2mQ9xL4vR7tN1bW5cY3hJ6dS0aE2gU9iO",
          "Printemps#2027",
          "Jeju!Island55");

  private static final String SECRET_PASTE =
      "{\"user\": \"svc-teams\", \"password\": \"Gr33nTea!Leaf\"} and aws_access_key_id"
          + " AKIAQ3EGRZ7XKJ4MPL2D\n"
          + "Set-MsolUserPassword -UserPrincipalName ann@contoso.com -NewPassword \"Riv3r!Stone\"\n"
          + "git clone with ghp_8fK2mQ9xL4vR7tN1bW5cY3hJ6dS0aE2gU9iO fails\n"
          + "Mon mot de passe : Printemps#2027 ne fonctionne plus\n"
          + "관리자 비밀번호: Jeju!Island55 입력했는데 로그인이 안 됩니다";

  @Test
  void keepsNoPastedSecretInTheHandOverPayloadOrTheSharedReplyOnPostgres() throws Exception {
    DatabaseTarget target = EmbeddedPostgresServer.shared().newDatabase();
    TestingSlackClient client = instance(target);
    slack.holdPostMessagesOf("xoxb-shared-token");
    post(
        client,
        SlackPayloads.mention(
            "Ev940",
            "C0ADMINS",
            "1700000940.000100",
            "<@" + FakeSlackApi.BOT_USER + "> " + SECRET_PASTE),
        Map.of());
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (slack.heldPosts() == 0 && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertEquals(1, slack.heldPosts(), "the reply is being posted");
    // While the reply is on its way the claim holds what another instance needs to answer.
    String whileAnswering = everyValueIn(target);
    slack.releaseHeldPosts();
    HttpResponse<String> ack =
        client.postForm(
            SlackPayloads.command(
                "check ghp_8fK2mQ9xL4vR7tN1bW5cY3hJ6dS0aE2gU9iO", slack.responseUrl("check")));
    assertEquals(200, ack.statusCode());
    assertTrue(ack.body().contains("Share"), "an ephemeral reply kept for sharing: " + ack.body());
    String afterwards = everyValueIn(target);

    assertTrue(
        whileAnswering.contains("Set-MsolUserPassword") && whileAnswering.contains("[redacted]"),
        "the hand-over payload is stored, redacted: " + whileAnswering);
    assertTrue(
        afterwards.contains("There is no check called"),
        "the reply kept for sharing is stored: " + afterwards);
    for (String secret : SECRETS) {
      assertFalse(whileAnswering.contains(secret), secret + " in " + whileAnswering);
      assertFalse(afterwards.contains(secret), secret + " in " + afterwards);
    }
  }

  /** Every value of every table of {@code target}, read as the database's owner. */
  private static String everyValueIn(DatabaseTarget target) throws Exception {
    StringBuilder all = new StringBuilder();
    try (Connection c = DriverManager.getConnection(target.url(), "postgres", "postgres");
        Statement s = c.createStatement();
        ResultSet tables = c.getMetaData().getTables(null, "public", "%", new String[] {"TABLE"})) {
      List<String> names = new ArrayList<>();
      while (tables.next()) {
        names.add(tables.getString("TABLE_NAME"));
      }
      assertTrue(
          names.contains("seen_event") && names.contains("shareable_reply"), names.toString());
      for (String table : names) {
        try (ResultSet rows = s.executeQuery("select * from \"" + table + "\"")) {
          int columns = rows.getMetaData().getColumnCount();
          while (rows.next()) {
            for (int i = 1; i <= columns; i++) {
              all.append(rows.getString(i)).append('\t');
            }
            all.append('\n');
          }
        }
      }
    }
    return all.toString();
  }

  private static HttpResponse<String> post(
      TestingSlackClient client, String body, Map<String, String> headers) {
    try {
      return client.postJson(body, headers);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
