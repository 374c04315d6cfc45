package dev.pastefix.core.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pastefix.core.telemetry.Telemetry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VotesTest {
  private final InMemoryFeedbackStore store = new InMemoryFeedbackStore();
  private final Telemetry telemetry = Telemetry.inMemory();
  private final Votes votes =
      new Votes(
          store,
          Set.of("clock-skew", "max-shells-tenant")::contains,
          telemetry,
          Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC));

  @Test
  void recordsCountsAndTalliesAVoteAndAVotersChangeOfMind() {
    votes.take("teams", "answer-1", List.of("clock-skew"), "alice", true);
    votes.take("teams", "answer-1", List.of("clock-skew"), "bob", true);

    FeedbackStore.Tally tally =
        votes.take("teams", "answer-1", List.of("clock-skew"), "alice", false);

    assertEquals(new FeedbackStore.Tally(1, 1), tally);
    assertEquals(2, store.votesOn("answer-1").size());
    assertEquals(Instant.parse("2026-12-02T10:00:00Z"), store.votesOn("answer-1").get(0).at());
    assertEquals(
        3.0,
        telemetry
            .registry()
            .find("pastefix.feedback.votes")
            .tag("platform", "teams")
            .counters()
            .stream()
            .mapToDouble(c -> c.count())
            .sum());
  }

  @Test
  void refusesMadeUpOrOversizedCardDataWithoutStoringIt() {
    List<String> many = new java.util.ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      many.add("made-up-" + i);
    }
    votes.take("teams", "answer-2", many, "mallory", true);
    votes.take("teams", "answer-2", List.of("clock-skew\n12:00:00 INFO forged"), "mallory", true);
    votes.take("teams", "answer-2", List.of(), "mallory", true);
    votes.take("teams", "k".repeat(5000), List.of("clock-skew"), "mallory", true);
    FeedbackStore.Tally unknown =
        votes.take("teams", "answer-2", List.of("clock-skew", "made-up-entry"), "mallory", true);

    assertEquals(0, store.all().size());
    assertEquals(new FeedbackStore.Tally(0, 0), unknown);
    assertEquals(
        java.util.Optional.empty(),
        Votes.refusal("answer-2", List.of("clock-skew", "max-shells-tenant"), "alice"));
  }
}
