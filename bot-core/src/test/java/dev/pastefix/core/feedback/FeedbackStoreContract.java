package dev.pastefix.core.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The contract of {@link FeedbackStore}; every implementation's test extends it. */
public abstract class FeedbackStoreContract {
  /** A new, empty store. */
  protected abstract FeedbackStore store();

  private static final Instant T0 = Instant.parse("2026-11-22T05:00:00Z");

  @Test
  void aLaterVoteOfTheSamePersonReplacesTheEarlierOne() {
    FeedbackStore store = store();
    store.record(new Vote("a1", List.of("x"), "U1", true, T0));
    store.record(new Vote("a1", List.of("x"), "U2", true, T0.plusSeconds(1)));
    store.record(new Vote("a1", List.of("x"), "U1", false, T0.plusSeconds(2)));
    store.record(new Vote("a2", List.of("y", "z"), "U1", true, T0.plusSeconds(3)));

    assertEquals(new FeedbackStore.Tally(1, 1), store.tally("a1"));
    assertEquals(2, store.votesOn("a1").size());
    assertEquals(
        List.of(
            new Vote("a1", List.of("x"), "U2", true, T0.plusSeconds(1)),
            new Vote("a1", List.of("x"), "U1", false, T0.plusSeconds(2)),
            new Vote("a2", List.of("y", "z"), "U1", true, T0.plusSeconds(3))),
        store.all());
    assertEquals(new FeedbackStore.Tally(0, 0), store.tally("nothing"));
  }
}
