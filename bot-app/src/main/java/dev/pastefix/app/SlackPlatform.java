package dev.pastefix.app;

import dev.pastefix.core.Bot;
import dev.pastefix.core.state.BotState;
import java.time.Clock;
import java.time.Duration;
import dev.pastefix.slack.SlackBot;
import dev.pastefix.slack.SlackOptions;

/** Builds the Slack adapter from the settings; the composition root starts and closes it. */
final class SlackPlatform {
  private SlackPlatform() {}

  static SlackOptions options(Settings.Slack slack) {
    return new SlackOptions(
        slack.botToken(),
        slack.appToken(),
        slack.signingSecret(),
        slack.apiUrl(),
        slack.httpPort());
  }

  /** A Slack bot that is not started yet. */
  static SlackBot create(
      Settings.Slack slack, Bot bot, BotState state, Duration staleClaimAfter, Clock clock) {
    return new SlackBot(options(slack), bot, state, staleClaimAfter, clock);
  }
}
