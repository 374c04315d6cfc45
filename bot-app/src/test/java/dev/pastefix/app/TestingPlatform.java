package dev.pastefix.app;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A platform for the service tests whose connection and drain the test controls: it connects only
 * when {@link #connect()} is called, and its drain lasts until {@link #finishWork()}.
 */
final class TestingPlatform implements Platform {
  private final CountDownLatch connected = new CountDownLatch(1);
  private final CountDownLatch workDone = new CountDownLatch(1);
  private volatile boolean accepting = true;
  private volatile boolean closed;

  void connect() {
    connected.countDown();
  }

  void finishWork() {
    workDone.countDown();
  }

  boolean accepting() {
    return accepting;
  }

  boolean closed() {
    return closed;
  }

  @Override
  public String name() {
    return "testing";
  }

  @Override
  public void start() throws StartFailure {
    try {
      if (!connected.await(30, TimeUnit.SECONDS)) {
        throw new StartFailure("testing: never connected", null);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StartFailure("testing: interrupted", e);
    }
  }

  @Override
  public List<WebServer.Mount> mounts() {
    return List.of();
  }

  @Override
  public boolean ready() {
    return connected.getCount() == 0;
  }

  @Override
  public void stopAccepting() {
    accepting = false;
  }

  @Override
  public int drain(Duration wait) throws InterruptedException {
    return workDone.await(wait.toMillis(), TimeUnit.MILLISECONDS) ? 0 : 1;
  }

  @Override
  public void close() {
    closed = true;
  }
}
