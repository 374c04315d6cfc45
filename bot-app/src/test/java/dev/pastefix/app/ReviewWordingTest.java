package dev.pastefix.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pastefix.core.review.ReviewReport.EntryReview;
import dev.pastefix.core.review.ReviewReport.NearMiss;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReviewWordingTest {
  private static NearMiss miss(double score) {
    return new NearMiss(Instant.EPOCH, "session-timeout", score, 0.25, "text");
  }

  @Test
  void neverShowsANearMissAsReachingTheThreshold() {
    assertEquals("0.245, 0.005 short of 0.25", ReviewWording.nearMiss(miss(0.245)));
    assertEquals("0.2499, 0.0001 short of 0.25", ReviewWording.nearMiss(miss(0.2499)));
    assertEquals("0.20, 0.05 short of 0.25", ReviewWording.nearMiss(miss(0.2)));
  }

  @Test
  void saysWhyANearMissOverTheThresholdStayedSilent() {
    assertEquals(
        "0.31, over the 0.25 a channel needs, held back by another channel rule (a clear lead over the"
            + " other entries and over none-of-these, or Skype for Business words)",
        ReviewWording.nearMiss(miss(0.31)));
  }

  @Test
  void saysVotesInWords() {
    assertEquals("no votes", ReviewWording.votes(new EntryReview("x", 1, 0, 0, List.of())));
    assertEquals(
        "none of 3 helpful", ReviewWording.votes(new EntryReview("x", 3, 0, 3, List.of())));
    assertEquals(
        "the one vote: not helpful", ReviewWording.votes(new EntryReview("x", 1, 0, 1, List.of())));
    assertEquals("all 2 helpful", ReviewWording.votes(new EntryReview("x", 2, 2, 0, List.of())));
    assertEquals(
        "2 of 3 helpful (67 %)", ReviewWording.votes(new EntryReview("x", 3, 2, 1, List.of())));
  }
}
