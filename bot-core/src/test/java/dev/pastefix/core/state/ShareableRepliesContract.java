package dev.pastefix.core.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The contract of {@link ShareableReplies}; every implementation's test extends it. */
public abstract class ShareableRepliesContract {
  protected final TestingClock clock = new TestingClock();

  /** A new, empty store on {@link #clock}. */
  protected abstract ShareableReplies store();

  @Test
  void findsAKeptReplyByItsNewId() {
    ShareableReplies replies = store();
    String payload = "{\"text\":\"Execution policy\",\"blocks\":[{\"type\":\"section\"}]}";
    String a = replies.keep(payload, ShareableReplies.DEFAULT_TTL);
    String b = replies.keep("other", ShareableReplies.DEFAULT_TTL);
    assertNotEquals(a, b);
    assertEquals(Optional.of(payload), replies.find(a));
    assertEquals(Optional.of("other"), replies.find(b));
    assertEquals(Optional.empty(), replies.find("no-such-id"));
  }

  @Test
  void forgetsAReplyAfterItsTime() {
    ShareableReplies replies = store();
    String id = replies.keep("x", Duration.ofHours(1));
    clock.advance(Duration.ofHours(1).plusSeconds(1));
    assertEquals(Optional.empty(), replies.find(id));
  }

  @Test
  void keepsLongNonAsciiPayloadsWhole() {
    ShareableReplies replies = store();
    String payload = "세션 시간 초과 — délai dépassé ".repeat(2000);
    String id = replies.keep(payload, ShareableReplies.DEFAULT_TTL);
    assertEquals(Optional.of(payload), replies.find(id));
  }
}
