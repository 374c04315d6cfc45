package dev.pastefix.core.state;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What was written only in memory while the shared store was down, waiting to be written to it: one
 * queue per kind, each in the order it was written, the kinds written back in the order of {@link
 * Kind}. Every write is idempotent (an insert that skips a key it finds, an upsert, a delete), so
 * one repeated after a failure changes nothing. Bounded: past {@link #CAPACITY} the oldest waiting
 * write of the fullest kind is dropped and counted. Thread-safe.
 */
final class WriteBack {
  /** Writes waiting at once. */
  static final int CAPACITY = 100_000;

  /** The kinds, in the order they go back. */
  enum Kind {
    ANSWER_LOG,
    VOTES,
    ANSWERED,
    PENDING_CHECKS,
    OPEN_QUESTIONS,
    TRUSTED_ENDPOINTS
  }

  /**
   * One write: {@code write} does it against the shared store (and throws when the store fails);
   * {@code expires} is when it is no longer worth writing (a pending check nobody waits on), and
   * {@code row} the answer-log row it carries, for reads of the log during an outage.
   */
  record Write(
      Kind kind, Consumer<Instant> write, Optional<Instant> expires, Optional<AnswerRecord> row) {
    Write {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(write, "write");
      Objects.requireNonNull(expires, "expires");
      Objects.requireNonNull(row, "row");
    }
  }

  private final int capacity;
  private final Map<Kind, ArrayDeque<Write>> queues = new EnumMap<>(Kind.class);
  private int size;
  private long dropped;

  WriteBack() {
    this(CAPACITY);
  }

  WriteBack(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1");
    }
    this.capacity = capacity;
    for (Kind kind : Kind.values()) {
      queues.put(kind, new ArrayDeque<>());
    }
  }

  synchronized void add(Write write) {
    queues.get(write.kind()).addLast(write);
    size++;
    while (size > capacity) {
      ArrayDeque<Write> fullest = queues.get(Kind.ANSWER_LOG);
      for (ArrayDeque<Write> q : queues.values()) {
        if (q.size() > fullest.size()) {
          fullest = q;
        }
      }
      fullest.removeFirst();
      size--;
      dropped++;
    }
  }

  /** The next write in order, left in place until {@link #done} removes it. */
  synchronized Optional<Write> next() {
    for (Kind kind : Kind.values()) {
      Write first = queues.get(kind).peekFirst();
      if (first != null) {
        return Optional.of(first);
      }
    }
    return Optional.empty();
  }

  /** Removes {@code write}, once written (or found not worth writing). */
  synchronized void done(Write write) {
    if (queues.get(write.kind()).remove(write)) {
      size--;
    }
  }

  synchronized int size() {
    return size;
  }

  /** Writes dropped because the queue was full, since the start. */
  synchronized long dropped() {
    return dropped;
  }

  /** The answer-log rows waiting, oldest first. */
  synchronized List<AnswerRecord> rows() {
    List<AnswerRecord> out = new ArrayList<>();
    for (Write w : queues.get(Kind.ANSWER_LOG)) {
      w.row().ifPresent(out::add);
    }
    return out;
  }
}
