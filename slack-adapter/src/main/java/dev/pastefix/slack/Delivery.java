package dev.pastefix.slack;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** How one attempt to post to Slack ended. */
sealed interface Delivery {
  /** Slack accepted it; {@code ts} is the new message's timestamp when Slack gives one. */
  record Sent(Optional<String> ts) implements Delivery {
    public Sent {
      Objects.requireNonNull(ts, "ts");
    }
  }

  /** Worth another attempt after {@code wait}: rate-limited (429) or a network failure. */
  record RetryAfter(Duration pause, String why) implements Delivery {
    public RetryAfter {
      Objects.requireNonNull(pause, "pause");
      Objects.requireNonNull(why, "why");
    }
  }

  /** Slack refused it for good (an unknown channel, a revoked token); logged, not retried. */
  record Failed(String why) implements Delivery {
    public Failed {
      Objects.requireNonNull(why, "why");
    }
  }
}
