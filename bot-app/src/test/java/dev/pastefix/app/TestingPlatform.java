package dev.pastefix.app;

import dev.pastefix.core.telemetry.Telemetry;
import dev.pastefix.core.work.Workers;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A platform for the service tests whose connection and work the test controls: it connects only
 * when {@link #connect()} is called, and it holds one event in its workers until {@link
 * #finishWork()}, so its drain lasts until then.
 */
final class TestingPlatform {
  private final CountDownLatch connected = new CountDownLatch(1);
  private final Workers workers = new Workers("testing", 1, 10, Telemetry.inMemory());
  private volatile boolean closed;
  private final Platform platform =
      new Platform(
          "testing",
          workers,
          () -> {
            try {
              if (!connected.await(30, TimeUnit.SECONDS)) {
                throw new Platform.StartFailure("testing: never connected", null);
              }
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              throw new Platform.StartFailure("testing: interrupted", e);
            }
          },
          List::of,
          () -> connected.getCount() == 0,
          () -> {},
          () -> "testing is running",
          () -> closed = true);

  TestingPlatform() {
    workers.enter();
  }

  Platform platform() {
    return platform;
  }

  void connect() {
    connected.countDown();
  }

  void finishWork() {
    workers.leave();
  }

  boolean accepting() {
    return workers.accepting();
  }

  boolean closed() {
    return closed;
  }
}
