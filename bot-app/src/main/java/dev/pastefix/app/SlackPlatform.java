package dev.pastefix.app;

import dev.pastefix.core.Bot;
import dev.pastefix.core.state.BotState;
import dev.pastefix.core.telemetry.Telemetry;
import dev.pastefix.slack.SlackBot;
import dev.pastefix.slack.SlackOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** Slack as a {@link Platform}: Socket Mode, or HTTP mode mounted on the HTTP server. */
final class SlackPlatform implements Platform {
  private final Settings.Slack settings;
  private final String httpHost;
  private final SlackBot bot;

  SlackPlatform(
      Settings.Slack settings,
      String httpHost,
      Bot bot,
      BotState state,
      Duration staleClaimAfter,
      Telemetry telemetry) {
    this.settings = settings;
    this.httpHost = httpHost;
    this.bot =
        new SlackBot(options(settings), bot, state, staleClaimAfter, telemetry, Clock.systemUTC());
  }

  static SlackOptions options(Settings.Slack slack) {
    return new SlackOptions(
        slack.botToken(),
        slack.appToken(),
        slack.signingSecret(),
        slack.apiUrl(),
        slack.httpPort(),
        slack.capacity());
  }

  @Override
  public String name() {
    return "slack";
  }

  @Override
  public void start() throws StartFailure {
    try {
      bot.start();
    } catch (SlackBot.StartFailure e) {
      throw new StartFailure("Slack: " + e.getMessage(), e);
    }
  }

  @Override
  public List<WebServer.Mount> mounts() {
    return bot.httpHandler()
        .map(h -> List.of(new WebServer.Mount("slack", httpHost, settings.httpPort(), h)))
        .orElse(List.of());
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
    return settings.socketMode()
        ? "Slack is running in Socket Mode"
        : "Slack is running in HTTP mode on port " + settings.httpPort() + " at /slack/events";
  }
}
