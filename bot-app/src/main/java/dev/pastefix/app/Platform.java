package dev.pastefix.app;

import dev.pastefix.core.work.Workers;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * A chat platform the running bot serves: started from the settings, mounted on the HTTP server
 * when it receives requests over HTTP, probed by {@code /readyz}, and stopped the same way on every
 * platform: its {@link Workers} refuse new events (so the platform delivers them again elsewhere),
 * the ones taken are answered within the grace, then it closes. A new platform is a new module and
 * one entry in {@link Platforms}.
 */
final class Platform implements AutoCloseable {
  /** Connects or gets ready to serve; a failure's message tells the administrator what to fix. */
  @FunctionalInterface
  interface Starter {
    void start() throws StartFailure;
  }

  private final String name;
  private final Workers workers;
  private final Starter starter;
  private final Supplier<List<WebServer.Mount>> mounts;
  private final BooleanSupplier ready;
  private final Runnable stopListening;
  private final Supplier<String> describe;
  private final Runnable close;

  /**
   * {@code name} for logs and readiness; the platform's {@code workers}; how it starts, what it
   * mounts, whether it is up; {@code stopListening} closes what takes events at its edge (a Socket
   * Mode session) beyond the workers' refusal; {@code describe} is the line once started.
   */
  Platform(
      String name,
      Workers workers,
      Starter starter,
      Supplier<List<WebServer.Mount>> mounts,
      BooleanSupplier ready,
      Runnable stopListening,
      Supplier<String> describe,
      Runnable close) {
    this.name = Objects.requireNonNull(name, "name");
    this.workers = Objects.requireNonNull(workers, "workers");
    this.starter = Objects.requireNonNull(starter, "starter");
    this.mounts = Objects.requireNonNull(mounts, "mounts");
    this.ready = Objects.requireNonNull(ready, "ready");
    this.stopListening = Objects.requireNonNull(stopListening, "stopListening");
    this.describe = Objects.requireNonNull(describe, "describe");
    this.close = Objects.requireNonNull(close, "close");
  }

  /** A short lower-case name for logs and the readiness report: {@code slack}, {@code discord}. */
  String name() {
    return name;
  }

  /** One line for standard error once it started, saying how it runs. */
  String describe() {
    return describe.get();
  }

  void start() throws StartFailure {
    starter.start();
  }

  /** The HTTP handlers it needs, with the port each listens on; empty when it needs none. */
  List<WebServer.Mount> mounts() {
    return mounts.get();
  }

  /** Whether it can take messages now (the gateway or session is up). */
  boolean ready() {
    return ready.getAsBoolean();
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
    close.run();
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
