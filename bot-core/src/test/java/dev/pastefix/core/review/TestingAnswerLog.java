package dev.pastefix.core.review;

import dev.pastefix.core.state.AnswerLog;
import dev.pastefix.core.state.AnswerRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** An answer log in a list, for tests of what reads the log. */
public final class TestingAnswerLog implements AnswerLog {
  private final List<AnswerRecord> records = new ArrayList<>();

  @Override
  public synchronized void append(AnswerRecord record) {
    records.add(record);
  }

  @Override
  public synchronized List<AnswerRecord> since(Instant from) {
    return records.stream()
        .filter(r -> !r.at().isBefore(from))
        .sorted(Comparator.comparing(AnswerRecord::at))
        .toList();
  }
}
