package dev.pastefix.teams;

import dev.pastefix.core.state.BotState;
import dev.pastefix.core.state.FallbackState;
import dev.pastefix.core.telemetry.Telemetry;
import dev.pastefix.core.testing.TestingPipelines;
import dev.pastefix.storage.DatabaseTarget;
import dev.pastefix.storage.StateDatabase;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * One pastefix instance on Teams in a JVM of its own, for tests that kill it: {@code jdbc-url user
 * password app-id metadata-url login-url stale-seconds}. The state is the shared database behind
 * the fallback, as the application wires it. Prints {@code port N} and {@code ready} once {@code
 * /api/messages} listens on loopback, then runs until killed.
 */
public final class TeamsInstance {
  private TeamsInstance() {}

  public static void main(String[] args) throws Exception {
    StateDatabase db =
        StateDatabase.open(
            DatabaseTarget.server(args[0], Optional.of(args[1]), Optional.of(args[2])),
            Clock.systemUTC(),
            BotState.DEFAULT_RETENTION);
    BotState state =
        FallbackState.wrap(
            db.state(), Clock.systemUTC(), BotState.DEFAULT_RETENTION, db.describe());
    TeamsBot teams =
        new TeamsBot(
            TeamsConfig.of(
                args[3],
                "fake-password",
                Optional.empty(),
                Optional.of(URI.create(args[4])),
                Optional.of(URI.create(args[5]))),
            TestingPipelines.shipped(state),
            state,
            Duration.ofSeconds(Long.parseLong(args[6])),
            Telemetry.inMemory());
    Server server = new Server(new InetSocketAddress("127.0.0.1", 0));
    server.setHandler(teams.handler());
    server.start();
    teams.start();
    System.out.println("port " + ((ServerConnector) server.getConnectors()[0]).getLocalPort());
    System.out.println("ready");
    System.out.flush();
    server.join();
  }
}
