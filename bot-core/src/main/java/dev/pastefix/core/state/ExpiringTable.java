package dev.pastefix.core.state;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * A bounded table whose entries expire: the in-memory stores' common storage. When full, expired
 * entries go first, then the oldest written, so a busy workspace cannot grow the heap without
 * limit. Not thread-safe by itself; its owners synchronise.
 */
final class ExpiringTable<K, V> {
  private record Row<V>(V value, Instant expires) {}

  private final Clock clock;
  private final int capacity;
  private final LinkedHashMap<K, Row<V>> rows = new LinkedHashMap<>();

  ExpiringTable(Clock clock, int capacity) {
    this.clock = Objects.requireNonNull(clock, "clock");
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1");
    }
    this.capacity = capacity;
  }

  Instant now() {
    return clock.instant();
  }

  void put(K key, V value, Duration ttl) {
    requirePositive(ttl);
    Instant now = clock.instant();
    rows.remove(key);
    rows.put(key, new Row<>(value, now.plus(ttl)));
    if (rows.size() > capacity) {
      purge(now);
    }
    Iterator<K> oldest = rows.keySet().iterator();
    while (rows.size() > capacity && oldest.hasNext()) {
      oldest.next();
      oldest.remove();
    }
  }

  /** Inserts only when no live row holds {@code key}; whether it did. */
  boolean putIfAbsent(K key, V value, Duration ttl) {
    if (get(key).isPresent()) {
      return false;
    }
    put(key, value, ttl);
    return true;
  }

  /** Replaces the value of a live row, keeping its expiry. */
  void replace(K key, V value) {
    Row<V> row = rows.get(key);
    if (row != null && clock.instant().isBefore(row.expires())) {
      rows.put(key, new Row<>(value, row.expires()));
    }
  }

  Optional<V> get(K key) {
    Row<V> row = rows.get(key);
    if (row == null) {
      return Optional.empty();
    }
    if (!clock.instant().isBefore(row.expires())) {
      rows.remove(key);
      return Optional.empty();
    }
    return Optional.of(row.value());
  }

  Optional<V> remove(K key) {
    Optional<V> live = get(key);
    rows.remove(key);
    return live;
  }

  /** Live rows, oldest written first, as a snapshot. */
  Map<K, V> live() {
    Instant now = clock.instant();
    Map<K, V> out = new LinkedHashMap<>();
    for (Map.Entry<K, Row<V>> e : rows.entrySet()) {
      if (now.isBefore(e.getValue().expires())) {
        out.put(e.getKey(), e.getValue().value());
      }
    }
    return out;
  }

  /** Drops expired rows and those {@code drop} selects; how many went. */
  int purge(Instant now, BiPredicate<K, V> drop) {
    int dropped = 0;
    Iterator<Map.Entry<K, Row<V>>> it = rows.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<K, Row<V>> e = it.next();
      if (!now.isBefore(e.getValue().expires()) || drop.test(e.getKey(), e.getValue().value())) {
        it.remove();
        dropped++;
      }
    }
    return dropped;
  }

  int purge(Instant now) {
    return purge(now, (k, v) -> false);
  }

  int size() {
    return rows.size();
  }

  private static void requirePositive(Duration ttl) {
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("ttl must be positive: " + ttl);
    }
  }
}
