package dev.pastefix.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pastefix.core.feedback.InMemoryFeedbackStore;
import dev.pastefix.core.search.EntrySearch;
import dev.pastefix.core.testing.RecordingStep;
import dev.pastefix.knowledge.KnowledgeBase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Start-up against a Discord that refuses something: the intent, the token, or to answer at all.
 */
class DiscordStartIT {
  static final String TOKEN = "MTIz.secret-token-value.xyz";
  static final Duration WAIT = Duration.ofSeconds(10);

  final ByteArrayOutputStream log = new ByteArrayOutputStream();
  PrintStream originalErr;

  /** Where this test's lines start in the log file failsafe points the simple logger at. */
  int logFileStart;

  @BeforeEach
  void captureLog() throws java.io.IOException {
    logFileStart = DiscordBotIT.itLog().length();
    originalErr = System.err;
    // slf4j-simple writes to whatever System.err is at the time of each call.
    System.setErr(new PrintStream(new TeeStream(originalErr, log), true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restoreLog() {
    System.setErr(originalErr);
    assertFalse(logged().contains(TOKEN), "the token never appears in the log");
  }

  /** What this test logged, to standard error or to the IT log file. */
  String logged() {
    String file;
    try {
      String all = DiscordBotIT.itLog();
      file = all.length() >= logFileStart ? all.substring(logFileStart) : all;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return log.toString(StandardCharsets.UTF_8) + file;
  }

  DiscordBot bot(String token, URI api, URI gateway, Duration timeout) {
    return new DiscordBot(
        new DiscordConfig(token, Optional.empty(), Optional.of(api), Optional.of(gateway), timeout),
        RecordingStep.canned().pipeline(),
        new InMemoryFeedbackStore(),
        new KbChoices(EntrySearch.of(new KnowledgeBase(List.of(), List.of()))));
  }

  @Test
  void carriesOnWithoutMessageContentWhenDiscordRefusesTheIntent() throws Exception {
    try (FakeDiscord discord = new FakeDiscord(TOKEN, InviteLink.PERMISSIONS).start();
        DiscordBot bot = bot(TOKEN, discord.apiUrl(), discord.gatewayUrl(), WAIT)) {
      discord.refuseMessageContent();
      bot.start();
      assertFalse(bot.messageContentEnabled());
      assertEquals(2, discord.identifies().size());
      assertTrue((discord.identifies().get(0).path("intents").asLong() & (1L << 15)) != 0);
      assertEquals(0, discord.identifies().get(1).path("intents").asLong() & (1L << 15));
      assertTrue(logged().contains("Privileged Gateway Intents > enable MESSAGE CONTENT INTENT"));
      discord.await("PUT", "applications/\\d+/commands", 0, WAIT);
      int from = discord.calls().size();
      discord.dispatch(
          "MESSAGE_CREATE",
          discord.userMessage(
              FakeDiscord.snowflake(), RecordingStep.EXECUTION_POLICY, false, List.of()));
      discord.await("POST", "channels/" + discord.dmChannelId + "/messages", from, WAIT);
    }
  }

  @Test
  void aMissingChannelPermissionIsLoggedAndTheBotStaysUp() throws Exception {
    long withoutSendMessages = InviteLink.PERMISSIONS & ~(1L << 11);
    try (FakeDiscord discord = new FakeDiscord(TOKEN, withoutSendMessages).start();
        DiscordBot bot = bot(TOKEN, discord.apiUrl(), discord.gatewayUrl(), WAIT)) {
      bot.start();
      int from = discord.calls().size();
      discord.dispatch(
          "MESSAGE_CREATE",
          discord.userMessage(
              FakeDiscord.snowflake(), RecordingStep.EXECUTION_POLICY, true, List.of()));
      discord.dispatch(
          "MESSAGE_CREATE",
          discord.userMessage(
              FakeDiscord.snowflake(), RecordingStep.EXECUTION_POLICY, false, List.of()));
      discord.await("POST", "channels/" + discord.dmChannelId + "/messages", from, WAIT);
      assertTrue(
          discord.calls().stream()
              .noneMatch(c -> c.is("POST", "channels/" + discord.channelId + "/messages")),
          "nothing is sent where the bot may not write");
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (!logged().contains("missing permission") && System.nanoTime() < deadline) {
        FakeDiscord.pause(Duration.ofMillis(20));
      }
      assertTrue(logged().contains("missing permission Send Messages"), logged());
    }
  }

  @Test
  void registersGloballyWithoutAGuild() throws Exception {
    try (FakeDiscord discord = new FakeDiscord(TOKEN, InviteLink.PERMISSIONS).start();
        DiscordBot bot = bot(TOKEN, discord.apiUrl(), discord.gatewayUrl(), WAIT)) {
      bot.start();
      assertTrue(bot.messageContentEnabled());
      FakeDiscord.Call put = discord.await("PUT", "applications/\\d+/commands", 0, WAIT);
      assertEquals("pastefix", put.body().get(0).path("name").asText());
    }
  }

  @Test
  void aRefusedTokenSaysSo() throws Exception {
    try (FakeDiscord discord = new FakeDiscord(TOKEN, InviteLink.PERMISSIONS).start();
        DiscordBot bot = bot("MTIz.wrong.token", discord.apiUrl(), discord.gatewayUrl(), WAIT)) {
      DiscordStartException e = assertThrows(DiscordStartException.class, bot::start);
      assertTrue(e.getMessage().contains("refused DISCORD_TOKEN"), e.getMessage());
    }
  }

  @Test
  void anUnreachableDiscordSaysSo() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    URI api = URI.create("http://127.0.0.1:" + port + "/api/v10/");
    URI gateway = URI.create("ws://127.0.0.1:" + port + "/gateway");
    try (DiscordBot bot = bot(TOKEN, api, gateway, WAIT)) {
      DiscordStartException e = assertThrows(DiscordStartException.class, bot::start);
      assertTrue(e.getMessage().contains("could not be reached"), e.getMessage());
      assertTrue(e.getMessage().contains(api.toString()), e.getMessage());
    }
  }

  @Test
  void aGatewayThatNeverGetsReadyTimesOut() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    try (FakeDiscord discord = new FakeDiscord(TOKEN, InviteLink.PERMISSIONS).start();
        DiscordBot bot =
            bot(
                TOKEN,
                discord.apiUrl(),
                URI.create("ws://127.0.0.1:" + port + "/gateway"),
                Duration.ofSeconds(2))) {
      DiscordStartException e = assertThrows(DiscordStartException.class, bot::start);
      assertTrue(e.getMessage().contains("did not get ready within 2 s"), e.getMessage());
    }
  }

  /** Writes to the real stream and to the captured log. */
  private static final class TeeStream extends java.io.OutputStream {
    private final java.io.OutputStream a;
    private final java.io.OutputStream b;

    TeeStream(java.io.OutputStream a, java.io.OutputStream b) {
      this.a = a;
      this.b = b;
    }

    @Override
    public void write(int c) throws java.io.IOException {
      a.write(c);
      b.write(c);
    }

    @Override
    public void write(byte[] buf, int off, int len) throws java.io.IOException {
      a.write(buf, off, len);
      b.write(buf, off, len);
    }
  }
}
