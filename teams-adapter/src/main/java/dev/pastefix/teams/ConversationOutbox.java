package dev.pastefix.teams;

import dev.pastefix.core.telemetry.Telemetry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts replies to the Bot Connector on its own small pool, one lane per conversation: a
 * conversation's replies go out in order, and one that is throttled waits for its {@code
 * Retry-After} on a timer, holding no thread, so the other conversations go on. A conversation that
 * keeps failing for {@link TeamsConfig.Retry#giveUpAfter()} is dropped: its waiting replies are
 * given up with a log line and a metric.
 */
final class ConversationOutbox implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ConversationOutbox.class);

  /** One attempt at a reply: what the connector said. */
  @FunctionalInterface
  interface Post {
    Connector.Attempt attempt(int number) throws InterruptedException;
  }

  private final int maxAttempts;
  private final Duration giveUpAfter;
  private final Telemetry telemetry;
  private final Clock clock;
  private final ThreadPoolExecutor posters;
  private final ScheduledThreadPoolExecutor timer;
  private final Map<String, Lane> lanes = new HashMap<>();

  ConversationOutbox(
      int threads, int maxAttempts, Duration giveUpAfter, Telemetry telemetry, Clock clock) {
    this.maxAttempts = maxAttempts;
    this.giveUpAfter = Objects.requireNonNull(giveUpAfter, "giveUpAfter");
    this.telemetry = Objects.requireNonNull(telemetry, "telemetry");
    this.clock = Objects.requireNonNull(clock, "clock");
    AtomicInteger count = new AtomicInteger();
    // Unbounded: what is queued here was admitted by the workers' bound already.
    this.posters =
        new ThreadPoolExecutor(
            threads,
            threads,
            0,
            TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(),
            r -> daemon(r, "pastefix-teams-post-" + count.incrementAndGet()));
    this.timer = new ScheduledThreadPoolExecutor(1, r -> daemon(r, "pastefix-teams-post-timer"));
    timer.setRemoveOnCancelPolicy(true);
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  /** Queues {@code post} in {@code conversation}'s lane; {@code whenDone} learns if it was sent. */
  void send(String conversation, Post post, Consumer<Boolean> whenDone) {
    Item item = new Item(post, whenDone);
    Lane lane;
    boolean start;
    synchronized (lanes) {
      lane = lanes.computeIfAbsent(conversation, Lane::new);
      lane.items.add(item);
      start = !lane.busy;
      lane.busy = true;
    }
    if (start) {
      dispatch(lane);
    }
  }

  private void dispatch(Lane lane) {
    try {
      posters.execute(() -> runNext(lane));
    } catch (RejectedExecutionException e) {
      log.warn("Teams: the outbox is closed; replies to {} are not sent", lane.key);
    }
  }

  private void later(Lane lane, Duration wait) {
    try {
      timer.schedule(() -> dispatch(lane), wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      log.warn("Teams: the outbox is closed; replies to {} are not sent", lane.key);
    }
  }

  private void runNext(Lane lane) {
    Item item;
    synchronized (lanes) {
      item = lane.items.peek();
      if (item == null) {
        lane.busy = false;
        lanes.remove(lane.key);
        return;
      }
    }
    Connector.Attempt attempt;
    try {
      attempt = item.post.attempt(++item.attempts);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    } catch (RuntimeException e) {
      log.error("Teams: posting a reply failed", e);
      attempt = new Connector.Attempt.Failed(e.toString());
    }
    if (attempt instanceof Connector.Attempt.Sent) {
      lane.failingSince = Optional.empty();
      finish(lane, item, true);
      dispatch(lane);
      return;
    }
    if (attempt instanceof Connector.Attempt.RetryAfter) {
      Connector.Attempt.RetryAfter retry = (Connector.Attempt.RetryAfter) attempt;
      telemetry.postingFailed(TeamsListener.PLATFORM, retry.why().endsWith("429"));
      Instant now = clock.instant();
      Instant since = lane.failingSince.orElse(now);
      lane.failingSince = Optional.of(since);
      if (!now.plus(retry.pause()).isBefore(since.plus(giveUpAfter))) {
        drop(lane, retry.why(), Duration.between(since, now));
        return;
      }
      if (item.attempts < maxAttempts) {
        log.info(
            "Teams: {} in {}; attempt {} of {} in {} ms",
            retry.why(),
            lane.key,
            item.attempts + 1,
            maxAttempts,
            retry.pause().toMillis());
        later(lane, retry.pause());
        return;
      }
      log.warn("Teams: giving up on a reply in {} after {} attempts", lane.key, item.attempts);
    }
    finish(lane, item, false);
    dispatch(lane);
  }

  /** The conversation failed too long: every reply waiting in it is given up, the lane retired. */
  private void drop(Lane lane, String why, Duration failing) {
    java.util.List<Item> dropped;
    synchronized (lanes) {
      dropped = new java.util.ArrayList<>(lane.items);
      lane.items.clear();
      lane.busy = false;
      lanes.remove(lane.key);
    }
    telemetry.conversationDropped(TeamsListener.PLATFORM, dropped.size());
    log.warn(
        "Teams: dropping {} replies to conversation {}: it has been failing for {} s ({})",
        dropped.size(),
        lane.key,
        failing.toSeconds(),
        why);
    for (Item item : dropped) {
      done(item, false);
    }
  }

  private void finish(Lane lane, Item item, boolean sent) {
    synchronized (lanes) {
      lane.items.poll();
    }
    done(item, sent);
  }

  private static void done(Item item, boolean sent) {
    try {
      item.whenDone.accept(sent);
    } catch (RuntimeException e) {
      log.error("Teams: after posting a reply", e);
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
    final ArrayDeque<Item> items = new ArrayDeque<>();
    boolean busy;
    Optional<Instant> failingSince = Optional.empty();

    Lane(String key) {
      this.key = key;
    }
  }

  private static final class Item {
    final Post post;
    final Consumer<Boolean> whenDone;
    int attempts;

    Item(Post post, Consumer<Boolean> whenDone) {
      this.post = post;
      this.whenDone = whenDone;
    }
  }
}
