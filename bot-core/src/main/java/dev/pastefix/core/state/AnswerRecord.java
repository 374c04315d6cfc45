package dev.pastefix.core.state;

import dev.pastefix.core.Channel;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One handled message, as the answer log keeps it: when, where, what the bot decided and how sure,
 * how long it took, and the text with secrets redacted. The sender is an id, never a display name.
 * {@code candidates} are the best-ranked entries with their scores (also for unknown and silent
 * outcomes, so near misses can be reviewed); {@code answerKey} is the key that feedback votes on
 * this reply carry.
 */
public record AnswerRecord(
    Instant at,
    String platform,
    Channel channel,
    ConversationKey conversation,
    String senderId,
    OutcomeKind outcome,
    List<String> entryIds,
    double confidence,
    String language,
    Duration latency,
    String redactedText,
    List<ScoredEntry> candidates,
    Optional<String> answerKey) {
  public AnswerRecord {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(conversation, "conversation");
    Objects.requireNonNull(senderId, "senderId");
    Objects.requireNonNull(outcome, "outcome");
    entryIds = List.copyOf(entryIds);
    if (Double.isNaN(confidence) || confidence < 0 || confidence > 1) {
      throw new IllegalArgumentException("confidence must be within 0..1: " + confidence);
    }
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(latency, "latency");
    Objects.requireNonNull(redactedText, "redactedText");
    candidates = List.copyOf(candidates);
    Objects.requireNonNull(answerKey, "answerKey");
  }

  /** An entry and the score the engine gave it for this message. */
  public record ScoredEntry(String entryId, double score) {
    public ScoredEntry {
      Objects.requireNonNull(entryId, "entryId");
      if (Double.isNaN(score)) {
        throw new IllegalArgumentException("score must be a number");
      }
    }
  }
}
