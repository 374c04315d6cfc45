package dev.pastefix.teams;

import dev.pastefix.core.state.SeenEvents;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Seen events in a map, for the adapter's tests: the first claim of a key wins. */
final class TestingSeenEvents implements SeenEvents {
  private final Map<String, Boolean> answered = new ConcurrentHashMap<>();

  @Override
  public boolean claim(String key, String payload, Duration ttl) {
    return answered.putIfAbsent(key, Boolean.FALSE) == null;
  }

  @Override
  public void answered(String key) {
    answered.replace(key, Boolean.TRUE);
  }

  @Override
  public List<StaleClaim> takeOverStale(Duration staleAfter, int limit) {
    return List.of();
  }

  boolean wasAnswered(String key) {
    return answered.getOrDefault(key, false);
  }
}
