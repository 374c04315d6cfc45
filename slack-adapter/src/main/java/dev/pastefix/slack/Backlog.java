package dev.pastefix.slack;

import java.time.Duration;

/**
 * Counts the events that were acknowledged and not yet fully answered (engine and posting), up to a
 * fixed capacity. An event is admitted before Slack gets its acknowledgement; when the backlog is
 * full the event is refused instead, so that Slack delivers it again later rather than the bot
 * acknowledging it and losing it.
 */
final class Backlog {
  private final int capacity;
  private int inFlight;

  Backlog(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("the backlog needs a capacity of at least 1");
    }
    this.capacity = capacity;
  }

  /** Takes a place for one event; false when the backlog is full. */
  synchronized boolean tryEnter() {
    if (inFlight >= capacity) {
      return false;
    }
    inFlight++;
    return true;
  }

  /**
   * Takes a place for work that belongs to an admitted event (its reply's post): never refused,
   * since the event is already acknowledged.
   */
  synchronized void enter() {
    inFlight++;
  }

  /** Gives back the place of an event that is answered (or needed no answer). */
  synchronized void leave() {
    if (inFlight == 0) {
      throw new IllegalStateException("left a backlog that was empty");
    }
    inFlight--;
    if (inFlight == 0) {
      notifyAll();
    }
  }

  synchronized int inFlight() {
    return inFlight;
  }

  int capacity() {
    return capacity;
  }

  /** Waits until every admitted event is answered, at most {@code wait}; returns those left. */
  synchronized int awaitEmpty(Duration wait) throws InterruptedException {
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
}
