package dev.pastefix.app;

import dev.pastefix.core.state.SeenEvents;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Seen events of this process, bounded, until the state stores are wired: the first claim of a key
 * wins. Stale claims have no other instance to be handed to.
 */
final class LocalSeenEvents implements SeenEvents {
  static final int CAPACITY = 100_000;

  private final Map<String, Boolean> claims =
      new LinkedHashMap<>(16, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
          return size() > CAPACITY;
        }
      };

  @Override
  public synchronized boolean claim(String key, String payload, Duration ttl) {
    return claims.putIfAbsent(key, Boolean.FALSE) == null;
  }

  @Override
  public synchronized void answered(String key) {
    claims.replace(key, Boolean.TRUE);
  }

  @Override
  public List<StaleClaim> takeOverStale(Duration staleAfter, int limit) {
    return List.of();
  }
}
