package dev.pastefix.core.state;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** Trusted endpoints in this process only; bounded, the oldest forgotten first. */
public final class InMemoryTrustedEndpoints implements TrustedEndpoints {
  /** Addresses kept at once: platforms use a handful of regional ones. */
  public static final int CAPACITY = 1_000;

  private final ExpiringTable<List<String>, Boolean> trusted;

  public InMemoryTrustedEndpoints(Clock clock) {
    this(clock, CAPACITY);
  }

  public InMemoryTrustedEndpoints(Clock clock, int capacity) {
    this.trusted = new ExpiringTable<>(clock, capacity);
  }

  @Override
  public synchronized void trust(String platform, String address, Duration ttl) {
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(address, "address");
    if (address.length() > MAX_ADDRESS_LENGTH) {
      throw new RefusedValue(
          "an address of " + address.length() + " characters is longer than " + MAX_ADDRESS_LENGTH);
    }
    trusted.put(List.of(platform, address), Boolean.TRUE, ttl);
  }

  @Override
  public synchronized boolean isTrusted(String platform, String address) {
    return trusted.get(List.of(platform, address)).isPresent();
  }

  @Override
  public synchronized int purgeExpired() {
    return trusted.purge(trusted.now());
  }
}
