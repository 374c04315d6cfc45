package dev.pastefix.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SlackRepliesTest {
  @Test
  void waitsAsLongAsRetryAfterSays() {
    assertEquals(Duration.ofSeconds(5), SlackReplies.retryAfter(Optional.of("5")));
  }

  @Test
  void waitsOneSecondWhenRetryAfterIsMissingOrJunk() {
    assertEquals(Duration.ofSeconds(1), SlackReplies.retryAfter(Optional.empty()));
    assertEquals(Duration.ofSeconds(1), SlackReplies.retryAfter(Optional.of("soon")));
  }

  @Test
  void boundsAVeryLongRetryAfter() {
    assertEquals(SlackReplies.MAX_RETRY_AFTER, SlackReplies.retryAfter(Optional.of("3600")));
  }
}
