package dev.pastefix.core.review;

import static dev.pastefix.core.review.Records.answer;
import static dev.pastefix.core.review.Records.silent;
import static dev.pastefix.core.review.Records.unknown;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pastefix.core.Thresholds;
import dev.pastefix.core.feedback.InMemoryFeedbackStore;
import dev.pastefix.core.feedback.Vote;
import dev.pastefix.core.review.ReviewReport.EntryReview;
import dev.pastefix.core.review.ReviewReport.UnknownGroup;
import dev.pastefix.core.state.AnswerRecord.ScoredEntry;
import dev.pastefix.core.state.OutcomeKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReviewerTest {
  private static final Instant T0 = Instant.parse("2026-11-01T09:00:00Z");
  private final TestingAnswerLog log = new TestingAnswerLog();
  private final InMemoryFeedbackStore votes = new InMemoryFeedbackStore();
  private final Reviewer reviewer =
      new Reviewer(log, votes, Clock.fixed(T0.plus(Duration.ofDays(30)), ZoneOffset.UTC));

  @Test
  void groupsFortyVariantsOfOneErrorIntoOneGroup() {
    List<String> pastes = Variants.policyError(40);
    for (int i = 0; i < pastes.size(); i++) {
      log.append(
          unknown(
              T0.plus(Duration.ofHours(i)),
              "U" + (i % 10),
              pastes.get(i),
              new ScoredEntry("tenant-permission", 0.10 + (i % 2) * 0.02)));
    }

    ReviewReport report = reviewer.review(T0);

    assertEquals(1, report.unknownGroups().size(), () -> describe(report));
    UnknownGroup group = report.unknownGroups().get(0);
    assertEquals(40, group.count());
    assertEquals(10, group.senders());
    assertEquals(T0, group.firstSeen());
    assertEquals(T0.plus(Duration.ofHours(39)), group.lastSeen());
    assertEquals(Reviewer.SAMPLES, group.samples().size());
    assertEquals("tenant-permission", group.closest().get(0).entryId());
    assertEquals(0.11, group.closest().get(0).score(), 1e-9);
    assertTrue(group.signature().errorText());
    assertTrue(
        group.signature().text().startsWith("Grant-CsTeamsMeetingPolicy : The policy assignment"),
        group.signature().text());
    assertFalse(group.signature().text().contains("contoso"), group.signature().text());
    assertFalse(group.signature().text().contains("admin1"), group.signature().text());
  }

  @Test
  void keepsTwoDifferentErrorsInTwoGroups() {
    List<String> policy = Variants.policyError(12);
    List<String> graph = Variants.graphError(7);
    for (int i = 0; i < 12; i++) {
      log.append(unknown(T0.plus(Duration.ofMinutes(2 * i)), "U" + i, policy.get(i)));
      if (i < 7) {
        log.append(unknown(T0.plus(Duration.ofMinutes(2 * i + 1)), "V" + i, graph.get(i)));
      }
    }

    ReviewReport report = reviewer.review(T0);

    assertEquals(2, report.unknownGroups().size(), () -> describe(report));
    assertEquals(12, report.unknownGroups().get(0).count());
    assertTrue(report.unknownGroups().get(0).signature().text().startsWith("Grant-Cs"));
    assertEquals(7, report.unknownGroups().get(1).count());
    assertTrue(report.unknownGroups().get(1).signature().text().contains("AADSTS50076"));
  }

  @Test
  void groupsQuestionsInPlainWordsByTheirWords() {
    List<String> asked = Variants.exportQuestion();
    for (int i = 0; i < asked.size(); i++) {
      log.append(unknown(T0.plus(Duration.ofMinutes(i)), "U" + i, asked.get(i)));
    }
    log.append(unknown(T0.plus(Duration.ofMinutes(9)), "U9", "how do I rename a team channel?"));

    ReviewReport report = reviewer.review(T0);

    assertEquals(2, report.unknownGroups().size(), () -> describe(report));
    assertEquals(asked.size(), report.unknownGroups().get(0).count());
    assertFalse(report.unknownGroups().get(0).signature().errorText());
    assertEquals(1, report.unknownGroups().get(1).count());
  }

  @Test
  void countsSilenceInChannelsAsUnknownButNotAnswers() {
    log.append(silent(T0, "U1", Variants.graphError(1).get(0)));
    log.append(answer(T0, "U2", "some paste", "max-shells-user", "k1"));

    ReviewReport report = reviewer.review(T0);

    assertEquals(1, report.unknownGroups().size());
    assertEquals(2, report.messages());
    assertEquals(1, report.outcomes().get(OutcomeKind.SILENT));
  }

  @Test
  void reportsAnswersAndVotesPerEntryWithTheNotHelpfulSamples() {
    log.append(answer(T0, "U1", "first paste about shells", "max-shells-user", "k1"));
    log.append(
        answer(T0.plusSeconds(5), "U2", "second paste about shells", "max-shells-user", "k2"));
    log.append(answer(T0.plusSeconds(9), "U3", "a clock paste", "clock-skew", "k3"));
    votes.record(new Vote("k1", List.of("max-shells-user"), "U1", false, T0.plusSeconds(60)));
    votes.record(new Vote("k2", List.of("max-shells-user"), "U2", true, T0.plusSeconds(61)));
    votes.record(new Vote("k1", List.of("max-shells-user"), "U9", false, T0.plusSeconds(62)));

    ReviewReport report = reviewer.review(T0);

    EntryReview shells = report.entries().get(0);
    assertEquals("max-shells-user", shells.id());
    assertEquals(2, shells.answers());
    assertEquals(1, shells.helpful());
    assertEquals(2, shells.notHelpful());
    assertEquals(List.of("first paste about shells"), shells.samples());
    assertEquals(1.0 / 3, shells.helpfulRatio().getAsDouble(), 1e-9);
    EntryReview clock = report.entries().get(1);
    assertEquals("clock-skew", clock.id());
    assertEquals(1, clock.answers());
    assertTrue(clock.helpfulRatio().isEmpty());
  }

  @Test
  void findsTheVotersAnsweredMessageWhenNoRowCarriesTheVotesKey() {
    log.append(answer(T0, "U1", "older shells paste", "max-shells-user", "k-a"));
    log.append(answer(T0.plusSeconds(5), "U2", "someone else's paste", "max-shells-user", "k-b"));
    log.append(answer(T0.plusSeconds(9), "U1", "the paste U1 rated", "max-shells-user", "k-c"));
    log.append(answer(T0.plusSeconds(99), "U1", "a later paste", "max-shells-user", "k-d"));
    votes.record(
        new Vote(
            "slack:C1:1700000000.1", List.of("max-shells-user"), "U1", false, T0.plusSeconds(60)));

    ReviewReport report = reviewer.review(T0);

    assertEquals(List.of("the paste U1 rated"), report.entries().get(0).samples());
  }

  @Test
  void listsSilentChannelMessagesWithinTheMarginAsNearMisses() {
    double threshold = Thresholds.CHANNEL_MIN_CONFIDENCE;
    log.append(
        silent(
            T0,
            "U1",
            "sessions keep dropping",
            new ScoredEntry("session-timeout", threshold - 0.05)));
    log.append(
        silent(T0.plusSeconds(1), "U2", "lunch?", new ScoredEntry("clock-skew", threshold - 0.2)));
    log.append(
        unknown(
            T0.plusSeconds(2), "U3", "addressed one", new ScoredEntry("clock-skew", threshold)));

    ReviewReport report = reviewer.review(T0);

    assertEquals(1, report.nearMisses().size());
    assertEquals("session-timeout", report.nearMisses().get(0).entryId());
    assertEquals(threshold, report.nearMisses().get(0).threshold());
    assertEquals("sessions keep dropping", report.nearMisses().get(0).sample());
  }

  @Test
  void itsUnansweredCountsAddUpToTheOutcomesAndTheGroups() {
    List<String> pastes = Variants.policyError(2);
    log.append(unknown(T0, "U1", pastes.get(0)));
    log.append(unknown(T0.plusSeconds(1), "U2", pastes.get(1)));
    // A slash command other than diagnose has no text to group: it still counts as unknown.
    log.append(
        Records.record(
            T0.plusSeconds(2),
            "U3",
            dev.pastefix.core.Channel.COMMAND,
            OutcomeKind.UNKNOWN,
            "/pastefix kb nothing-like-this",
            List.of(),
            List.of(),
            java.util.Optional.empty()));
    log.append(silent(T0.plusSeconds(3), "U4", pastes.get(0)));
    log.append(silent(T0.plusSeconds(4), "U5", "lunch at 12?"));

    ReviewReport report = reviewer.review(T0);

    ReviewReport.Unanswered unanswered = report.unanswered();
    assertEquals(3, report.outcomes().get(OutcomeKind.UNKNOWN));
    assertEquals(
        report.outcomes().get(OutcomeKind.UNKNOWN),
        unanswered.groupedUnknown() + unanswered.ungroupedUnknown());
    assertEquals(1, unanswered.ungroupedUnknown());
    assertEquals(1, unanswered.groupedSilent(), "the pasted error, not the lunch chatter");
    assertEquals(
        report.unknownGroups().stream().mapToInt(UnknownGroup::count).sum(), unanswered.grouped());
  }

  @Test
  void countsMessagesPerDayByOutcome() {
    log.append(silent(T0, "U1", "x"));
    log.append(answer(T0.plus(Duration.ofDays(1)), "U2", "y", "clock-skew", "k"));
    log.append(unknown(T0.plus(Duration.ofDays(1)), "U2", "z"));

    ReviewReport report = reviewer.review(T0);

    assertEquals(2, report.days().size());
    assertEquals(1, report.days().get(0).count(OutcomeKind.SILENT));
    assertEquals(1, report.days().get(1).count(OutcomeKind.ANSWER));
    assertEquals(2, report.days().get(1).total());
  }

  private static String describe(ReviewReport report) {
    StringBuilder sb = new StringBuilder();
    for (UnknownGroup g : report.unknownGroups()) {
      sb.append(g.count()).append(": ").append(g.signature().text()).append('\n');
    }
    return sb.toString();
  }
}
