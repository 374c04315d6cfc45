package dev.pastefix.core.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pastefix.core.reply.Block;
import dev.pastefix.core.reply.Reply;
import java.util.List;
import org.junit.jupiter.api.Test;

class WordingTest {
  @Test
  void wordsButtonsAndRepliesInFrenchAndKorean() {
    Wording english = Wording.of("en");
    for (String lang : List.of("fr", "ko")) {
      Wording other = Wording.of(lang);
      assertEquals(lang, other.lang());
      assertNotEquals(english.helpful(), other.helpful(), lang);
      assertNotEquals(english.shareInChannel(), other.shareInChannel(), lang);
      assertNotEquals(english.failure().summary(), other.failure().summary(), lang);
      assertEquals(lang, other.busy().lang(), "the reply says which language it is in");
    }
  }

  @Test
  void fallsBackToEnglishForOtherLanguages() {
    assertEquals("en", Wording.of("de").lang());
    assertEquals("Helpful", Wording.of("de").helpful());
  }

  @Test
  void guessesTheLanguageOfTheTextItAnswers() {
    assertEquals(
        "fr", Wording.forText("Bonjour, je ne peux pas me connecter depuis ce matin").lang());
    assertEquals("ko", Wording.forText("로그인할 수 없습니다. 도와주세요").lang());
    assertEquals("en", Wording.forText("cannot sign in since this morning").lang());
  }

  @Test
  void namesTheCheckAndItsArgumentOnTheRunButton() {
    assertEquals("Run check: dns contoso.com", Wording.of("en").runCheck("dns", "contoso.com"));
    assertEquals("Run check: clock", Wording.of("en").runCheck("clock", " "));
  }

  @Test
  void failureIsAnErrorNote() {
    Reply failure = Wording.of("en").failure();
    assertTrue(failure.blocks().get(0) instanceof Block.Note, failure.toString());
  }
}
