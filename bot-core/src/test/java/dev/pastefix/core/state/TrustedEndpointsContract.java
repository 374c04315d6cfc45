package dev.pastefix.core.state;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The contract of {@link TrustedEndpoints}; every implementation's test extends it. */
public abstract class TrustedEndpointsContract {
  protected final TestingClock clock = new TestingClock();

  private static final String EMEA = "https://smba.trafficmanager.net/emea/";

  /** A new, empty store on {@link #clock}. */
  protected abstract TrustedEndpoints store();

  @Test
  void trustsOnlyWhatWasTrustedForItsPlatform() {
    TrustedEndpoints endpoints = store();
    assertFalse(endpoints.isTrusted("teams", EMEA));
    endpoints.trust("teams", EMEA, TrustedEndpoints.DEFAULT_TTL);
    assertTrue(endpoints.isTrusted("teams", EMEA));
    assertFalse(endpoints.isTrusted("slack", EMEA), "another platform's address");
    assertFalse(endpoints.isTrusted("teams", "https://smba.trafficmanager.net/emea"), "exact");
    assertFalse(endpoints.isTrusted("teams", "https://evil.example/"));
  }

  @Test
  void anAddressExpiresUnlessNamedAgain() {
    TrustedEndpoints endpoints = store();
    endpoints.trust("teams", EMEA, Duration.ofDays(30));
    clock.advance(Duration.ofDays(20));
    endpoints.trust("teams", EMEA, Duration.ofDays(30));
    clock.advance(Duration.ofDays(20));
    assertTrue(endpoints.isTrusted("teams", EMEA), "renewed by the second request");
    clock.advance(Duration.ofDays(10));
    assertFalse(endpoints.isTrusted("teams", EMEA));
  }

  @Test
  void purgingDropsOnlyExpiredAddresses() {
    TrustedEndpoints endpoints = store();
    endpoints.trust("teams", EMEA, Duration.ofMinutes(1));
    endpoints.trust("teams", "https://smba.trafficmanager.net/amer/", Duration.ofDays(1));
    clock.advance(Duration.ofMinutes(2));
    endpoints.purgeExpired();
    assertFalse(endpoints.isTrusted("teams", EMEA));
    assertTrue(endpoints.isTrusted("teams", "https://smba.trafficmanager.net/amer/"));
  }

  @Test
  void refusesAnAbsurdlyLongAddress() {
    TrustedEndpoints endpoints = store();
    String longOne = "https://x.example/" + "a".repeat(TrustedEndpoints.MAX_ADDRESS_LENGTH);
    assertThrows(
        RefusedValue.class, () -> endpoints.trust("teams", longOne, TrustedEndpoints.DEFAULT_TTL));
    assertFalse(endpoints.isTrusted("teams", longOne));
  }
}
