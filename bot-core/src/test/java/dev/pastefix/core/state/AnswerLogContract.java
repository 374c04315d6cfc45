package dev.pastefix.core.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pastefix.core.Channel;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The contract of {@link AnswerLog}; every implementation's test extends it. */
public abstract class AnswerLogContract {
  protected final TestingClock clock = new TestingClock();

  /** A new, empty log on {@link #clock} keeping rows for {@code retention}. */
  protected abstract AnswerLog log(Duration retention);

  protected static AnswerRecord record(Instant at, OutcomeKind outcome, String text) {
    return new AnswerRecord(
        at,
        "slack",
        Channel.MENTION,
        ConversationKey.of("slack", "T1", "C1").inThread("1700000000.0001"),
        "U123",
        outcome,
        outcome == OutcomeKind.ANSWER ? List.of("execution-policy") : List.of(),
        outcome == OutcomeKind.ANSWER ? 0.92 : 0,
        "en",
        Duration.ofNanos(1_234_000),
        text,
        List.of(
            new AnswerRecord.ScoredEntry("execution-policy", 0.92),
            new AnswerRecord.ScoredEntry("winrm-service", 0.04)),
        outcome == OutcomeKind.ANSWER
            ? Optional.of("slack:T1:C1:1700000000.0002")
            : Optional.empty());
  }

  @Test
  void givesRowsBackWholeAndOldestFirst() {
    AnswerLog log = log(Duration.ofDays(30));
    Instant t0 = clock.instant();
    AnswerRecord second = record(t0.plusSeconds(5), OutcomeKind.UNKNOWN, "what is this");
    AnswerRecord first =
        record(
            t0, OutcomeKind.ANSWER, "cannot be loaded because running scripts is disabled — délai");
    log.append(second);
    log.append(first);
    assertEquals(List.of(first, second), log.since(t0));
    assertEquals(List.of(second), log.since(t0.plusSeconds(1)));
  }

  @Test
  void dropsRowsOlderThanTheRetention() {
    AnswerLog log = log(Duration.ofDays(30));
    Instant t0 = clock.instant();
    log.append(record(t0, OutcomeKind.SILENT, "lunch?"));
    clock.advance(Duration.ofDays(20));
    AnswerRecord recent = record(clock.instant(), OutcomeKind.ANSWER, "x");
    log.append(recent);
    clock.advance(Duration.ofDays(11));
    log.purgeExpired();
    assertEquals(List.of(recent), log.since(t0));
  }
}
