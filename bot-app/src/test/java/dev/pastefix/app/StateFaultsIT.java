package dev.pastefix.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
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
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The database misbehaving under Slack traffic (5 events a second, Slack's retries emulated: a
 * delivery not acknowledged within 3 s is sent again, and some are sent twice anyway): a table
 * locked for 20 s, then the server stopped for 25 s. Every delivery is acknowledged within 3 s,
 * every message answered exactly once, and after the outage every answer-log row and vote is in
 * PostgreSQL.
 */
class StateFaultsIT {
  private static final String SECRET = "faults-signing-secret";

  /** Channels the messages are spread over: Slack's pace allows about one post a second each. */
  private static final int CHANNELS = 10;

  private static final Duration SLACK_ACK = Duration.ofSeconds(3);
  private static final Duration EVERY = Duration.ofMillis(200);

  /** One bot on the database: its fallback, its Slack app, its HTTP server. */
  private record Bot(StateDatabase db, FallbackState fallback, SlackBot slack, TestingJetty http)
      implements AutoCloseable {
    static Bot start(DatabaseTarget target, FakeSlackApi api) throws Exception {
      StateDatabase db =
          StateDatabase.open(
              target,
              Clock.systemUTC(),
              BotState.DEFAULT_RETENTION,
              StateDatabase.Deadlines.SERVING);
      FallbackState fallback =
          FallbackState.open(
              db.state(),
              db::ping,
              Clock.systemUTC(),
              BotState.DEFAULT_RETENTION,
              db.describe(),
              FallbackState.CALL_DEADLINE);
      Startup.Ready ready =
          new Startup().start(Optional.empty(), Optional.of("127.0.0.1:9"), fallback.state());
      SlackBot slack =
          new SlackBot(
              new SlackOptions(
                  "xoxb-faults", Optional.empty(), Optional.of(SECRET), api.apiUrl(), 0),
              ready.bot(),
              fallback.state(),
              Settings.Storage.DEFAULT_STALE_CLAIM_AFTER,
              Clock.systemUTC());
      slack.start();
      return new Bot(db, fallback, slack, TestingJetty.serving(slack));
    }

    @Override
    public void close() throws Exception {
      http.close();
      slack.close();
      fallback.close();
      db.close();
    }
  }

  /** Sends Slack's traffic and keeps what happened to every delivery. */
  private static final class Traffic implements AutoCloseable {
    private final TestingSlackClient client;
    private final ExecutorService senders = Executors.newFixedThreadPool(24);
    private final List<Future<?>> sent = Collections.synchronizedList(new ArrayList<>());
    final List<Long> ackMillis = Collections.synchronizedList(new ArrayList<>());
    final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    final List<String> messages = Collections.synchronizedList(new ArrayList<>());
    int votes;

    Traffic(int port) {
      this.client = new TestingSlackClient(port, SECRET);
    }

    /** A new message, and now and then its duplicate a moment later. */
    void message(String prefix, int i) {
      String ts = "1700001" + prefix + "." + String.format("%06d", i);
      messages.add(ts);
      String body =
          SlackPayloads.channelMessage(
              "Ev" + prefix + i, "C0FAULT" + i % CHANNELS, ts, Pastes.MAX_SHELLS_TENANT);
      deliver(body, 0, i % 4 == 0);
    }

    /**
     * A first message, answered before the traffic starts: the first one in a JVM loads classes and
     * warms the engine, which says nothing about the database.
     */
    void warmUp(FakeSlackApi api) throws Exception {
      String ts = "1700001000.000001";
      messages.add(ts);
      client.postJson(
          SlackPayloads.channelMessage("EvWarm", "C0FAULTW", ts, Pastes.MAX_SHELLS_TENANT));
      api.await("/api/chat.postMessage");
    }

    /** Slack's retry of {@code ts}'s event (as after a lost acknowledgement). */
    void retry(String prefix, int i) {
      String ts = "1700001" + prefix + "." + String.format("%06d", i);
      String body =
          SlackPayloads.channelMessage(
              "Ev" + prefix + i, "C0FAULT" + i % CHANNELS, ts, Pastes.MAX_SHELLS_TENANT);
      deliver(body, 1, false);
    }

    void vote(String messageTs) {
      votes++;
      Map<String, String> form =
          SlackPayloads.blockAction(
              "pastefix_feedback_helpful",
              "pastefix_feedback",
              "max-shells-tenant",
              "C0VOTES",
              messageTs,
              Optional.empty(),
              "http://127.0.0.1:9/response/" + votes);
      sent.add(
          senders.submit(
              () -> {
                long started = System.nanoTime();
                try {
                  HttpResponse<String> r = client.postForm(form);
                  record("vote " + messageTs, started, r.statusCode());
                } catch (Exception e) {
                  failures.add("vote " + messageTs + ": " + e);
                }
              }));
    }

    private void deliver(String body, int retry, boolean duplicate) {
      sent.add(
          senders.submit(
              () -> {
                long started = System.nanoTime();
                try {
                  Map<String, String> headers =
                      retry == 0
                          ? Map.of()
                          : Map.of(
                              "X-Slack-Retry-Num",
                              Integer.toString(retry),
                              "X-Slack-Retry-Reason",
                              "http_timeout");
                  HttpResponse<String> r = client.postJson(body, headers);
                  boolean inTime = record("event", started, r.statusCode());
                  if ((!inTime || r.statusCode() != 200) && retry < 3) {
                    // What Slack does with an event it has no acknowledgement of in 3 s.
                    deliver(body, retry + 1, false);
                  }
                  if (duplicate) {
                    Thread.sleep(500);
                    deliver(body, retry + 1, false);
                  }
                } catch (Exception e) {
                  failures.add("event: " + e);
                }
              }));
    }

    private boolean record(String what, long started, int status) {
      long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
      ackMillis.add(millis);
      if (status != 200) {
        failures.add(what + " answered " + status);
      }
      if (millis > SLACK_ACK.toMillis()) {
        failures.add(what + " acknowledged after " + millis + " ms");
        return false;
      }
      return true;
    }

    void awaitSent() throws Exception {
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (System.nanoTime() < deadline) {
        List<Future<?>> now;
        synchronized (sent) {
          now = new ArrayList<>(sent);
        }
        if (now.stream().allMatch(Future::isDone)) {
          return;
        }
        Thread.sleep(100);
      }
      throw new AssertionError("deliveries still under way after 60 s");
    }

    @Override
    public void close() {
      senders.shutdownNow();
    }
  }

  @Test
  void aTableLockedFor20sCostsNoAcknowledgementAndNoSecondAnswer() throws Exception {
    DatabaseTarget target = EmbeddedPostgresServer.shared().newDatabase();
    try (FakeSlackApi api = new FakeSlackApi();
        Bot bot = Bot.start(target, api);
        Traffic traffic = new Traffic(bot.http().port());
        Connection locker = DriverManager.getConnection(target.url(), "postgres", "postgres")) {
      traffic.warmUp(api);
      int events = 0;
      for (int i = 0; i < 10; i++, events++) {
        traffic.message("1", events);
        Thread.sleep(EVERY.toMillis());
      }
      locker.setAutoCommit(false);
      try (Statement s = locker.createStatement()) {
        s.execute("lock table seen_event in access exclusive mode");
      }
      long lockedUntil = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (System.nanoTime() < lockedUntil) {
        traffic.message("1", events);
        if (events % 7 == 0) {
          // The retry of a message from before the lock, as Slack sends one after a timeout.
          traffic.retry("1", events % 10);
        }
        events++;
        Thread.sleep(EVERY.toMillis());
      }
      locker.commit();
      for (int i = 0; i < 10; i++, events++) {
        traffic.message("1", events);
        Thread.sleep(EVERY.toMillis());
      }
      traffic.awaitSent();

      assertEquals(List.of(), traffic.failures, "every delivery acknowledged in time");
      assertAnsweredOnce(api, traffic.messages);
    }
  }

  @Test
  void postgresStoppedFor25sLosesNothingAndAnswersNothingTwice() throws Exception {
    Logger fallbackLog = (Logger) LoggerFactory.getLogger(FallbackState.class);
    ListAppender<ILoggingEvent> lines = new ListAppender<>();
    lines.start();
    fallbackLog.addAppender(lines);
    try (EmbeddedPostgresServer server = EmbeddedPostgresServer.startNew();
        FakeSlackApi api = new FakeSlackApi()) {
      DatabaseTarget target = server.newDatabase();
      try (Bot bot = Bot.start(target, api);
          Traffic traffic = new Traffic(bot.http().port())) {
        traffic.warmUp(api);
        int events = 0;
        for (int i = 0; i < 15; i++, events++) {
          traffic.message("2", events);
          if (events % 3 == 0) {
            traffic.vote("1700009000." + String.format("%06d", events));
          }
          Thread.sleep(EVERY.toMillis());
        }
        // The last message before the stop is claimed in PostgreSQL; its retry comes during it.
        int lastBefore = events - 1;
        server.stop();
        long upAt = System.nanoTime() + Duration.ofSeconds(25).toNanos();
        boolean retried = false;
        while (System.nanoTime() < upAt) {
          traffic.message("2", events);
          if (events % 3 == 0) {
            traffic.vote("1700009000." + String.format("%06d", events));
          }
          if (!retried) {
            traffic.retry("2", lastBefore);
            retried = true;
          }
          events++;
          Thread.sleep(EVERY.toMillis());
        }
        assertTrue(bot.fallback().degraded(), "the outage was noticed");
        server.restart();
        for (int i = 0; i < 15; i++, events++) {
          traffic.message("2", events);
          Thread.sleep(EVERY.toMillis());
        }
        traffic.awaitSent();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while ((bot.fallback().degraded() || bot.fallback().waiting() > 0)
            && System.nanoTime() < deadline) {
          Thread.sleep(100);
        }
        assertFalse(bot.fallback().degraded(), "shared again after the outage");
        assertEquals(0, bot.fallback().waiting(), "everything written back");

        assertEquals(List.of(), traffic.failures, "every delivery acknowledged in time");
        assertAnsweredOnce(api, traffic.messages);

        try (Connection c = DriverManager.getConnection(target.url(), "postgres", "postgres");
            Statement s = c.createStatement()) {
          assertEquals(
              traffic.messages.size(),
              count(
                  s, "select count(distinct thread) from answer_log where channel like 'C0FAULT%'"),
              "every message has its answer-log row in PostgreSQL");
          assertEquals(
              traffic.messages.size(),
              count(s, "select count(*) from answer_log where channel like 'C0FAULT%'"),
              "and only one");
          assertEquals(
              traffic.votes,
              count(s, "select count(*) from feedback_vote"),
              "every vote is in PostgreSQL");
          assertEquals(
              0,
              count(s, "select count(*) from seen_event where status = 'claimed'"),
              "no claim is left for a stale sweep to answer again");
        }
      }
    } finally {
      fallbackLog.detachAppender(lines);
    }
    List<String> messages = lines.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    assertEquals(
        1,
        messages.stream().filter(m -> m.contains("unavailable") && !m.contains("still")).count(),
        "one line when it went down: " + messages);
    assertEquals(1, messages.stream().filter(m -> m.contains("is back")).count(), "one when back");
  }

  private static void assertAnsweredOnce(FakeSlackApi api, List<String> messages)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    Map<String, Integer> answers = answers(api);
    while (answers.size() < messages.size() && System.nanoTime() < deadline) {
      Thread.sleep(200);
      answers = answers(api);
    }
    // Time for a second answer to show up, were one coming.
    Thread.sleep(2000);
    answers = answers(api);
    List<String> missing = new ArrayList<>();
    List<String> twice = new ArrayList<>();
    for (String ts : messages) {
      int n = answers.getOrDefault(ts, 0);
      if (n == 0) {
        missing.add(ts);
      } else if (n > 1) {
        twice.add(ts + " x" + n);
      }
    }
    assertEquals(List.of(), twice, "answered more than once");
    assertEquals(List.of(), missing, "never answered");
    assertEquals(messages.size(), answers.size(), "nothing else answered");
  }

  private static Map<String, Integer> answers(FakeSlackApi api) {
    Map<String, Integer> answers = new TreeMap<>();
    for (FakeSlackApi.Call call : api.calls("/api/chat.postMessage")) {
      answers.merge(call.form().get("thread_ts"), 1, Integer::sum);
    }
    return answers;
  }

  private static long count(Statement s, String sql) throws Exception {
    try (ResultSet rows = s.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
