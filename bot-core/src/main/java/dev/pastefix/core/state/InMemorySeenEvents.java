package dev.pastefix.core.state;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Seen events in this process only: the store of a single instance without a database, and the
 * fallback while the database is unreachable. Bounded; the oldest claims are forgotten first.
 */
public final class InMemorySeenEvents implements SeenEvents {
  /** Events remembered at once. */
  public static final int CAPACITY = 100_000;

  private record Claim(String payload, Instant claimedAt, boolean answered) {}

  private final ExpiringTable<String, Claim> claims;

  public InMemorySeenEvents(Clock clock) {
    this(clock, CAPACITY);
  }

  public InMemorySeenEvents(Clock clock, int capacity) {
    this.claims = new ExpiringTable<>(clock, capacity);
  }

  @Override
  public synchronized boolean claim(String key, String payload, Duration ttl) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(payload, "payload");
    return claims.putIfAbsent(key, new Claim(payload, claims.now(), false), ttl);
  }

  @Override
  public synchronized void answered(String key) {
    claims.get(key).ifPresent(c -> claims.replace(key, new Claim("", c.claimedAt(), true)));
  }

  @Override
  public synchronized List<StaleClaim> takeOverStale(
      String keyPrefix, Duration staleAfter, int limit) {
    Instant now = claims.now();
    Instant cutoff = now.minus(staleAfter);
    List<StaleClaim> taken = new ArrayList<>();
    for (Map.Entry<String, Claim> e : claims.live().entrySet()) {
      if (taken.size() >= limit) {
        break;
      }
      Claim c = e.getValue();
      if (!c.answered() && !c.claimedAt().isAfter(cutoff) && e.getKey().startsWith(keyPrefix)) {
        taken.add(new StaleClaim(e.getKey(), c.payload(), c.claimedAt()));
        claims.replace(e.getKey(), new Claim(c.payload(), now, false));
      }
    }
    return taken;
  }

  /** Whether a live claim of {@code key} is held here. */
  synchronized boolean holds(String key) {
    return claims.get(key).isPresent();
  }

  @Override
  public synchronized int purgeExpired() {
    return claims.purge(claims.now());
  }
}
