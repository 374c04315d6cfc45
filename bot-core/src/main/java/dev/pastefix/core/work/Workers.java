package dev.pastefix.core.work;

import dev.pastefix.core.telemetry.Telemetry;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One platform's workers: a fixed number of threads and a bound on the work taken and not yet
 * finished (the bot's answer and the posting of its reply). Work beyond the bound, or after {@link
 * #stopAccepting()}, is refused before the platform gets its acknowledgement, counted as shed, so
 * the platform can deliver it again; {@link #drain} waits for what was taken. Thread-safe.
 */
public final class Workers implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Workers.class);

  private final String platform;
  private final int capacity;
  private final Telemetry telemetry;
  private final ThreadPoolExecutor threads;
  private int inFlight;
  private boolean accepting = true;

  /** {@code threads} workers for {@code platform}, taking at most {@code capacity} at once. */
  public Workers(String platform, int threads, int capacity, Telemetry telemetry) {
    this.platform = Objects.requireNonNull(platform, "platform");
    this.telemetry = Objects.requireNonNull(telemetry, "telemetry");
    if (threads < 1 || capacity < 1) {
      throw new IllegalArgumentException("workers need at least one thread and a capacity of 1");
    }
    this.capacity = capacity;
    AtomicInteger count = new AtomicInteger();
    // Unbounded queue: the capacity bounds what is taken, and refuses before acknowledging.
    this.threads =
        new ThreadPoolExecutor(
            threads,
            threads,
            0,
            TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(),
            r -> {
              Thread t = new Thread(r, "pastefix-" + platform + "-" + count.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Takes a place for one new event, or refuses it (full, or stopping): counted and logged, and the
   * caller tells the platform to deliver it again. Give the place back with {@link #leave()}.
   */
  public synchronized boolean tryEnter() {
    if (!accepting) {
      telemetry.shed(platform, "stopping");
      LOG.info("refusing a {} event: stopping", platform);
      return false;
    }
    if (inFlight >= capacity) {
      telemetry.shed(platform, "full");
      LOG.warn(
          "refusing a {} event: {} are still being answered; it will be delivered again",
          platform,
          capacity);
      return false;
    }
    inFlight++;
    return true;
  }

  /** Takes a place for work of an event already taken (its reply's post): never refused. */
  public synchronized void enter() {
    inFlight++;
  }

  /** Gives back a place. */
  public synchronized void leave() {
    if (inFlight == 0) {
      throw new IllegalStateException("left workers that had nothing in flight");
    }
    inFlight--;
    if (inFlight == 0) {
      notifyAll();
    }
  }

  /** Runs a new event's {@code task} on a worker; false (and nothing runs) when refused. */
  public boolean submit(Runnable task) {
    if (!tryEnter()) {
      return false;
    }
    run(task);
    return true;
  }

  /** Runs more work of an event already taken on a worker: never refused. */
  public void follow(Runnable task) {
    enter();
    run(task);
  }

  private void run(Runnable task) {
    try {
      threads.execute(
          () -> {
            try {
              task.run();
            } catch (RuntimeException e) {
              LOG.error("a {} task failed", platform, e);
            } finally {
              leave();
            }
          });
    } catch (RuntimeException e) {
      // Closed already: the place is given back, the task is dropped with the pool.
      leave();
      LOG.debug("{} workers are closed; a task was dropped", platform);
    }
  }

  /** From now on new events are refused; what was taken is still answered. */
  public synchronized void stopAccepting() {
    accepting = false;
  }

  public synchronized boolean accepting() {
    return accepting;
  }

  /** Events and posts taken and not finished. */
  public synchronized int inFlight() {
    return inFlight;
  }

  public int capacity() {
    return capacity;
  }

  /** Waits until everything taken is finished, at most {@code wait}; returns how much is left. */
  public synchronized int drain(Duration wait) throws InterruptedException {
    long deadline = System.nanoTime() + wait.toNanos();
    while (inFlight > 0) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        break;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return inFlight;
  }

  /** Stops at once: whatever is not finished is dropped (call {@link #drain} first). */
  @Override
  public void close() {
    stopAccepting();
    int left = inFlight();
    if (left > 0) {
      LOG.warn("{}: closing with {} taken events not answered", platform, left);
    }
    threads.shutdownNow();
  }
}
