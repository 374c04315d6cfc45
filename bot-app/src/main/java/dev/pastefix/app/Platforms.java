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
import dev.pastefix.slack.SlackBot;
import dev.pastefix.slack.SlackOptions;
import dev.pastefix.teams.TeamsBot;
import dev.pastefix.teams.TeamsConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The platforms the settings configure, not started yet: the one place bot-app touches them. */
final class Platforms {
  private Platforms() {}

  static List<Platform> configured(
      Settings settings,
      Bot bot,
      KnowledgeBase knowledge,
      BotState state,
      Duration staleClaimAfter,
      Telemetry telemetry) {
    List<Platform> platforms = new ArrayList<>();
    String httpHost = settings.service().httpHost();
    settings
        .slack()
        .ifPresent(s -> platforms.add(slack(s, httpHost, bot, state, staleClaimAfter, telemetry)));
    settings
        .discord()
        .ifPresent(
            d -> platforms.add(discord(d, bot, state, knowledge, staleClaimAfter, telemetry)));
    settings
        .teams()
        .ifPresent(t -> platforms.add(teams(t, httpHost, bot, state, staleClaimAfter, telemetry)));
    return platforms;
  }

  /** Slack: Socket Mode, or HTTP mode mounted on the HTTP server. */
  static Platform slack(
      Settings.Slack settings,
      String httpHost,
      Bot bot,
      BotState state,
      Duration staleClaimAfter,
      Telemetry telemetry) {
    SlackBot slack =
        new SlackBot(options(settings), bot, state, staleClaimAfter, telemetry, Clock.systemUTC());
    return new Platform(
        "slack",
        slack.workers(),
        () -> {
          try {
            slack.start();
          } catch (SlackBot.StartFailure e) {
            throw new Platform.StartFailure("Slack: " + e.getMessage(), e);
          }
        },
        () ->
            slack
                .httpHandler()
                .map(h -> List.of(new WebServer.Mount("slack", httpHost, settings.httpPort(), h)))
                .orElse(List.of()),
        slack::connected,
        slack::stopAccepting,
        () ->
            settings.socketMode()
                ? "Slack is running in Socket Mode"
                : "Slack is running in HTTP mode on port "
                    + settings.httpPort()
                    + " at /slack/events",
        slack::close);
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

  /** Discord: connects and waits for the gateway to be ready. */
  static Platform discord(
      Settings.Discord settings,
      Bot bot,
      BotState state,
      KnowledgeBase knowledge,
      Duration staleClaimAfter,
      Telemetry telemetry) {
    DiscordBot discord =
        new DiscordBot(
            config(settings),
            bot,
            state,
            new KbChoices(EntrySearch.of(knowledge)),
            staleClaimAfter,
            telemetry);
    return new Platform(
        "discord",
        discord.workers(),
        () -> {
          try {
            discord.start();
          } catch (DiscordStartException e) {
            throw new Platform.StartFailure(e.getMessage(), e);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Platform.StartFailure("Discord: interrupted while connecting", e);
          }
        },
        List::of,
        discord::connected,
        () -> {},
        () ->
            "Discord is connected"
                + (discord.messageContentEnabled()
                    ? ""
                    : " without the Message Content intent (only /pastefix, DMs and mentions)"),
        discord::close);
  }

  static DiscordConfig config(Settings.Discord settings) {
    return new DiscordConfig(
        settings.token(), settings.guildId(), settings.apiUrl(), settings.gatewayUrl());
  }

  /**
   * Teams: {@code /api/messages} mounted on the shared HTTP server at {@code PASTEFIX_TEAMS_PORT};
   * nothing to connect, replies fetch their token lazily. Ready when the token endpoint answers.
   */
  static Platform teams(
      Settings.Teams settings,
      String httpHost,
      Bot bot,
      BotState state,
      Duration staleClaimAfter,
      Telemetry telemetry) {
    TeamsBot teams = new TeamsBot(config(settings), bot, state, staleClaimAfter, telemetry);
    return new Platform(
        "teams",
        teams.workers(),
        teams::start,
        () -> List.of(new WebServer.Mount("teams", httpHost, settings.port(), teams.handler())),
        teams::ready,
        () -> {},
        () ->
            "Teams is listening on port "
                + settings.port()
                + " at "
                + TeamsBot.MESSAGES_PATH
                + " (messaging endpoint https://<this host>"
                + TeamsBot.MESSAGES_PATH
                + ")",
        teams::close);
  }

  static TeamsConfig config(Settings.Teams settings) {
    return TeamsConfig.of(
        settings.appId(),
        settings.appPassword(),
        settings.tenantId(),
        settings.openIdMetadataUrl(),
        settings.loginUrl());
  }
}
