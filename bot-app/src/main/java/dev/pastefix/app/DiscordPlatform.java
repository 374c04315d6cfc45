package dev.pastefix.app;

import dev.pastefix.core.Bot;
import dev.pastefix.core.search.EntrySearch;
import dev.pastefix.core.state.BotState;
import dev.pastefix.discord.DiscordBot;
import dev.pastefix.discord.DiscordConfig;
import dev.pastefix.discord.DiscordStartException;
import dev.pastefix.discord.KbChoices;
import dev.pastefix.knowledge.KnowledgeBase;

/** Starts the Discord adapter from the settings: the one place bot-app touches Discord. */
final class DiscordPlatform {
  private DiscordPlatform() {}

  static DiscordConfig config(Settings.Discord settings) {
    return new DiscordConfig(
        settings.token(), settings.guildId(), settings.apiUrl(), settings.gatewayUrl());
  }

  /**
   * Connects to Discord and returns the running bot, to be closed on shutdown.
   *
   * @throws DiscordStartException with a message for the administrator (refused token, unreachable
   *     platform, gateway not ready in time)
   */
  static DiscordBot start(
      Settings.Discord settings, Bot bot, BotState state, KnowledgeBase knowledge)
      throws DiscordStartException, InterruptedException {
    DiscordBot discord =
        new DiscordBot(config(settings), bot, state, new KbChoices(EntrySearch.of(knowledge)));
    try {
      discord.start();
      return discord;
    } catch (DiscordStartException | InterruptedException | RuntimeException e) {
      discord.close();
      throw e;
    }
  }
}
