package dev.pastefix.core.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RegexAnchorTest {
  @Test
  void takesTheLongestLiteralOutsideGroups() {
    assertEquals(
        List.of("onlineconnector"),
        RegexAnchor.anyOf("(?:Lync|Skype)OnlineConnector\\w*\\.psm1 cannot be loaded"));
  }

  @Test
  void dropsACharacterMadeOptionalByAQuantifier() {
    assertEquals("session", RegexAnchor.of("sessions?"));
  }

  @Test
  void givesEveryAlternativeOfATopLevelAlternation() {
    assertEquals(List.of("tenant", "locataire"), RegexAnchor.anyOf("tenant|locataire"));
  }

  @Test
  void usesAMandatoryGroupWhenNoLongLiteralExists() {
    List<String> anchors = RegexAnchor.anyOf("(forgot|lost) (his |her )?(password|pwd)");
    assertTrue(anchors.contains("forgot") && anchors.contains("lost"), anchors.toString());
  }

  @Test
  void givesNothingCertainForAnOptionalGroup() {
    assertEquals(List.of(""), RegexAnchor.anyOf("x?(ab)?"));
  }

  @Test
  void readsEscapedPunctuationAsLiteral() {
    assertEquals(
        "lynconlineconnector.psd1", RegexAnchor.of("LyncOnlineConnector\\.psd1'? requires"));
  }

  @Test
  void koreanSyllablePairsAnchorAPatternThatAllowsSpacesBetweenSyllables() {
    // Every run here is one or two syllables; without them the pattern would run on every text.
    List<List<String>> clauses =
        RegexAnchor.clauses("테\\s*넌\\s*트에\\s*대\\s*한\\s*최대\\s*동시\\s*셸\\s*수가\\s*초과");
    assertEquals(
        List.of(List.of("트에"), List.of("최대"), List.of("동시"), List.of("수가"), List.of("초과")),
        clauses);
  }

  @Test
  void latinRunsShorterThanThreeLettersAreNoClause() {
    assertEquals(List.of(List.of("tenant")), RegexAnchor.clauses("ad\\s*fs tenant"));
  }

  @Test
  void aNumberOfTwoDigitsIsAClause() {
    assertEquals(
        List.of(List.of("72"), List.of("dns", "domain"), List.of("hrs", "h")),
        RegexAnchor.clauses("(dns|domain).{0,60}\\b72 ?(hrs|h)\\b"));
  }
}
