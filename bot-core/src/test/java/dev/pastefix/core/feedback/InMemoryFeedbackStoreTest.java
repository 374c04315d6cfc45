package dev.pastefix.core.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryFeedbackStoreTest {
  private final InMemoryFeedbackStore store = new InMemoryFeedbackStore();

  @Test
  void secondClickOfTheSameVoterReplacesTheFirst() {
    store.record(new Vote("slack:C1:1.2", List.of("execution-policy"), "U1", true, Instant.EPOCH));
    store.record(new Vote("slack:C1:1.2", List.of("execution-policy"), "U1", false, Instant.EPOCH));
    store.record(new Vote("slack:C1:1.2", List.of("execution-policy"), "U2", false, Instant.EPOCH));

    assertEquals(new FeedbackStore.Tally(0, 2), store.tally("slack:C1:1.2"));
    assertEquals(2, store.all().size());
  }

  @Test
  void keepsAnswersApart() {
    store.record(new Vote("a", List.of("clock-skew"), "U1", true, Instant.EPOCH));
    store.record(new Vote("b", List.of("clock-skew"), "U1", false, Instant.EPOCH));

    assertEquals(new FeedbackStore.Tally(1, 0), store.tally("a"));
    assertEquals(new FeedbackStore.Tally(0, 1), store.tally("b"));
  }
}
