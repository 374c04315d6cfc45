package dev.pastefix.app;

import dev.pastefix.core.Bot;
import dev.pastefix.core.feedback.FeedbackStore;
import dev.pastefix.core.state.SeenEvents;
import dev.pastefix.teams.TeamsBot;
import dev.pastefix.teams.TeamsConfig;
import java.net.InetSocketAddress;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Runs the Teams adapter from the settings: the one place bot-app touches Teams. {@code
 * /api/messages} is served by a Jetty server of its own on {@code PASTEFIX_TEAMS_PORT}.
 */
final class TeamsPlatform implements AutoCloseable {
  private final TeamsBot teams;
  private final Server server;

  private TeamsPlatform(TeamsBot teams, Server server) {
    this.teams = teams;
    this.server = server;
  }

  /** Teams could not start (the port is taken, for example); the message says why. */
  static final class StartFailure extends Exception {
    private static final long serialVersionUID = 1L;

    StartFailure(String message, Throwable cause) {
      super(message, cause);
    }
  }

  static TeamsConfig config(Settings.Teams settings) {
    return TeamsConfig.of(
        settings.appId(),
        settings.appPassword(),
        settings.tenantId(),
        settings.openIdMetadataUrl(),
        settings.loginUrl());
  }

  /** Starts listening for the Bot Connector; the caller closes the platform on shutdown. */
  static TeamsPlatform start(
      Settings.Teams settings, Bot bot, FeedbackStore feedback, SeenEvents seen)
      throws StartFailure {
    TeamsBot teams = new TeamsBot(config(settings), bot, feedback, seen);
    Server server = new Server(new InetSocketAddress(settings.port()));
    server.setHandler(teams.handler());
    try {
      server.start();
    } catch (Exception e) {
      teams.close();
      try {
        server.stop();
      } catch (Exception ignored) {
        // Never started: nothing more to release.
      }
      throw new StartFailure(
          "Teams cannot listen on port " + settings.port() + " (PASTEFIX_TEAMS_PORT): " + e, e);
    }
    return new TeamsPlatform(teams, server);
  }

  /** The port {@code /api/messages} listens on. */
  int port() {
    return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
  }

  /** Whether replies can be sent: the token endpoint answers. */
  boolean ready() {
    return teams.ready();
  }

  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      // Stopping anyway; the worker pool below is closed regardless.
    }
    teams.close();
  }
}
