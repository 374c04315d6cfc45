package dev.pastefix.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.server.handler.SizeLimitHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The one HTTP server of the process (Jetty): Slack's HTTP mode, the management endpoints and any
 * other platform's handler are mounted on it, each on its configured port. Timeouts, the request
 * size limit (413 beyond), the connection limit and the bounded thread pool are set here once, for
 * all of them. Idle and slow connections cost a socket, not a thread, and are cut off after the
 * idle timeout, so they cannot starve the others.
 */
final class WebServer implements AutoCloseable {
  /** One handler on one port; handlers sharing a port are tried in mounting order. */
  record Mount(String name, String host, int port, Handler handler) {
    Mount {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(host, "host");
      Objects.requireNonNull(handler, "handler");
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port out of range: " + port);
      }
    }
  }

  /** How long stopping waits for requests in progress. */
  static final long STOP_TIMEOUT_MS = 5_000;

  private final Settings.HttpLimits limits;
  private final Server server;
  private final HttpConfiguration http;
  private final ContextHandlerCollection contexts = new ContextHandlerCollection(true);
  private final Map<String, ServerConnector> connectors = new LinkedHashMap<>();
  private final List<Mount> mounts = new ArrayList<>();

  WebServer(Settings.HttpLimits limits) {
    this.limits = limits;
    // Bounded in threads; its job queue stays unbounded as Jetty requires (a rejected job would
    // strand a connection): the connection limit is what bounds the work waiting.
    QueuedThreadPool threads =
        new QueuedThreadPool(limits.maxThreads(), Math.min(8, limits.maxThreads()));
    threads.setName("pastefix-http");
    threads.setDaemon(true);
    server = new Server(threads);
    server.setStopTimeout(STOP_TIMEOUT_MS);
    server.setStopAtShutdown(false);
    http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    http.setRequestHeaderSize(16 * 1024);
    http.setIdleTimeout(limits.idleTimeout().toMillis());
    server.addBean(new NetworkConnectionLimit(limits.maxConnections(), server));
    // 413 for a body over the limit, whether announced by Content-Length or streamed.
    SizeLimitHandler sizeLimit = new SizeLimitHandler(limits.maxRequestBytes(), -1);
    sizeLimit.setHandler(contexts);
    server.setHandler(new GracefulHandler(sizeLimit));
  }

  /** Adds {@code mount}; before or after {@link #start()}. */
  synchronized void mount(Mount mount) throws Exception {
    String key = mount.host() + ":" + mount.port();
    ServerConnector connector = mount.port() == 0 ? null : connectors.get(key);
    if (connector == null) {
      connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
      connector.setName(mount.name() + "-" + connectors.size());
      connector.setHost(mount.host());
      connector.setPort(mount.port());
      connector.setIdleTimeout(limits.idleTimeout().toMillis());
      server.addConnector(connector);
      connectors.put(mount.port() == 0 ? key + "#" + connectors.size() : key, connector);
      if (server.isStarted()) {
        connector.start();
      }
    }
    ContextHandler context = new ContextHandler(mount.handler(), "/");
    // Only requests that arrived on this mount's connector reach its handler.
    context.setVirtualHosts(List.of("@" + connector.getName()));
    contexts.addHandler(context);
    if (server.isStarted() && !context.isStarted()) {
      context.start();
    }
    mounts.add(mount);
  }

  synchronized void start() throws Exception {
    server.start();
  }

  /** The port {@code mount} listens on (the one chosen when it asked for port 0). */
  synchronized int localPort(Mount mount) {
    for (Connector c : server.getConnectors()) {
      ServerConnector connector = (ServerConnector) c;
      ContextHandler context = contextOf(mount);
      if (context != null && context.getVirtualHosts().contains("@" + connector.getName())) {
        return connector.getLocalPort();
      }
    }
    throw new IllegalArgumentException("not mounted: " + mount.name());
  }

  private ContextHandler contextOf(Mount mount) {
    for (Handler h : contexts.getHandlers()) {
      if (h instanceof ContextHandler && ((ContextHandler) h).getHandler() == mount.handler()) {
        return (ContextHandler) h;
      }
    }
    return null;
  }

  /** Stops accepting, lets requests in progress finish (bounded), closes every connection. */
  @Override
  public synchronized void close() {
    try {
      server.stop();
      server.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      // Stopping anyway: the process is on its way out and has nothing better to do with it.
    }
  }
}
