package dev.pastefix.core;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pastefix.core.answer.ReplyComposer;
import dev.pastefix.core.classify.Candidate;
import dev.pastefix.core.reply.PlainTextRenderer;
import dev.pastefix.core.reply.Reply;
import dev.pastefix.core.text.MessageFacts;
import dev.pastefix.knowledge.Entry;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Answers are written for people: no internal file names, and one language throughout. */
class AnswerWordingTest {
  private static final Pattern SEED_FILE = Pattern.compile("\\d{3}_[0-9a-f]{16}\\.txt");

  private final ReplyComposer composer = new ReplyComposer(TestingEngines.knowledge());
  private final PlainTextRenderer renderer = new PlainTextRenderer();

  @Test
  void noAnswerInAnyLanguageNamesASeedFile() {
    for (Entry entry : TestingEngines.knowledge().entries()) {
      for (String lang : List.of("en", "fr", "ko")) {
        String shown = renderer.render(answer(entry.id(), lang));
        assertFalse(SEED_FILE.matcher(shown).find(), entry.id() + " in " + lang + ":\n" + shown);
      }
      String kb = renderer.render(composer.entry(entry));
      assertFalse(SEED_FILE.matcher(kb).find(), entry.id() + ":\n" + kb);
    }
  }

  @Test
  void versionNotesSayWhichVersionOfTheArticleInWords() {
    String shown = renderer.render(answer("max-shells-tenant", "en"));
    assertTrue(shown.contains("Since the February 2020 version of the article"), shown);
    assertTrue(shown.contains("the 2018 version of the article said nine"), shown);
  }

  @Test
  void aFrenchAnswerIsFrenchThroughout() {
    Outcome outcome =
        TestingEngines.direct(
            "Bonjour, depuis ce matin j'ai cette erreur : le nombre maximal de shells simultanés"
                + " pour ce client a été dépassé. Fermez les shells existants ou augmentez le"
                + " quota pour ce client.");
    String shown = renderer.render(assertInstanceOf(Outcome.Answer.class, outcome).reply());
    for (String french :
        List.of(
            "sessions par client: 20",
            "sessions par administrateur: 3",
            "Depuis la version de février 2020 de l'article",
            "mis hors service le 31 juillet 2021",
            "Reconnu")) {
      assertTrue(shown.contains(french), () -> "missing '" + french + "' in:\n" + shown);
    }
    for (String english :
        List.of("sessions per tenant", "was retired on", "Since the", "version of the article")) {
      assertFalse(shown.contains(english), () -> "English '" + english + "' in:\n" + shown);
    }
  }

  @Test
  void aKoreanAnswerIsKoreanThroughout() {
    String shown = renderer.render(answer("liveid-connect-failed", "ko"));
    for (String korean :
        List.of(
            "로그인 도우미 서비스 이름", "Live ID 인증은 더 이상 사용되지 않습니다", "2021년 3월 버전의 문서부터", "사용 중지되었습니다")) {
      assertTrue(shown.contains(korean), () -> "missing '" + korean + "' in:\n" + shown);
    }
    for (String english : List.of("service name", "has been deprecated", "was retired", "Since")) {
      assertFalse(shown.contains(english), () -> "English '" + english + "' in:\n" + shown);
    }
  }

  @Test
  void aFieldWithoutATranslationFallsBackToEnglishAlone() {
    String shown = renderer.render(answer("execution-policy", "de"));
    assertTrue(shown.contains("minimum execution policy: RemoteSigned"), shown);
  }

  private Reply answer(String id, String lang) {
    MessageFacts facts =
        new MessageFacts(
            List.of(), List.of(), List.of(), List.of(), Optional.empty(), lang, List.of());
    return composer.answer(
        List.of(new Candidate(id, 0.97, Candidate.Source.SIGNATURE, 0, "error", List.of())), facts);
  }
}
