package dev.pastefix.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Remembers, per conversation, the causes the bot last asked the user to choose between, so that
 * the reply ("no ADFS here, custom domain") can be answered. Bounded in size and time; thread-safe.
 */
final class ClarifyMemory {
  /** Conversations remembered at once; the oldest are forgotten first. */
  static final int CAPACITY = 10_000;

  /** How long a question stays open. */
  static final Duration OPEN_FOR = Duration.ofMinutes(30);

  private record Pending(List<String> ids, Instant asked) {}

  private final Clock clock;
  private final Map<String, Pending> pending =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Pending> eldest) {
          return size() > CAPACITY;
        }
      };

  ClarifyMemory(Clock clock) {
    this.clock = clock;
  }

  synchronized void remember(String conversationKey, List<String> ids) {
    pending.put(conversationKey, new Pending(List.copyOf(ids), clock.instant()));
  }

  /** The open question of a conversation, removed: it is answered or abandoned now. */
  synchronized Optional<List<String>> take(String conversationKey) {
    Pending p = pending.remove(conversationKey);
    if (p == null || p.asked().plus(OPEN_FOR).isBefore(clock.instant())) {
      return Optional.empty();
    }
    return Optional.of(p.ids());
  }
}
