package dev.pastefix.teams;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A bounded memory of the threads pastefix answered in, so that a follow-up there counts as
 * addressed; old threads fall out so that a long-running bot does not grow without limit.
 */
final class RecentConversations {
  static final int CAPACITY = 10_000;

  private final Map<String, Boolean> keys;

  RecentConversations(int capacity) {
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
  synchronized boolean add(String key) {
    return keys.put(key, Boolean.TRUE) == null;
  }

  synchronized boolean contains(String key) {
    return keys.containsKey(key);
  }
}
