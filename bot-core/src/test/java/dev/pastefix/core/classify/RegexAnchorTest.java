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
}
