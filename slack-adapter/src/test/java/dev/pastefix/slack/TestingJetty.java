package dev.pastefix.slack;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** A plain Jetty server on a free loopback port serving one handler, as the application would. */
public final class TestingJetty implements AutoCloseable {
  private final Server server = new Server();
  private final ServerConnector connector = new ServerConnector(server);

  TestingJetty(Handler handler) throws Exception {
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    server.setHandler(handler);
    server.start();
  }

  /** Serves the HTTP mode of {@code bot}, which must be started. */
  public static TestingJetty serving(SlackBot bot) throws Exception {
    return new TestingJetty(bot.httpHandler().orElseThrow());
  }

  public int port() {
    return connector.getLocalPort();
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }
}
