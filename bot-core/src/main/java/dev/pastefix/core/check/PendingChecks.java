package dev.pastefix.core.check;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The guided check each conversation is waiting on: after the bot gives a command, the next message
 * in that conversation may be its output. Entries expire, and the table is bounded so a busy
 * workspace cannot grow it without limit. Thread-safe.
 */
public final class PendingChecks {
  public static final Duration DEFAULT_TTL = Duration.ofMinutes(15);
  public static final int DEFAULT_CAPACITY = 10_000;

  private record Pending(String checkId, Instant expires) {}

  private final Clock clock;
  private final Duration ttl;
  private final int capacity;
  private final LinkedHashMap<String, Pending> byConversation = new LinkedHashMap<>();

  public PendingChecks(Clock clock) {
    this(clock, DEFAULT_TTL, DEFAULT_CAPACITY);
  }

  public PendingChecks(Clock clock, Duration ttl, int capacity) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.ttl = Objects.requireNonNull(ttl, "ttl");
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("ttl must be positive");
    }
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1");
    }
    this.capacity = capacity;
  }

  public Duration ttl() {
    return ttl;
  }

  /** Starts (or restarts) waiting for {@code checkId}'s output in this conversation. */
  public synchronized void start(String conversationKey, String checkId) {
    Objects.requireNonNull(conversationKey, "conversationKey");
    Objects.requireNonNull(checkId, "checkId");
    Instant now = clock.instant();
    byConversation.remove(conversationKey);
    byConversation.put(conversationKey, new Pending(checkId, now.plus(ttl)));
    if (byConversation.size() > capacity) {
      dropExpired(now);
    }
    Iterator<String> oldest = byConversation.keySet().iterator();
    while (byConversation.size() > capacity && oldest.hasNext()) {
      oldest.next();
      oldest.remove();
    }
  }

  /** The check this conversation waits on, if it has not expired. */
  public synchronized Optional<String> pending(String conversationKey) {
    Pending pending = byConversation.get(conversationKey);
    if (pending == null) {
      return Optional.empty();
    }
    if (!clock.instant().isBefore(pending.expires())) {
      byConversation.remove(conversationKey);
      return Optional.empty();
    }
    return Optional.of(pending.checkId());
  }

  /** Stops waiting in this conversation (the output arrived). */
  public synchronized void finish(String conversationKey) {
    byConversation.remove(conversationKey);
  }

  /** How many conversations are waiting (expired ones may still be counted until touched). */
  public synchronized int size() {
    return byConversation.size();
  }

  private void dropExpired(Instant now) {
    Iterator<Map.Entry<String, Pending>> it = byConversation.entrySet().iterator();
    while (it.hasNext()) {
      if (!now.isBefore(it.next().getValue().expires())) {
        it.remove();
      }
    }
  }
}
