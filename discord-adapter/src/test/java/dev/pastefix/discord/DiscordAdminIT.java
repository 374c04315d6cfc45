package dev.pastefix.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pastefix.core.admin.Admins;
import dev.pastefix.core.admin.Reloader;
import dev.pastefix.core.feedback.InMemoryFeedbackStore;
import dev.pastefix.core.pipeline.Pipeline;
import dev.pastefix.core.state.BotState;
import dev.pastefix.core.testing.TestingPipelines;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The admin gate through the real JDA client: {@code /pastefix stats}, {@code review} and {@code
 * reload} answered for the member listed in the admins, refused politely to another member.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiscordAdminIT {
  static final Duration WAIT = DiscordBotIT.WAIT;

  final AtomicInteger reloads = new AtomicInteger();
  FakeDiscord discord;
  DiscordBot bot;

  @BeforeAll
  void start() throws Exception {
    discord = new FakeDiscord(DiscordBotIT.TOKEN, InviteLink.PERMISSIONS).start();
    InMemoryFeedbackStore feedback = new InMemoryFeedbackStore();
    Pipeline admin =
        TestingPipelines.over(BotState.inMemory(Clock.systemUTC()))
            .admins(Admins.parse("discord:" + discord.userId))
            .reloader(
                () -> {
                  reloads.incrementAndGet();
                  return new Reloader.Reloaded(24, Duration.ofMillis(250));
                })
            .build();
    bot =
        new DiscordBot(
            new DiscordConfig(
                DiscordBotIT.TOKEN,
                Optional.of(discord.guildId),
                Optional.of(discord.apiUrl()),
                Optional.of(discord.gatewayUrl()),
                WAIT),
            admin,
            feedback,
            new KbChoices(dev.pastefix.core.search.EntrySearch.of(TestingPipelines.knowledge())));
    bot.start();
  }

  @AfterAll
  void stop() throws Exception {
    bot.close();
    discord.close();
  }

  private String ask(String fromUser, String sub) throws Exception {
    int from = discord.calls().size();
    String id = FakeDiscord.snowflake();
    discord.dispatch("INTERACTION_CREATE", discord.slashCommandFrom(fromUser, id, sub, null, null));
    FakeDiscord.Call followUp =
        discord.await("POST", "webhooks/" + discord.appId + "/interaction-token-" + id, from, WAIT);
    assertEquals(64, followUp.body().path("flags").asInt() & 64, "only the asker sees it");
    return followUp.body().toString();
  }

  @Test
  void answersTheAdminsStatsReviewAndReload() throws Exception {
    assertTrue(ask(discord.userId, "stats").contains("pastefix in the last 7 days"));
    assertTrue(ask(discord.userId, "review").contains("What I missed in the last 30 days"));
    int before = reloads.get();
    assertTrue(ask(discord.userId, "reload").contains("Reloaded: 24 entries"));
    assertEquals(before + 1, reloads.get());
  }

  @Test
  void refusesEveryoneElsePolitely() throws Exception {
    String someone = FakeDiscord.snowflake();
    int before = reloads.get();
    for (String sub : new String[] {"stats", "review", "reload"}) {
      String reply = ask(someone, sub);
      assertTrue(reply.contains("for pastefix admins only"), reply);
    }
    assertEquals(before, reloads.get(), "nobody but an admin reloads");
  }

  @Test
  void registersTheAdminCommandsWithTheOthers() {
    assertTrue(
        SlashCommands.definition().getSubcommands().stream()
            .map(s -> s.getName())
            .toList()
            .containsAll(java.util.List.of("stats", "review", "reload")));
  }
}
