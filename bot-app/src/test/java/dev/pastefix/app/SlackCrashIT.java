package dev.pastefix.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pastefix.core.state.BotState;
import dev.pastefix.core.state.FallbackState;
import dev.pastefix.slack.FakeSlackApi;
import dev.pastefix.slack.Pastes;
import dev.pastefix.slack.SlackBot;
import dev.pastefix.slack.SlackOptions;
import dev.pastefix.slack.SlackPayloads;
import dev.pastefix.slack.TestingSlackClient;
import dev.pastefix.storage.DatabaseTarget;
import dev.pastefix.storage.EmbeddedPostgresServer;
import dev.pastefix.storage.StateDatabase;
import java.io.File;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * kill -9 in the middle of a burst: an instance in its own JVM acknowledges ten events whose posts
 * the Web API holds open and dies; the other instance on the same PostgreSQL answers all ten.
 */
class SlackCrashIT {
  private static final String SECRET = "crash-signing-secret";
  private static final Duration STALE = Duration.ofSeconds(10);
  private static final int EVENTS = 10;

  @Test
  void theOtherInstancePostsEveryAcknowledgedReplyOfAKilledOne() throws Exception {
    DatabaseTarget target = EmbeddedPostgresServer.shared().newDatabase();
    Path home = Files.createTempDirectory("pastefix-crash-home-");
    try (FakeSlackApi slack = new FakeSlackApi();
        StateDatabase db =
            StateDatabase.open(target, Clock.systemUTC(), BotState.DEFAULT_RETENTION)) {
      slack.holdPostMessagesOf("xoxb-crash-a");
      int portA = freePort();
      Process a = startInstance(target, slack, portA, home);
      try {
        BotState state =
            FallbackState.wrap(
                db.state(), Clock.systemUTC(), BotState.DEFAULT_RETENTION, db.describe());
        Startup.Ready ready =
            new Startup().start(Optional.empty(), Optional.of("127.0.0.1:9"), state);
        try (SlackBot b =
            new SlackBot(
                new SlackOptions(
                    "xoxb-crash-b", Optional.empty(), Optional.of(SECRET), slack.apiUrl(), 0),
                ready.bot(),
                state,
                STALE,
                Clock.systemUTC())) {
          b.start();
          awaitListening(portA, a);

          TestingSlackClient toA = new TestingSlackClient(portA, SECRET);
          Set<String> sent = new TreeSet<>();
          for (int i = 0; i < EVENTS; i++) {
            String ts = "1700000700." + String.format("%06d", i);
            sent.add(ts);
            String event =
                SlackPayloads.mention(
                    "EvCrash" + i,
                    "C0ADMINS",
                    ts,
                    "<@" + FakeSlackApi.BOT_USER + "> " + Pastes.MAX_SHELLS_TENANT);
            assertEquals(200, toA.postJson(event).statusCode(), "acknowledged by A");
          }
          long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
          while (slack.heldPosts() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
          }
          assertTrue(slack.heldPosts() > 0, "A was posting when it was killed");
          a.destroyForcibly();
          assertTrue(a.waitFor(30, TimeUnit.SECONDS));
          slack.releaseHeldPosts();

          Set<String> answered = new TreeSet<>();
          long until = System.nanoTime() + Duration.ofMinutes(3).toNanos();
          while (!answered.containsAll(sent) && System.nanoTime() < until) {
            Thread.sleep(500);
            for (FakeSlackApi.Call call : slack.calls("/api/chat.postMessage")) {
              if (call.token().equals("xoxb-crash-b")) {
                answered.add(call.form().get("thread_ts"));
              }
            }
          }
          assertEquals(sent, answered, "every acknowledged event answered by the other instance");
          List<String> threads = new ArrayList<>();
          for (FakeSlackApi.Call call : slack.calls("/api/chat.postMessage")) {
            if (call.token().equals("xoxb-crash-b")) {
              threads.add(call.form().get("thread_ts"));
            }
          }
          assertEquals(EVENTS, threads.size(), "none answered twice by the survivor: " + threads);
        }
      } finally {
        a.destroyForcibly();
      }
    }
  }

  /** The bot as an administrator starts it, in its own JVM: {@code pastefix} with settings. */
  private static Process startInstance(
      DatabaseTarget target, FakeSlackApi slack, int port, Path home) throws Exception {
    String classpath =
        Optional.ofNullable(System.getProperty("surefire.test.class.path"))
            .orElse(System.getProperty("java.class.path"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder =
        new ProcessBuilder(
            java, "-Dfile.encoding=UTF-8", "-cp", classpath, "dev.pastefix.app.Main");
    Map<String, String> env = builder.environment();
    env.keySet()
        .removeIf(
            k -> k.startsWith("PASTEFIX_") || k.startsWith("SLACK_") || k.startsWith("DISCORD_"));
    Map<String, String> settings = new HashMap<>();
    settings.put("HOME", home.toString());
    settings.put("SLACK_BOT_TOKEN", "xoxb-crash-a");
    settings.put("SLACK_SIGNING_SECRET", SECRET);
    settings.put("SLACK_API_URL", slack.apiUrl().toString());
    settings.put("PASTEFIX_HTTP_PORT", Integer.toString(port));
    settings.put("PASTEFIX_DATABASE_URL", target.url());
    settings.put("PASTEFIX_DATABASE_USER", "postgres");
    settings.put("PASTEFIX_DATABASE_PASSWORD", "postgres");
    settings.put("PASTEFIX_STALE_CLAIM_SECONDS", Long.toString(STALE.toSeconds()));
    env.putAll(settings);
    builder.redirectErrorStream(true);
    builder.redirectOutput(new File(home.toFile(), "instance-a.log"));
    return builder.start();
  }

  private static void awaitListening(int port, Process process) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError("instance A exited with " + process.exitValue());
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (java.io.IOException e) {
        Thread.sleep(200);
      }
    }
    throw new AssertionError("instance A did not listen on port " + port);
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
