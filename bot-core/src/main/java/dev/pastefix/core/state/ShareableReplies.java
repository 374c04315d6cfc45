package dev.pastefix.core.state;

import java.time.Duration;
import java.util.Optional;

/**
 * Replies shown to one person (an ephemeral slash-command answer) kept so that a "Share in channel"
 * click can post them. The payload is the adapter's rendered reply.
 *
 * <p>Contract: {@link #keep} returns a new id; {@link #find} returns the payload until {@code ttl}
 * has passed. Payload text is redacted before it is stored. Thread-safe.
 */
public interface ShareableReplies {
  /** How long a shareable reply can still be shared. */
  Duration DEFAULT_TTL = Duration.ofDays(1);

  /** Keeps {@code payload} and returns the id a share button carries. */
  String keep(String payload, Duration ttl);

  /** The payload kept under {@code id}, if it has not expired. */
  Optional<String> find(String id);

  /**
   * Drops expired rows now (stores also drop them lazily); how many went. Stores that keep nothing
   * that expires may do nothing.
   */
  default int purgeExpired() {
    return 0;
  }
}
