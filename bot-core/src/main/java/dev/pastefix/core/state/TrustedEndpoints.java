package dev.pastefix.core.state;

import java.time.Duration;

/**
 * Addresses a platform named in a request whose signature was checked (such as the Bot Connector
 * service URL of a Teams activity): replies may go only to these, and sharing them lets any
 * instance reply where another one was called from.
 *
 * <p>Contract: {@link #trust} records an address of a platform (or renews it) for {@code ttl};
 * {@link #isTrusted} is {@code true} while it lives, for that platform only, and for no address
 * never trusted. Addresses are compared exactly. Thread-safe.
 */
public interface TrustedEndpoints {
  /** How long an address stays trusted after the last request that named it. */
  Duration DEFAULT_TTL = Duration.ofDays(30);

  /** The longest address kept; a longer one is refused with {@link RefusedValue}. */
  int MAX_ADDRESS_LENGTH = 2048;

  /** Trusts {@code address} of {@code platform} for {@code ttl} from now. */
  void trust(String platform, String address, Duration ttl);

  /** Whether {@code address} of {@code platform} is trusted now. */
  boolean isTrusted(String platform, String address);

  /**
   * Drops expired rows now (stores also drop them lazily); how many went. Stores that keep nothing
   * that expires may do nothing.
   */
  default int purgeExpired() {
    return 0;
  }
}
