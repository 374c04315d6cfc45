package dev.pastefix.core.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FallbackStateTest {
  private final TestingClock clock = new TestingClock();

  /** Seen events on a database that can go away: every call fails while {@code down}. */
  private static final class FlakySeenEvents implements SeenEvents {
    private final SeenEvents inside;
    volatile boolean down;
    int calls;

    FlakySeenEvents(SeenEvents inside) {
      this.inside = inside;
    }

    private void check() {
      calls++;
      if (down) {
        throw new IllegalStateException("connection refused");
      }
    }

    @Override
    public boolean claim(String key, String payload, Duration ttl) {
      check();
      return inside.claim(key, payload, ttl);
    }

    @Override
    public void answered(String key) {
      check();
      inside.answered(key);
    }

    @Override
    public List<StaleClaim> takeOverStale(String keyPrefix, Duration staleAfter, int limit) {
      check();
      return inside.takeOverStale(keyPrefix, staleAfter, limit);
    }
  }

  @Test
  void deDuplicatesInMemoryWhileTheSharedStoreIsDownAndWritesToItAgainAfter() {
    FlakySeenEvents shared = new FlakySeenEvents(new InMemorySeenEvents(clock));
    BotState memoryBacked = BotState.inMemory(clock);
    BotState state =
        FallbackState.wrap(
            new BotState(
                shared,
                memoryBacked.conversations(),
                memoryBacked.pendingChecks(),
                memoryBacked.shareableReplies(),
                memoryBacked.feedback(),
                memoryBacked.answerLog()),
            clock,
            Duration.ofDays(30),
            "test-db");

    shared.down = true;
    assertTrue(state.seenEvents().claim("a", SeenEvents.DEFAULT_TTL));
    assertFalse(state.seenEvents().claim("a", SeenEvents.DEFAULT_TTL), "a retry during the outage");
    int callsDuringOutage = shared.calls;
    assertTrue(
        callsDuringOutage <= 2, "the dead store is not asked per message: " + callsDuringOutage);

    shared.down = false;
    clock.advance(FallbackState.RETRY_AFTER.plusMillis(1));
    assertTrue(state.seenEvents().claim("b", SeenEvents.DEFAULT_TTL));
    assertFalse(shared.inside.claim("b", SeenEvents.DEFAULT_TTL), "written to the shared store");
    assertFalse(state.seenEvents().claim("a", SeenEvents.DEFAULT_TTL), "claimed during the outage");
    assertEquals(0, state.answerLog().since(Instant.EPOCH).size());
  }
}
