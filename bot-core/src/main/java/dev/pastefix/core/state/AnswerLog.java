package dev.pastefix.core.state;

import java.time.Instant;
import java.util.List;

/**
 * One row per handled message, for {@code stats} and {@code review}.
 *
 * <p>Contract: {@link #append} redacts nothing itself — callers pass {@link AnswerRecord}s whose
 * text went through {@link Redaction}; rows come back from {@link #since} oldest first; rows older
 * than the retention are purged by the store. Thread-safe.
 */
public interface AnswerLog {
  /** Adds one handled message. */
  void append(AnswerRecord record);

  /**
   * Adds one handled message under {@code rowKey}, once: a second call with the same key adds
   * nothing, so a row written again after an outage (or after a write whose answer was lost) is not
   * counted twice. A store that keeps no keys appends each time.
   */
  default void appendOnce(String rowKey, AnswerRecord record) {
    append(record);
  }

  /** Every row at or after {@code from}, oldest first. */
  List<AnswerRecord> since(Instant from);

  /**
   * Drops expired rows now (stores also drop them lazily); how many went. Stores that keep nothing
   * that expires may do nothing.
   */
  default int purgeExpired() {
    return 0;
  }
}
