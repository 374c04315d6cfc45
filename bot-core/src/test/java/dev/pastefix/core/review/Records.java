package dev.pastefix.core.review;

import dev.pastefix.core.Channel;
import dev.pastefix.core.state.AnswerRecord;
import dev.pastefix.core.state.AnswerRecord.ScoredEntry;
import dev.pastefix.core.state.ConversationKey;
import dev.pastefix.core.state.OutcomeKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Answer-log rows for tests. */
final class Records {
  private Records() {}

  static AnswerRecord record(
      Instant at,
      String sender,
      Channel channel,
      OutcomeKind outcome,
      String text,
      List<String> entryIds,
      List<ScoredEntry> candidates,
      Optional<String> answerKey) {
    return new AnswerRecord(
        at,
        "slack",
        channel,
        ConversationKey.of("slack", "T1", "C1"),
        sender,
        outcome,
        entryIds,
        candidates.isEmpty() ? 0 : candidates.get(0).score(),
        "en",
        Duration.ofMillis(2),
        text,
        candidates,
        answerKey);
  }

  static AnswerRecord unknown(Instant at, String sender, String text, ScoredEntry... closest) {
    return record(
        at,
        sender,
        Channel.DIRECT,
        OutcomeKind.UNKNOWN,
        text,
        List.of(),
        List.of(closest),
        Optional.empty());
  }

  static AnswerRecord silent(Instant at, String sender, String text, ScoredEntry... best) {
    return record(
        at,
        sender,
        Channel.CHANNEL,
        OutcomeKind.SILENT,
        text,
        List.of(),
        List.of(best),
        Optional.empty());
  }

  static AnswerRecord answer(Instant at, String sender, String text, String entryId, String key) {
    return record(
        at,
        sender,
        Channel.DIRECT,
        OutcomeKind.ANSWER,
        text,
        List.of(entryId),
        List.of(new ScoredEntry(entryId, 0.97)),
        Optional.of(key));
  }
}
