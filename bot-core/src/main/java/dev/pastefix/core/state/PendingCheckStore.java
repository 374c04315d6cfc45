package dev.pastefix.core.state;

import java.time.Duration;
import java.util.Optional;

/**
 * The guided check each conversation waits on: after the bot gives a command, the next message in
 * that conversation may be its output.
 *
 * <p>Contract: {@link #start} replaces any earlier pending check of the conversation; a pending
 * check expires {@code ttl} after it was started; {@link #finish} removes it. Thread-safe.
 */
public interface PendingCheckStore {
  /** How long the bot waits for a check's output. */
  Duration DEFAULT_TTL = Duration.ofMinutes(15);

  /** Starts (or restarts) waiting for {@code checkId}'s output in this conversation. */
  void start(ConversationKey conversation, String checkId, Duration ttl);

  /** The check this conversation waits on, if it has not expired. */
  Optional<String> pending(ConversationKey conversation);

  /** Stops waiting in this conversation (the output arrived). */
  void finish(ConversationKey conversation);

  /**
   * Drops expired rows now (stores also drop them lazily); how many went. Stores that keep nothing
   * that expires may do nothing.
   */
  default int purgeExpired() {
    return 0;
  }
}
