package dev.pastefix.app;

import dev.pastefix.core.Bot;
import dev.pastefix.core.feedback.FeedbackStore;
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
  static SlackBot create(Settings.Slack slack, Bot bot, FeedbackStore feedback) {
    return new SlackBot(options(slack), bot, feedback);
  }
}
