package dev.pastefix.core.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SharedErrorHintsTest {
  private final SharedErrorHints hints = SharedErrorHints.shipped();
  private final List<String> group = List.of("server-unavailable-dns", "server-unavailable-adfs");

  @Test
  void pointsToDnsWhenAdfsIsRuledOut() {
    assertEquals(Optional.of("server-unavailable-dns"), hints.resolve(group, Set.of("NOT_ADFS")));
    assertEquals(
        Optional.of("server-unavailable-dns"), hints.resolve(group, Set.of("SIPCNAME", "DNS")));
  }

  @Test
  void pointsToAdfsOnlyWithASelfSignedCertificate() {
    assertEquals(
        Optional.of("server-unavailable-adfs"),
        hints.resolve(group, Set.of("ADFS", "SELFSIGNED", "DNS")));
    assertEquals(Optional.empty(), hints.resolve(group, Set.of("ADFS")));
  }

  @Test
  void staysUndecidedWithoutHints() {
    assertEquals(Optional.empty(), hints.resolve(group, Set.of("SIGNIN")));
  }
}
