package dev.pastefix.app;

import dev.pastefix.core.work.Workers;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * A chat platform the running bot serves: started from the settings, mounted on the HTTP server
 * when it receives requests over HTTP ({@code mounts}), probed by {@code /readyz} ({@code up}), and
 * stopped the same way on every platform: its {@link Workers} refuse new events (so the platform
 * delivers them again elsewhere), {@code stopListening} closes what takes events at its edge (a
 * Socket Mode session), the events taken are answered within the grace, then it closes. A new
 * platform is a new module and one entry in {@link Platforms}.
 *
 * @param name a short lower-case name for logs and the readiness report: {@code slack}
 * @param description the line for standard error once it started, saying how it runs
 */
record Platform(
    String name,
    Workers workers,
    Starter starter,
    Supplier<List<WebServer.Mount>> mounts,
    BooleanSupplier up,
    Runnable stopListening,
    Supplier<String> description,
    Runnable closing)
    implements AutoCloseable {
  /** Connects or gets ready to serve; a failure's message tells the administrator what to fix. */
  @FunctionalInterface
  interface Starter {
    void start() throws StartFailure;
  }

  Platform {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(workers, "workers");
    Objects.requireNonNull(starter, "starter");
    Objects.requireNonNull(mounts, "mounts");
    Objects.requireNonNull(up, "up");
    Objects.requireNonNull(stopListening, "stopListening");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(closing, "closing");
  }

  void start() throws StartFailure {
    starter.start();
  }

  /** Whether it can take messages now (the gateway or session is up). */
  boolean ready() {
    return up.getAsBoolean();
  }

  /** Takes no new messages from now on; what it already took is still answered. */
  void stopAccepting() {
    workers.stopAccepting();
    stopListening.run();
  }

  /** Waits at most {@code wait} for what it took to be answered; returns how many are left. */
  int drain(Duration wait) throws InterruptedException {
    return workers.drain(wait);
  }

  /** Closes connections and workers, whatever is left. */
  @Override
  public void close() {
    closing.run();
    workers.close();
  }

  /** The platform could not start; the message is for the administrator and holds no secret. */
  static final class StartFailure extends Exception {
    private static final long serialVersionUID = 1L;

    StartFailure(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
