package dev.pastefix.app;

import dev.pastefix.core.admin.Reloader;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Reloads the knowledge base on {@code SIGHUP}, the usual "read your configuration again" signal of
 * a service. The reload runs on its own thread, not in the signal handler.
 */
final class HangUpSignal implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(HangUpSignal.class);

  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "pastefix-sighup-reload");
            t.setDaemon(true);
            return t;
          });

  private Optional<Signal> hup = Optional.empty();
  private Optional<SignalHandler> previous = Optional.empty();

  private HangUpSignal() {}

  /** Installs the handler; on systems without SIGHUP it logs that and does nothing. */
  static HangUpSignal install(Reloader reloader) {
    HangUpSignal signal = new HangUpSignal();
    try {
      Signal hup = new Signal("HUP");
      signal.hup = Optional.of(hup);
      signal.previous =
          Optional.of(
              Signal.handle(
                  hup,
                  s -> {
                    LOG.info("SIGHUP: reloading the knowledge base");
                    signal.worker.execute(reloader::reload);
                  }));
    } catch (IllegalArgumentException e) {
      LOG.info("no SIGHUP on this system; reload with /pastefix reload instead");
    }
    return signal;
  }

  @Override
  public void close() {
    // Whatever handled the signal before (the JVM's default) handles it again.
    if (hup.isPresent() && previous.isPresent()) {
      Signal.handle(hup.get(), previous.get());
    }
    worker.shutdownNow();
  }
}
