package dev.pastefix.slack;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts to Slack on its own bounded pool, apart from the engine, one lane per channel: posts to a
 * channel go out in order and at least {@code pace} apart (Slack allows about one message per
 * second per channel), and a rate-limited post waits for its {@code Retry-After} without holding a
 * thread. A slow Web API therefore delays replies but never costs one.
 */
final class Outbox implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Outbox.class);

  private final int maxAttempts;
  private final ThreadPoolExecutor posters;
  private final ScheduledThreadPoolExecutor timer;
  private final Map<String, Lane> lanes = new HashMap<>();
  private int queued;

  Outbox(int threads, int maxAttempts) {
    if (threads < 1 || maxAttempts < 1) {
      throw new IllegalArgumentException("the outbox needs at least one thread and one attempt");
    }
    this.maxAttempts = maxAttempts;
    AtomicInteger count = new AtomicInteger();
    // The queue is unbounded here because the backlog bounds what can be admitted to it.
    this.posters =
        new ThreadPoolExecutor(
            threads,
            threads,
            0,
            TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(),
            r -> daemon(r, "pastefix-slack-post-" + count.incrementAndGet()));
    this.timer = new ScheduledThreadPoolExecutor(1, r -> daemon(r, "pastefix-slack-post-timer"));
    timer.setRemoveOnCancelPolicy(true);
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  /**
   * Queues {@code attempt} on {@code lane}; {@code whenDone} gets the final delivery (sent, or
   * failed after the retries), on a posting thread.
   */
  void send(String lane, Duration pace, Supplier<Delivery> attempt, Consumer<Delivery> whenDone) {
    Objects.requireNonNull(lane, "lane");
    Item item = new Item(attempt, whenDone);
    Lane target;
    boolean start;
    synchronized (lanes) {
      target = lanes.computeIfAbsent(lane, k -> new Lane(k, pace));
      target.items.add(item);
      queued++;
      start = !target.busy;
      target.busy = true;
    }
    if (start) {
      dispatch(target);
    }
  }

  /** Posts not yet delivered (queued, waiting for their pace or for a retry). */
  int pending() {
    synchronized (lanes) {
      return queued;
    }
  }

  private void dispatch(Lane lane) {
    try {
      posters.execute(() -> runNext(lane));
    } catch (RejectedExecutionException e) {
      log.warn("the outbox is closed; {} posts to one channel are not sent", lane.items.size());
    }
  }

  private void later(Lane lane, Duration wait) {
    try {
      timer.schedule(() -> dispatch(lane), wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      log.warn("the outbox is closed; {} posts to one channel are not sent", lane.items.size());
    }
  }

  private void runNext(Lane lane) {
    Item item;
    synchronized (lanes) {
      item = lane.items.peek();
      if (item == null) {
        // The pace after the last post has passed and nothing new came: retire the lane.
        lane.busy = false;
        lanes.remove(lane.key);
        return;
      }
    }
    Delivery delivery;
    try {
      delivery = item.attempt.get();
    } catch (RuntimeException e) {
      log.error("posting to Slack failed", e);
      delivery = new Delivery.Failed(e.toString());
    }
    item.attempts++;
    if (delivery instanceof Delivery.RetryAfter && item.attempts < maxAttempts) {
      Delivery.RetryAfter retry = (Delivery.RetryAfter) delivery;
      log.info(
          "posting to Slack: {}; attempt {} of {} in {} ms",
          retry.why(),
          item.attempts + 1,
          maxAttempts,
          retry.pause().toMillis());
      later(lane, retry.pause());
      return;
    }
    if (delivery instanceof Delivery.RetryAfter) {
      log.warn(
          "posting to Slack: {}; giving up after {} attempts",
          ((Delivery.RetryAfter) delivery).why(),
          item.attempts);
    }
    synchronized (lanes) {
      lane.items.poll();
      queued--;
    }
    try {
      item.whenDone.accept(delivery);
    } catch (RuntimeException e) {
      log.error("after posting to Slack", e);
    }
    if (lane.pace.isZero()) {
      dispatch(lane);
    } else {
      later(lane, lane.pace);
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
    posters.shutdown();
    try {
      if (!posters.awaitTermination(5, TimeUnit.SECONDS)) {
        posters.shutdownNow();
      }
    } catch (InterruptedException e) {
      posters.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  private static final class Lane {
    final String key;
    final Duration pace;
    final ArrayDeque<Item> items = new ArrayDeque<>();
    boolean busy;

    Lane(String key, Duration pace) {
      this.key = key;
      this.pace = pace;
    }
  }

  private static final class Item {
    final Supplier<Delivery> attempt;
    final Consumer<Delivery> whenDone;
    int attempts;

    Item(Supplier<Delivery> attempt, Consumer<Delivery> whenDone) {
      this.attempt = attempt;
      this.whenDone = whenDone;
    }
  }
}
