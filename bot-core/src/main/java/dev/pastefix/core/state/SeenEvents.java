package dev.pastefix.core.state;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Platform events and messages the bot has taken on, so that each is answered once across restarts
 * and instances.
 *
 * <p>Contract: {@link #claim} is atomic — of any number of concurrent callers, in any number of
 * processes sharing the store, exactly one gets {@code true} for a key while its claim lives
 * ({@code ttl}, normally {@link #DEFAULT_TTL}). A claim records progress: it starts {@code claimed}
 * and becomes {@code answered} through {@link #answered}. A claim left {@code claimed} past a stale
 * age (its instance died) can be taken over exactly once through {@link #takeOverStale}, which
 * returns the payload stored with it so the taker can answer the event. Text in payloads is
 * redacted before it is stored. Implementations are thread-safe.
 */
public interface SeenEvents {
  /** How long a platform event id is remembered. */
  Duration DEFAULT_TTL = Duration.ofHours(24);

  /** How long a claim may stay unanswered before another instance takes it over. */
  Duration DEFAULT_STALE_AFTER = Duration.ofMinutes(2);

  /**
   * Claims {@code key} with the payload another instance would need to answer it; {@code true} for
   * exactly one caller while the claim lives.
   */
  boolean claim(String key, String payload, Duration ttl);

  /** Claims {@code key} with nothing to hand over (the event needs no reply of its own). */
  default boolean claim(String key, Duration ttl) {
    return claim(key, "", ttl);
  }

  /** Marks a claimed event answered: nothing is owed for it any more. Unknown keys are ignored. */
  void answered(String key);

  /**
   * Atomically takes over up to {@code limit} claims still unanswered {@code staleAfter} after they
   * were made (or last taken over), stamping them as claimed now; each stale claim is returned to
   * exactly one caller.
   */
  default List<StaleClaim> takeOverStale(Duration staleAfter, int limit) {
    return takeOverStale("", staleAfter, limit);
  }

  /**
   * As {@link #takeOverStale(Duration, int)}, among the keys starting with {@code keyPrefix} only
   * (each platform takes over its own events).
   */
  List<StaleClaim> takeOverStale(String keyPrefix, Duration staleAfter, int limit);

  /** An event whose instance died before answering it. */
  record StaleClaim(String key, String payload, Instant claimedAt) {
    public StaleClaim {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(payload, "payload");
      Objects.requireNonNull(claimedAt, "claimedAt");
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
