package dev.pastefix.core.state;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the bot remembers of a conversation: the threads it answered (so follow-ups there count as
 * addressed), the clarifying question it left open, and the last answer a person can rate.
 *
 * <p>Contract: every entry expires after the time given when it was written and is then as if never
 * written; a later write of the same kind for the same key replaces the earlier one; {@link
 * #takeQuestion} returns an open question at most once. Implementations are thread-safe.
 */
public interface ConversationStore {
  /** How long an answered thread keeps follow-ups addressed. */
  Duration ANSWERED_THREAD_TTL = Duration.ofDays(7);

  /** How long a clarifying question stays open. */
  Duration QUESTION_TTL = Duration.ofMinutes(30);

  /** How long the last answer can still be rated with "helpful". */
  Duration LAST_ANSWER_TTL = Duration.ofDays(1);

  /** Remembers that the bot answered in {@code thread}. */
  void markAnswered(ConversationKey thread, Duration ttl);

  /** Whether the bot answered in {@code thread} and that has not expired. */
  boolean isAnswered(ConversationKey thread);

  /** Leaves a clarifying question open: the user is asked to choose between {@code entryIds}. */
  void openQuestion(ConversationKey conversation, List<String> entryIds, Duration ttl);

  /** The open question, removed: it is answered or abandoned now. */
  Optional<List<String>> takeQuestion(ConversationKey conversation);

  /** Remembers the last answer given in {@code conversation}, for a later "helpful". */
  void rememberAnswer(ConversationKey conversation, LastAnswer answer, Duration ttl);

  /** The last answer given in {@code conversation}, if it has not expired. */
  Optional<LastAnswer> lastAnswer(ConversationKey conversation);

  /** An answer a person can still rate: the key votes on it use, and what it was about. */
  record LastAnswer(String answerKey, List<String> entryIds, Instant at) {
    public LastAnswer {
      Objects.requireNonNull(answerKey, "answerKey");
      entryIds = List.copyOf(entryIds);
      Objects.requireNonNull(at, "at");
    }
  }

  /**
   * Drops expired rows now (stores also drop them lazily); how many went. Stores that keep nothing
   * that expires may do nothing.
   */
  default int purgeExpired() {
    return 0;
  }
}
