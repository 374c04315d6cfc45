package dev.pastefix.app;

import dev.pastefix.core.Bot;
import dev.pastefix.core.search.EntrySearch;
import dev.pastefix.core.state.BotState;
import dev.pastefix.core.telemetry.Telemetry;
import dev.pastefix.discord.DiscordBot;
import dev.pastefix.discord.DiscordConfig;
import dev.pastefix.discord.DiscordStartException;
import dev.pastefix.discord.KbChoices;
import dev.pastefix.knowledge.KnowledgeBase;
import java.time.Duration;
import java.util.List;

/** Discord as a {@link Platform}: the one place bot-app touches Discord. */
final class DiscordPlatform implements Platform {
  private final DiscordBot bot;

  DiscordPlatform(
      Settings.Discord settings,
      Bot bot,
      BotState state,
      KnowledgeBase knowledge,
      Telemetry telemetry) {
    this.bot =
        new DiscordBot(
            config(settings), bot, state, new KbChoices(EntrySearch.of(knowledge)), telemetry);
  }

  static DiscordConfig config(Settings.Discord settings) {
    return new DiscordConfig(
        settings.token(), settings.guildId(), settings.apiUrl(), settings.gatewayUrl());
  }

  @Override
  public String name() {
    return "discord";
  }

  /**
   * Connects and waits for the gateway to be ready.
   *
   * @throws StartFailure with a message for the administrator (refused token, unreachable platform,
   *     gateway not ready in time)
   */
  @Override
  public void start() throws StartFailure {
    try {
      bot.start();
    } catch (DiscordStartException e) {
      throw new StartFailure(e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StartFailure("Discord: interrupted while connecting", e);
    }
  }

  @Override
  public List<WebServer.Mount> mounts() {
    return List.of();
  }

  @Override
  public boolean ready() {
    return bot.connected();
  }

  @Override
  public void stopAccepting() {
    bot.stopAccepting();
  }

  @Override
  public int drain(Duration wait) throws InterruptedException {
    return bot.drain(wait);
  }

  @Override
  public void close() {
    bot.close();
  }

  @Override
  public String describe() {
    return "Discord is connected"
        + (bot.messageContentEnabled()
            ? ""
            : " without the Message Content intent (only /pastefix, DMs and mentions)");
  }
}
