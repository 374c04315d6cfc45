package dev.pastefix.teams;

import dev.pastefix.core.state.RefusedValue;
import dev.pastefix.core.state.TrustedEndpoints;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Bot Connector addresses that validated activities came from. Replies only ever go to one of
 * these, so a forged activity cannot make the bot call an address of its choosing. They are shared
 * through the state's {@link TrustedEndpoints}, so an instance can reply in a conversation whose
 * activity another instance validated; this instance's recent ones are also kept here, so neither
 * each activity nor each reply costs a database call. Bounded: Teams uses a handful of regional
 * addresses, so old ones falling out costs nothing.
 */
final class ServiceUrls {
  static final int CAPACITY = 1_000;

  /** The platform the shared addresses are kept under. */
  static final String PLATFORM = TeamsListener.PLATFORM;

  /** How long a shared address lives after the last activity that came from it. */
  static final Duration TTL = TrustedEndpoints.DEFAULT_TTL;

  /** How often an address still in use is renewed in the shared store. */
  static final Duration RENEW_EVERY = Duration.ofHours(1);

  private static final Logger log = LoggerFactory.getLogger(ServiceUrls.class);

  private final TrustedEndpoints shared;
  private final Clock clock;

  /** Address -> when this instance last wrote it to the shared store (or learnt it from there). */
  private final Map<String, Instant> known =
      new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
          return size() > CAPACITY;
        }
      };

  ServiceUrls(TrustedEndpoints shared, Clock clock) {
    this.shared = Objects.requireNonNull(shared, "shared");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Records the address of an activity whose token was valid, for every instance. */
  void trust(String serviceUrl) {
    String url = normalise(serviceUrl);
    Instant now = clock.instant();
    synchronized (this) {
      Instant written = known.get(url);
      if (written != null && now.isBefore(written.plus(RENEW_EVERY))) {
        return;
      }
      known.put(url, now);
    }
    try {
      shared.trust(PLATFORM, url, TTL);
    } catch (RefusedValue e) {
      log.info("Teams: a service URL too long to share ({} characters)", url.length());
    } catch (RuntimeException e) {
      // Still trusted here; the next activity from it tries sharing it again.
      synchronized (this) {
        known.remove(url);
        known.put(url, Instant.MIN);
      }
      log.debug("Teams: could not share a service URL", e);
    }
  }

  /** Whether a validated activity came from {@code serviceUrl}, to this or another instance. */
  boolean trusted(String serviceUrl) {
    String url = normalise(serviceUrl);
    synchronized (this) {
      if (known.containsKey(url)) {
        return true;
      }
    }
    boolean elsewhere;
    try {
      elsewhere = shared.isTrusted(PLATFORM, url);
    } catch (RuntimeException e) {
      log.debug("Teams: could not ask the state whether a service URL is trusted", e);
      return false;
    }
    if (elsewhere) {
      synchronized (this) {
        known.putIfAbsent(url, clock.instant());
      }
    }
    return elsewhere;
  }

  static String normalise(String serviceUrl) {
    return serviceUrl.endsWith("/") ? serviceUrl : serviceUrl + "/";
  }
}
