package dev.pastefix.app;

import java.time.Duration;
import java.util.List;

/**
 * A chat platform the running bot serves: started from the settings, mounted on the HTTP server
 * when it receives requests over HTTP, probed by {@code /readyz}, drained and stopped on shutdown.
 * A new platform is a new module, one implementation of this, and one line in {@link Platforms}.
 */
interface Platform extends AutoCloseable {
  /** A short lower-case name for logs and the readiness report: {@code slack}, {@code discord}. */
  String name();

  /** One line for standard error once it started, saying how it runs. */
  default String describe() {
    return name() + " is running";
  }

  /** Connects or gets ready to serve; a failure's message tells the administrator what to fix. */
  void start() throws StartFailure;

  /** The HTTP handlers it needs, with the port each listens on; empty when it needs none. */
  List<WebServer.Mount> mounts();

  /** Whether it can take messages now (the gateway or session is up). */
  boolean ready();

  /** Takes no new messages from now on; what it already took is still answered. */
  void stopAccepting();

  /** Waits at most {@code wait} for what it took to be answered; returns how many are left. */
  int drain(Duration wait) throws InterruptedException;

  /** Closes connections and pools, whatever is left. */
  @Override
  void close();

  /** The platform could not start; the message is for the administrator and holds no secret. */
  final class StartFailure extends Exception {
    private static final long serialVersionUID = 1L;

    StartFailure(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
