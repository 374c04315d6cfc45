package dev.pastefix.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SymptomMatcherTest {
  private static Entry entry(String id, Symptom... symptoms) {
    return new Entry(
        id,
        "sample",
        "Title of " + id,
        new Source(URI.create("https://example.com/a#" + id), id, List.of(), "2021-03"),
        List.of(symptoms),
        "cause",
        List.of(new Step("step", List.of())),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        Map.of(),
        Optional.empty());
  }

  private final SymptomMatcher matcher =
      new SymptomMatcher(
          List.of(
              entry(
                  "shells",
                  Symptom.text("en", "maximum number of concurrent shells for this tenant")),
              entry("cert", Symptom.text("fr", "Problème d’acquisition d’un certificat personnel")),
              entry("version", Symptom.pattern("en", "minimum PowerShell version of '?3\\.0")),
              entry("ko", Symptom.text("ko", "최대 동시 셸 수가 초과 되었습니다"))));

  @Test
  void literalIgnoresCaseAndLineWrapping() {
    assertEquals(
        List.of("shells"),
        matcher.matchingIds(
            "The MAXIMUM number of concurrent\n   shells for this ten\nant has been exceeded"));
  }

  @Test
  void literalMatchesStraightAndTypographicApostrophesAlike() {
    assertTrue(matcher.matches("cert", "Problème d'acquisition d'un certificat personnel requis"));
    assertTrue(
        matcher.matches("cert", "Problème d\u2019acquisition d\u2019un\u00a0certificat personnel"));
  }

  @Test
  void koreanLiteralIgnoresMachineTranslationSpacing() {
    assertTrue(matcher.matches("ko", "이 테 넌 트에 대 한 최대 동시 셸 수가 초과되었습니다."));
  }

  @Test
  void patternMatchesCaseInsensitively() {
    assertEquals(
        List.of("version"),
        matcher.matchingIds("requires a MINIMUM powershell version of '3.0' to execute"));
  }

  @Test
  void unrelatedTextMatchesNothing() {
    assertEquals(List.of(), matcher.find("who is up for lunch?"));
    assertFalse(matcher.matches("shells", "maximum number of concurrent shells for this user"));
  }

  @Test
  void findReportsTheMatchedText() {
    SymptomMatcher.Match match =
        matcher.find("x: requires a minimum PowerShell version of 3.0").get(0);
    assertEquals("version", match.entryId());
    assertEquals("minimum PowerShell version of 3.0", match.matchedText());
  }

  @Test
  void unknownEntryIdIsAnError() {
    assertThrows(IllegalArgumentException.class, () -> matcher.matches("nope", "text"));
  }

  @Test
  void normalizeCollapsesWhitespaceAndQuotes() {
    assertEquals(
        "a 'b' \"c\" d", SymptomMatcher.normalize("  a\u00a0\u2018b\u2019\t\u201cc\u201d\n\nd  "));
  }
}
