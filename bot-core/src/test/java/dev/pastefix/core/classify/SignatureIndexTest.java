package dev.pastefix.core.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pastefix.knowledge.Entry;
import dev.pastefix.knowledge.KnowledgeBase;
import dev.pastefix.knowledge.Source;
import dev.pastefix.knowledge.Step;
import dev.pastefix.knowledge.Symptom;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SignatureIndexTest {
  private static Entry entry(String id, Symptom... symptoms) {
    return new Entry(
        id,
        "a",
        "Title of " + id,
        new Source(URI.create("https://example.com/a#" + id), id, List.of("s.txt"), "2021"),
        List.of(symptoms),
        "cause",
        List.of(new Step("do it", List.of())),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        Map.of(),
        Optional.empty());
  }

  private final KnowledgeBase kb =
      new KnowledgeBase(
          List.of(),
          List.of(
              entry("alpha", Symptom.text("en", "first   error text")),
              entry("beta", Symptom.pattern("en", "second (error|failure) text")),
              entry("gamma", Symptom.text("en", "shared text")),
              entry("delta", Symptom.text("en", "shared text")),
              entry("eps", Symptom.text("fr", "l’erreur française"), Symptom.text("en", "error")),
              entry("zeta", Symptom.text("en", "first error"))));
  private final SignatureIndex index = new SignatureIndex(kb);

  @Test
  void findsHitsInOrderOfAppearance() {
    List<SignatureHit> hits = index.find("xx second failure text yy first error text zz");
    List<String> ids = hits.stream().map(SignatureHit::entryId).distinct().toList();
    assertEquals("beta", ids.get(0));
    assertTrue(ids.contains("alpha"));
  }

  @Test
  void aLongerHitOfAnotherEntrySwallowsAShorterOneInside() {
    List<String> ids = index.find("first error text").stream().map(SignatureHit::entryId).toList();
    assertTrue(ids.contains("alpha"));
    assertTrue(!ids.contains("zeta") && !ids.contains("eps"), ids.toString());
  }

  @Test
  void matchesTypographicAndPlainApostrophesAlike() {
    assertEquals(
        List.of("eps"),
        index.find("j'ai l'erreur française").stream()
            .map(SignatureHit::entryId)
            .distinct()
            .toList());
  }

  @Test
  void tellsErrorTextsFromPlainWordPhrases() {
    org.junit.jupiter.api.Assertions.assertTrue(
        SignatureIndex.literalIsErrorText("Server is temporarily unavailable"));
    org.junit.jupiter.api.Assertions.assertTrue(
        SignatureIndex.literalIsErrorText("TrustModelData"));
    org.junit.jupiter.api.Assertions.assertTrue(
        SignatureIndex.literalIsErrorText("msRTCSIP-UserEnabled"));
    org.junit.jupiter.api.Assertions.assertFalse(
        SignatureIndex.literalIsErrorText("Forgotten password"));
    org.junit.jupiter.api.Assertions.assertTrue(
        SignatureIndex.patternIsErrorText("(?:Logon|Sign[- ]?in) failed for the user\\b"));
    org.junit.jupiter.api.Assertions.assertTrue(
        SignatureIndex.patternIsErrorText("테\\s*넌\\s*트의\\s*할당량을\\s*높이"));
    org.junit.jupiter.api.Assertions.assertFalse(
        SignatureIndex.patternIsErrorText("clocks?\\b.{0,30}(out of sync|skew|drift)"));
    org.junit.jupiter.api.Assertions.assertFalse(
        SignatureIndex.patternIsErrorText("(forgot|lost) (his |her )?(password|pwd)"));
  }

  @Test
  void groupsEntriesThatShareOneText() {
    Combiner combiner = new Combiner(new SharedErrorHints(List.of()));
    List<Candidate> candidates = combiner.combine(index.find("oh: shared text"), Set.of());
    assertEquals(1, candidates.size());
    assertEquals("gamma", candidates.get(0).entryId());
    assertEquals(List.of("delta"), candidates.get(0).sharedWith());
  }

  @Test
  void aQuotedPartOfALongErrorTextCountsAsThatErrorText() {
    SignatureIndex quoting =
        new SignatureIndex(
            new KnowledgeBase(
                List.of(),
                List.of(
                    entry(
                        "limit",
                        Symptom.text(
                            "en",
                            "The maximum number of concurrent shells for this user exceeded")),
                    entry("other", Symptom.text("en", "Another error text with many words")))));
    String quoted = "number of concurrent shells for";
    String text = "it says \"" + quoted + "\" and stops";

    List<String> ids =
        quoting.find(text, List.of(quoted)).stream().map(SignatureHit::entryId).toList();
    List<String> none =
        quoting
            .find("it says \"number of open windows for\"", List.of("number of open windows for"))
            .stream()
            .map(SignatureHit::entryId)
            .toList();

    assertEquals(List.of("limit"), ids);
    assertEquals(List.of(), none);
  }

  @Test
  void entriesSharingAPatternAreAllFound() {
    SignatureIndex sharing =
        new SignatureIndex(
            new KnowledgeBase(
                List.of(),
                List.of(
                    entry("one", Symptom.pattern("en", "logon failed for (the )?user")),
                    entry("two", Symptom.pattern("en", "logon failed for (the )?user")))));

    List<String> ids =
        sharing.find("error: logon failed for user x").stream().map(SignatureHit::entryId).toList();

    assertEquals(List.of("one", "two"), ids);
  }
}
