package dev.pastefix.core.state;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** The answer log of this process only: the newest rows, within the retention. */
public final class InMemoryAnswerLog implements AnswerLog {
  /** Rows kept at once; the oldest go first. */
  public static final int CAPACITY = 50_000;

  private final Clock clock;
  private final Duration retention;
  private final int capacity;
  private final Deque<AnswerRecord> rows = new ArrayDeque<>();
  private final Set<String> keys = new LinkedHashSet<>();

  public InMemoryAnswerLog(Clock clock, Duration retention) {
    this(clock, retention, CAPACITY);
  }

  public InMemoryAnswerLog(Clock clock, Duration retention, int capacity) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.retention = Objects.requireNonNull(retention, "retention");
    this.capacity = capacity;
  }

  @Override
  public synchronized void append(AnswerRecord record) {
    rows.addLast(Objects.requireNonNull(record, "record"));
    while (rows.size() > capacity) {
      rows.removeFirst();
    }
  }

  @Override
  public synchronized void appendOnce(String rowKey, AnswerRecord record) {
    Objects.requireNonNull(rowKey, "rowKey");
    if (!keys.add(rowKey)) {
      return;
    }
    // The keys of rows long gone are forgotten with them (oldest first), within the same bound.
    Iterator<String> oldest = keys.iterator();
    while (keys.size() > capacity && oldest.hasNext()) {
      oldest.next();
      oldest.remove();
    }
    append(record);
  }

  @Override
  public synchronized List<AnswerRecord> since(Instant from) {
    Instant cutoff = clock.instant().minus(retention);
    List<AnswerRecord> out = new ArrayList<>();
    for (AnswerRecord r : rows) {
      if (!r.at().isBefore(from) && !r.at().isBefore(cutoff)) {
        out.add(r);
      }
    }
    out.sort(Comparator.comparing(AnswerRecord::at));
    return out;
  }

  @Override
  public synchronized int purgeExpired() {
    Instant cutoff = clock.instant().minus(retention);
    int before = rows.size();
    rows.removeIf(r -> r.at().isBefore(cutoff));
    return before - rows.size();
  }
}
