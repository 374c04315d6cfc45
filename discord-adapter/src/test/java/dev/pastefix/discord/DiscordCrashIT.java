package dev.pastefix.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pastefix.core.search.EntrySearch;
import dev.pastefix.core.state.BotState;
import dev.pastefix.core.state.FallbackState;
import dev.pastefix.core.telemetry.Telemetry;
import dev.pastefix.core.testing.TestingPipelines;
import dev.pastefix.storage.DatabaseTarget;
import dev.pastefix.storage.EmbeddedPostgresServer;
import dev.pastefix.storage.StateDatabase;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * kill -9 while holding claims: an instance in its own JVM takes a pasted channel message and a DM,
 * is posting their answers (the fake Discord holds the posts open) and dies; the other instance on
 * the same PostgreSQL answers both once the claims are stale, and only once.
 */
class DiscordCrashIT {
  private static final Duration STALE = Duration.ofSeconds(10);
  // Both instances are one bot; the fake tells their sessions apart by token to hold only A's post
  // and deliver the message to A alone.
  private static final String TOKEN_A = "MTIz.instance-a.crash";
  private static final String TOKEN_B = "MTIz.instance-b.crash";

  @Test
  void theOtherInstanceAnswersAMessageAKilledOneHeldOnceItsClaimIsStale() throws Exception {
    DatabaseTarget target = EmbeddedPostgresServer.shared().newDatabase();
    Path home = Files.createTempDirectory("pastefix-discord-crash-");
    File log = new File(home.toFile(), "instance-a.log");
    try (FakeDiscord discord = new FakeDiscord(TOKEN_A, InviteLink.PERMISSIONS).start();
        StateDatabase db =
            StateDatabase.open(target, Clock.systemUTC(), BotState.DEFAULT_RETENTION)) {
      discord.acceptToken(TOKEN_B);
      discord.holdPostsOf(TOKEN_A);
      Process a = startInstance(target, discord, log);
      try {
        BotState state =
            FallbackState.wrap(
                db.state(), Clock.systemUTC(), BotState.DEFAULT_RETENTION, db.describe());
        awaitReady(a, log);
        try (DiscordBot b =
            new DiscordBot(
                new DiscordConfig(
                    TOKEN_B,
                    Optional.empty(),
                    Optional.of(discord.apiUrl()),
                    Optional.of(discord.gatewayUrl())),
                TestingPipelines.shipped(state),
                state,
                new KbChoices(EntrySearch.of(TestingPipelines.knowledge())),
                STALE,
                Telemetry.inMemory())) {
          b.start();
          String pasted = FakeDiscord.snowflake();
          String direct = FakeDiscord.snowflake();
          long sent = System.nanoTime();
          discord.dispatchTo(
              TOKEN_A,
              "MESSAGE_CREATE",
              discord.userMessage(pasted, DiscordBotIT.EXECUTION_POLICY_PASTE, true, List.of()));
          discord.dispatchTo(
              TOKEN_A,
              "MESSAGE_CREATE",
              discord.userMessage(direct, DiscordBotIT.EXECUTION_POLICY_PASTE, false, List.of()));
          long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
          while (discord.heldPosts() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(50);
          }
          assertEquals(
              2, discord.heldPosts(), "A claimed both messages and was posting their answers");
          a.destroyForcibly();
          assertTrue(a.waitFor(30, TimeUnit.SECONDS));
          discord.releaseHeld();

          FakeDiscord.Call answer =
              discord.await(
                  c -> isAnswerTo(c, discord, pasted) && c.token().equals(TOKEN_B),
                  0,
                  Duration.ofMinutes(2),
                  "B's answer to the message A held");
          Duration after = Duration.ofNanos(System.nanoTime() - sent);
          assertTrue(
              after.compareTo(STALE) >= 0,
              "taken over only once the claim was stale, not after " + after.toMillis() + " ms");
          assertEquals(
              TestingPipelines.knowledge().entry("execution-policy").orElseThrow().title(),
              answer.body().path("embeds").get(0).path("title").asText());
          assertFalse(
              answer.body().path("allowed_mentions").path("replied_user").asBoolean(true),
              "a taken-over reply pings nobody either");

          // The DM's channel is not cached: B opens it again and posts there, as a plain message.
          FakeDiscord.Call dm =
              discord.await(
                  c ->
                      c.is("POST", "channels/" + discord.dmChannelId + "/messages")
                          && c.token().equals(TOKEN_B),
                  0,
                  Duration.ofMinutes(1),
                  "B's answer to the DM A held");
          assertFalse(dm.body().has("message_reference"), "a DM answer is a plain message");

          // Two more sweeps past the stale age: the answered claim is not taken again.
          Thread.sleep(STALE.toMillis() + STALE.toMillis() / 2);
          long byB =
              discord.calls().stream()
                  .filter(c -> isAnswerTo(c, discord, pasted) && c.token().equals(TOKEN_B))
                  .count();
          assertEquals(1, byB, "answered once by the survivor: " + discord.summary());
          long dmsByB =
              discord.calls().stream()
                  .filter(
                      c ->
                          c.is("POST", "channels/" + discord.dmChannelId + "/messages")
                              && c.token().equals(TOKEN_B))
                  .count();
          assertEquals(1, dmsByB, "the DM answered once by the survivor: " + discord.summary());
        }
      } finally {
        a.destroyForcibly();
      }
    }
  }

  private static boolean isAnswerTo(FakeDiscord.Call call, FakeDiscord discord, String pasted) {
    return call.is("POST", "channels/" + discord.channelId + "/messages")
        && pasted.equals(call.body().path("message_reference").path("message_id").asText());
  }

  /** Instance A in its own JVM, on the same database and the same (fake) Discord. */
  private static Process startInstance(DatabaseTarget target, FakeDiscord discord, File log)
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
            DiscordInstance.class.getName(),
            target.url(),
            target.user().orElseThrow(),
            "postgres",
            discord.apiUrl().toString(),
            discord.gatewayUrl().toString(),
            TOKEN_A,
            Long.toString(STALE.toSeconds()));
    builder.redirectErrorStream(true);
    builder.redirectOutput(log);
    return builder.start();
  }

  private static void awaitReady(Process process, File log) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (System.nanoTime() < deadline) {
      String out = Files.readString(log.toPath(), StandardCharsets.UTF_8);
      if (out.lines().anyMatch("ready"::equals)) {
        return;
      }
      if (!process.isAlive()) {
        throw new AssertionError("instance A exited with " + process.exitValue() + ": " + out);
      }
      Thread.sleep(200);
    }
    throw new AssertionError("instance A did not get ready");
  }
}
