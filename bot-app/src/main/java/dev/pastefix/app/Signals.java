package dev.pastefix.app;

import java.util.concurrent.atomic.AtomicBoolean;
import sun.misc.Signal;

/**
 * SIGTERM and SIGINT for the running bot: the first starts a graceful stop on its own thread; a
 * second one exits at once (143 or 130), for an operator who does not want to wait.
 */
final class Signals {
  private Signals() {}

  static void onStop(Runnable gracefulStop, Announcer announcer) {
    AtomicBoolean first = new AtomicBoolean(true);
    for (String name : new String[] {"TERM", "INT"}) {
      Signal.handle(
          new Signal(name),
          signal -> {
            if (first.getAndSet(false)) {
              Thread stopper = new Thread(gracefulStop, "pastefix-stop");
              stopper.setDaemon(false);
              stopper.start();
            } else {
              announcer.info("pastefix: stopping at once");
              Runtime.getRuntime().halt(128 + signal.getNumber());
            }
          });
    }
  }
}
