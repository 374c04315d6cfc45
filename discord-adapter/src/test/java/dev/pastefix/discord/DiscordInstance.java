package dev.pastefix.discord;

import dev.pastefix.core.search.EntrySearch;
import dev.pastefix.core.state.BotState;
import dev.pastefix.core.state.FallbackState;
import dev.pastefix.core.telemetry.Telemetry;
import dev.pastefix.core.testing.TestingPipelines;
import dev.pastefix.storage.DatabaseTarget;
import dev.pastefix.storage.StateDatabase;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * One pastefix instance on Discord in a JVM of its own, for tests that kill it: {@code jdbc-url
 * user password api-url gateway-url token stale-seconds}. The state is the shared database behind
 * the fallback, as the application wires it. Prints {@code ready} once the gateway is, then runs
 * until killed.
 */
public final class DiscordInstance {
  private DiscordInstance() {}

  public static void main(String[] args) throws Exception {
    StateDatabase db =
        StateDatabase.open(
            DatabaseTarget.server(args[0], Optional.of(args[1]), Optional.of(args[2])),
            Clock.systemUTC(),
            BotState.DEFAULT_RETENTION);
    BotState state =
        FallbackState.wrap(
            db.state(), Clock.systemUTC(), BotState.DEFAULT_RETENTION, db.describe());
    DiscordBot bot =
        new DiscordBot(
            new DiscordConfig(
                args[5],
                Optional.empty(),
                Optional.of(URI.create(args[3])),
                Optional.of(URI.create(args[4]))),
            TestingPipelines.shipped(state),
            state,
            new KbChoices(EntrySearch.of(TestingPipelines.knowledge())),
            Duration.ofSeconds(Long.parseLong(args[6])),
            Telemetry.inMemory());
    bot.start();
    System.out.println("ready");
    System.out.flush();
    Thread.currentThread().join();
  }
}
