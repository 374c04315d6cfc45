package dev.pastefix.teams;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pastefix.core.state.BotState;
import dev.pastefix.core.state.TrustedEndpoints;
import dev.pastefix.storage.DatabaseTarget;
import dev.pastefix.storage.StateDatabase;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Service URLs shared through the real (H2) state: two instances' views of one database. */
class ServiceUrlsTest {
  private static final String EMEA = "https://smba.trafficmanager.net/emea/";

  private final StateDatabase db =
      StateDatabase.open(DatabaseTarget.inMemory(), Clock.systemUTC(), BotState.DEFAULT_RETENTION);
  private final TrustedEndpoints shared = db.state().trustedEndpoints();

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void anInstanceTrustsAServiceUrlThatAnotherOneValidated() {
    ServiceUrls first = new ServiceUrls(shared, Clock.systemUTC());
    ServiceUrls second = new ServiceUrls(shared, Clock.systemUTC());
    assertFalse(second.trusted(EMEA));

    first.trust("https://smba.trafficmanager.net/emea");

    assertTrue(second.trusted(EMEA), "shared through the state store");
    assertTrue(shared.isTrusted(ServiceUrls.PLATFORM, EMEA), "stored normalised");
  }

  @Test
  void nothingElseBecomesTrusted() {
    ServiceUrls first = new ServiceUrls(shared, Clock.systemUTC());
    ServiceUrls second = new ServiceUrls(shared, Clock.systemUTC());
    first.trust(EMEA);

    assertFalse(second.trusted("http://169.254.169.254/"));
    assertFalse(second.trusted("https://smba.trafficmanager.net/emea/../../evil/"));
    // An address another platform trusted is no Teams service URL.
    shared.trust("slack", "https://hooks.example/", TrustedEndpoints.DEFAULT_TTL);
    assertFalse(second.trusted("https://hooks.example/"));
  }

  @Test
  void anAbsurdlyLongUrlIsTrustedHereOnly() {
    ServiceUrls first = new ServiceUrls(shared, Clock.systemUTC());
    String longOne = "https://x.example/" + "a".repeat(TrustedEndpoints.MAX_ADDRESS_LENGTH) + "/";
    first.trust(longOne);
    assertTrue(first.trusted(longOne));
    assertFalse(new ServiceUrls(shared, Clock.systemUTC()).trusted(longOne));
  }
}
