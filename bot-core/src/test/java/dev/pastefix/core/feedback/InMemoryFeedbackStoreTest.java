package dev.pastefix.core.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryFeedbackStoreTest extends FeedbackStoreContract {
  @Override
  protected FeedbackStore store() {
    return new InMemoryFeedbackStore();
  }

  @Test
  void keepsAnswersApart() {
    FeedbackStore store = store();
    store.record(new Vote("a", List.of("clock-skew"), "U1", true, Instant.EPOCH));
    store.record(new Vote("b", List.of("clock-skew"), "U1", false, Instant.EPOCH));

    assertEquals(new FeedbackStore.Tally(1, 0), store.tally("a"));
    assertEquals(new FeedbackStore.Tally(0, 1), store.tally("b"));
  }
}
