package dev.pastefix.core.review;

import static dev.pastefix.core.review.Records.unknown;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pastefix.core.feedback.InMemoryFeedbackStore;
import dev.pastefix.core.review.ReviewReport.UnknownGroup;
import dev.pastefix.core.state.AnswerRecord.ScoredEntry;
import dev.pastefix.knowledge.Entry;
import dev.pastefix.knowledge.KnowledgeBase;
import dev.pastefix.knowledge.KnowledgeLoader;
import dev.pastefix.knowledge.Problem;
import dev.pastefix.knowledge.Symptom;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DraftWriterTest {
  private static final Instant T0 = Instant.parse("2026-11-01T09:00:00Z");
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);
  private static KnowledgeBase shipped;

  @TempDir Path dir;

  @BeforeAll
  static void load() throws Exception {
    shipped = new KnowledgeLoader().loadShipped();
  }

  private static List<UnknownGroup> groups(List<String> texts, ScoredEntry... closest) {
    TestingAnswerLog log = new TestingAnswerLog();
    for (int i = 0; i < texts.size(); i++) {
      log.append(unknown(T0.plus(Duration.ofMinutes(i)), "U" + i, texts.get(i), closest));
    }
    return new Reviewer(log, new InMemoryFeedbackStore(), Clock.fixed(T0, ZoneOffset.UTC))
        .review(T0)
        .unknownGroups();
  }

  private void write(Draft draft) throws Exception {
    Files.writeString(dir.resolve(draft.fileName()), draft.yaml(), StandardCharsets.UTF_8);
  }

  @Test
  void draftsANewEntryThatKbValidateFlagsForExactlyTheFieldsToWrite() throws Exception {
    List<UnknownGroup> groups = groups(Variants.policyError(10));
    Draft draft = new DraftWriter(shipped).drafts(groups, 5, Optional.empty(), TODAY).get(0);
    write(draft);

    List<Problem> problems = new KnowledgeLoader().validate(dir);

    assertFalse(draft.override());
    assertTrue(draft.entryId().matches("local-[a-z0-9-]+"), draft.entryId());
    assertEquals(
        List.of("title", "cause", "steps", "links"),
        problems.stream().map(p -> p.field().orElse("?")).toList(),
        problems::toString);
    for (Problem p : problems) {
      assertEquals(Optional.of(draft.entryId()), p.entryId());
    }
    assertTrue(draft.yaml().contains("title:    # TO WRITE"), draft.yaml());
    assertTrue(draft.yaml().contains("{lang: \"en\", pattern: "), draft.yaml());
  }

  @Test
  void draftsTheSignatureAsAPatternThatMatchesEverySample() throws Exception {
    List<String> pastes = Variants.policyError(40);
    UnknownGroup group = groups(pastes).get(0);

    Symptom symptom = SymptomDraft.of(group.signature(), "en");

    assertFalse(symptom.literal());
    assertTrue(
        symptom
            .source()
            .startsWith("Grant-CsTeamsMeetingPolicy : The policy assignment for user '"),
        symptom.source());
    for (String paste : pastes) {
      assertTrue(SymptomDraft.matches(symptom, paste), paste);
    }
    assertFalse(SymptomDraft.matches(symptom, Variants.graphError(1).get(0)));
  }

  @Test
  void keepsASignatureWithoutVariablePartsLiteral() {
    Signature signature = Signature.of("Set-CsWidget : The widget service refused the change.");

    Symptom symptom = SymptomDraft.of(signature, "en");

    assertTrue(symptom.literal());
    assertEquals("Set-CsWidget : The widget service refused the change.", symptom.source());
  }

  @Test
  void draftsAnOverrideOfTheClosestEntryThatLoadsWithTheNewSymptom() throws Exception {
    List<UnknownGroup> groups =
        groups(Variants.graphError(4), new ScoredEntry("logon-failed", 0.55));
    Draft draft = new DraftWriter(shipped).drafts(groups, 1, Optional.empty(), TODAY).get(0);
    write(draft);

    assertTrue(draft.override());
    assertEquals("logon-failed", draft.entryId());
    assertEquals(List.of(), new KnowledgeLoader().validate(dir));
    KnowledgeBase merged = new KnowledgeLoader().load(Optional.of(dir));
    Entry before = shipped.entry("logon-failed").orElseThrow();
    Entry after = merged.entry("logon-failed").orElseThrow();
    assertEquals(before.symptoms().size() + 1, after.symptoms().size());
    assertEquals(before.steps(), after.steps());
    assertEquals(before.cause(), after.cause());
    assertEquals(before.translations(), after.translations());
    assertEquals(shipped.entries().size(), merged.entries().size());
    assertEquals(shipped.articleOf(before).title(), merged.articleOf(after).title());
  }

  @Test
  void namesTheTeamsOwnPageAsSourceWhenGiven() throws Exception {
    Draft draft =
        new DraftWriter(shipped)
            .drafts(
                groups(Variants.policyError(2)),
                1,
                Optional.of(URI.create("https://wiki.example.com/pastefix")),
                TODAY)
            .get(0);

    assertTrue(
        draft.yaml().contains("\"https://wiki.example.com/pastefix#" + draft.entryId() + "\""),
        draft.yaml());
  }
}
