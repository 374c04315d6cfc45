package dev.pastefix.core.classify;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LexiconTest {
  private final Lexicon lexicon = Lexicon.shipped();

  @Test
  void mapsTheSameIdeaInThreeLanguagesToOneConcept() {
    assertTrue(lexicon.find("the laptop clock is 20 minutes off").contains("CLOCK"));
    assertTrue(lexicon.find("l'horloge du poste est décalée").contains("CLOCK"));
    assertTrue(lexicon.find("노트북 시계가 틀려요").contains("CLOCK"));
  }

  @Test
  void marksNegatedMentions() {
    Set<String> found = lexicon.find("we're cloud-only, no adfs here");
    assertTrue(found.contains("NOT_ADFS"), found.toString());
    assertFalse(found.contains("ADFS"), found.toString());
    assertTrue(lexicon.find("adfs는 안 씁니다").contains("NOT_ADFS"));
    assertTrue(lexicon.find("we don't have adfs at all").contains("NOT_ADFS"));
    assertTrue(lexicon.find("nous n'utilisons pas adfs").contains("NOT_ADFS"));
    assertTrue(lexicon.find("federated through adfs").contains("ADFS"));
  }

  @Test
  void respectsWordBoundariesOfShortLatinTerms() {
    assertFalse(lexicon.find("the ocsp responder").contains("SIPENABLED"));
    assertTrue(lexicon.find("we had ocs 2007").contains("SIPENABLED"));
  }

  @Test
  void rejectsALineWithoutAConceptName() {
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> new Lexicon(List.of("no colon here")));
  }
}
