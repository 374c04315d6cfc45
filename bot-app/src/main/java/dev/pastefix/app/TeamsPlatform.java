package dev.pastefix.app;

import dev.pastefix.core.Bot;
import dev.pastefix.core.state.BotState;
import dev.pastefix.core.telemetry.Telemetry;
import dev.pastefix.teams.TeamsBot;
import dev.pastefix.teams.TeamsConfig;
import java.time.Duration;
import java.util.List;

/**
 * Teams as a {@link Platform}: the one place bot-app touches Teams. {@code /api/messages} is
 * mounted on the shared HTTP server at {@code PASTEFIX_TEAMS_PORT}.
 */
final class TeamsPlatform implements Platform {
  private final Settings.Teams settings;
  private final String httpHost;
  private final TeamsBot teams;

  TeamsPlatform(
      Settings.Teams settings, String httpHost, Bot bot, BotState state, Telemetry telemetry) {
    this.settings = settings;
    this.httpHost = httpHost;
    this.teams =
        new TeamsBot(config(settings), bot, state.feedback(), state.seenEvents(), telemetry);
  }

  static TeamsConfig config(Settings.Teams settings) {
    return TeamsConfig.of(
        settings.appId(),
        settings.appPassword(),
        settings.tenantId(),
        settings.openIdMetadataUrl(),
        settings.loginUrl());
  }

  @Override
  public String name() {
    return "teams";
  }

  @Override
  public String describe() {
    return "Teams is listening on port "
        + settings.port()
        + " at "
        + TeamsBot.MESSAGES_PATH
        + " (messaging endpoint https://<this host>"
        + TeamsBot.MESSAGES_PATH
        + ")";
  }

  @Override
  public void start() {
    // Nothing to connect: Teams calls the mounted handler, and replies fetch their token lazily.
  }

  @Override
  public List<WebServer.Mount> mounts() {
    return List.of(new WebServer.Mount("teams", httpHost, settings.port(), teams.handler()));
  }

  /** Whether replies can be sent: the token endpoint answers. */
  @Override
  public boolean ready() {
    return teams.ready();
  }

  @Override
  public void stopAccepting() {
    // The shared server stops taking requests; activities already taken are answered below.
  }

  @Override
  public int drain(Duration wait) {
    return 0;
  }

  @Override
  public void close() {
    teams.close();
  }
}
