package dev.pastefix.core.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InMemoryBoundsTest {
  private final TestingClock clock = new TestingClock();

  @Test
  void pendingChecksDropExpiredThenOldestWhenFull() {
    InMemoryPendingCheckStore pending = new InMemoryPendingCheckStore(clock, 3);
    pending.start(key("a"), "winrm", Duration.ofMinutes(15));
    clock.advance(Duration.ofMinutes(16));
    pending.start(key("b"), "winrm", Duration.ofMinutes(15));
    pending.start(key("c"), "winrm", Duration.ofMinutes(15));
    pending.start(key("d"), "winrm", Duration.ofMinutes(15));
    assertEquals(3, pending.size());
    pending.start(key("e"), "winrm", Duration.ofMinutes(15));
    assertEquals(3, pending.size());
    assertEquals(Optional.empty(), pending.pending(key("b")));
    assertEquals(Optional.of("winrm"), pending.pending(key("e")));
  }

  @Test
  void seenEventsForgetTheOldestBeyondCapacity() {
    InMemorySeenEvents seen = new InMemorySeenEvents(clock, 2);
    seen.claim("a", SeenEvents.DEFAULT_TTL);
    seen.claim("b", SeenEvents.DEFAULT_TTL);
    seen.claim("c", SeenEvents.DEFAULT_TTL);
    assertTrue(seen.claim("a", SeenEvents.DEFAULT_TTL));
  }

  private static ConversationKey key(String channel) {
    return ConversationKey.of("test", "T", channel);
  }
}
