package dev.pastefix.slack;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A bounded memory of recently seen keys (event ids, message timestamps, answered threads): old
 * keys fall out so that a long-running bot does not grow without limit.
 */
final class RecentKeys {
  private final Map<String, Boolean> keys;

  RecentKeys(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive: " + capacity);
    }
    this.keys =
        new LinkedHashMap<>(16, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > capacity;
          }
        };
  }

  /** Remembers {@code key}; true only the first time it is seen (while remembered). */
  synchronized boolean firstTime(String key) {
    return keys.put(key, Boolean.TRUE) == null;
  }

  synchronized boolean contains(String key) {
    return keys.containsKey(key);
  }

  synchronized int size() {
    return keys.size();
  }
}
