package dev.pastefix.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pastefix.core.state.BotState;
import dev.pastefix.core.state.FallbackState;
import dev.pastefix.core.telemetry.Telemetry;
import dev.pastefix.core.testing.TestingPipelines;
import dev.pastefix.storage.DatabaseTarget;
import dev.pastefix.storage.EmbeddedPostgresServer;
import dev.pastefix.storage.StateDatabase;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * kill -9 while holding a claim: an instance in its own JVM takes a Teams message, is posting its
 * reply (the fake connector holds it open) and dies; the other instance on the same PostgreSQL,
 * which never received an activity, answers that message once the claim is stale, only once, at the
 * service URL the dead instance validated.
 */
class TeamsCrashIT {
  private static final Duration STALE = Duration.ofSeconds(10);

  @Test
  void theOtherInstanceAnswersAMessageAKilledOneHeldOnceItsClaimIsStale() throws Exception {
    DatabaseTarget target = EmbeddedPostgresServer.shared().newDatabase();
    Path home = Files.createTempDirectory("pastefix-teams-crash-");
    File log = new File(home.toFile(), "instance-a.log");
    try (FakeBotFramework fake = new FakeBotFramework();
        StateDatabase db =
            StateDatabase.open(target, Clock.systemUTC(), BotState.DEFAULT_RETENTION)) {
      fake.holdReplies();
      Process a = startInstance(target, fake, log);
      try {
        int portA = awaitReady(a, log);
        BotState state =
            FallbackState.wrap(
                db.state(), Clock.systemUTC(), BotState.DEFAULT_RETENTION, db.describe());
        try (TeamsBot b =
            new TeamsBot(
                TeamsConfig.of(
                    TeamsBotIT.APP_ID,
                    "fake-password",
                    Optional.empty(),
                    Optional.of(fake.metadataUrl()),
                    Optional.of(fake.loginUrl())),
                TestingPipelines.shipped(state),
                state,
                STALE,
                Telemetry.inMemory())) {
          b.start();
          ObjectNode activity = Activities.personal(fake.serviceUrl(), Pastes.MAX_SHELLS_TENANT);
          String id = activity.path("id").asText();
          long sent = System.nanoTime();
          assertEquals(200, post(portA, activity, fake.token(TeamsBotIT.APP_ID)), "taken by A");
          long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
          while (fake.heldReplies() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
          }
          assertEquals(1, fake.heldReplies(), "A claimed the message and was sending its reply");
          a.destroyForcibly();
          assertTrue(a.waitFor(30, TimeUnit.SECONDS));
          fake.releaseHeld();

          long until = System.nanoTime() + Duration.ofMinutes(2).toNanos();
          while (replies(fake, id) == 0 && System.nanoTime() < until) {
            Thread.sleep(100);
          }
          Duration after = Duration.ofNanos(System.nanoTime() - sent);
          assertEquals(1, replies(fake, id), "B answered the message A held");
          assertTrue(
              after.compareTo(STALE) >= 0,
              "taken over only once the claim was stale, not after " + after.toMillis() + " ms");
          FakeBotFramework.Recorded reply =
              fake.replies().stream().filter(r -> r.replyToId().equals(id)).findFirst().get();
          assertEquals("a:personal-chat-1", reply.conversationId());
          assertEquals(
              AdaptiveCardRenderer.CONTENT_TYPE,
              reply.body().path("attachments").get(0).path("contentType").asText());

          // Past another stale age: the answered claim is not taken again.
          Thread.sleep(STALE.toMillis() + STALE.toMillis() / 2);
          assertEquals(1, replies(fake, id), "answered once by the survivor");
        }
      } finally {
        a.destroyForcibly();
      }
    }
  }

  private static long replies(FakeBotFramework fake, String replyToId) {
    return fake.replies().stream().filter(r -> r.replyToId().equals(replyToId)).count();
  }

  private static int post(int port, ObjectNode activity, String token) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + TeamsBot.MESSAGES_PATH))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(activity.toString()))
            .build();
    return HttpClient.newHttpClient()
        .send(request, HttpResponse.BodyHandlers.ofString())
        .statusCode();
  }

  /** Instance A in its own JVM, on the same database and the same (fake) Bot Framework. */
  private static Process startInstance(DatabaseTarget target, FakeBotFramework fake, File log)
      throws Exception {
    String classpath =
        Optional.ofNullable(System.getProperty("surefire.test.class.path"))
            .orElse(System.getProperty("java.class.path"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder =
        new ProcessBuilder(
            java,
            "-Dfile.encoding=UTF-8",
            "-cp",
            classpath,
            TeamsInstance.class.getName(),
            target.url(),
            target.user().orElseThrow(),
            "postgres",
            TeamsBotIT.APP_ID,
            fake.metadataUrl().toString(),
            fake.loginUrl().toString(),
            Long.toString(STALE.toSeconds()));
    builder.redirectErrorStream(true);
    builder.redirectOutput(log);
    return builder.start();
  }

  /** Waits for A to listen; its port. */
  private static int awaitReady(Process process, File log) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (System.nanoTime() < deadline) {
      String out = Files.readString(log.toPath(), StandardCharsets.UTF_8);
      if (out.lines().anyMatch("ready"::equals)) {
        return out.lines()
            .filter(l -> l.startsWith("port "))
            .map(l -> Integer.parseInt(l.substring(5).strip()))
            .findFirst()
            .orElseThrow();
      }
      if (!process.isAlive()) {
        throw new AssertionError("instance A exited with " + process.exitValue() + ": " + out);
      }
      Thread.sleep(200);
    }
    throw new AssertionError("instance A did not get ready");
  }
}
