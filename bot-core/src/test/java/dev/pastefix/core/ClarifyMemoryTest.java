package dev.pastefix.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClarifyMemoryTest {
  /** A clock the test moves by hand. */
  static final class TestingClock extends Clock {
    private Instant now = Instant.parse("2026-01-01T10:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Test
  void givesTheOpenQuestionOnceToItsConversation() {
    ClarifyMemory memory = new ClarifyMemory(new TestingClock());
    memory.remember("c1", List.of("a", "b"));
    assertEquals(Optional.empty(), memory.take("c2"));
    assertEquals(Optional.of(List.of("a", "b")), memory.take("c1"));
    assertEquals(Optional.empty(), memory.take("c1"));
  }

  @Test
  void forgetsAQuestionLeftOpenTooLong() {
    TestingClock clock = new TestingClock();
    ClarifyMemory memory = new ClarifyMemory(clock);
    memory.remember("c1", List.of("a", "b"));
    clock.advance(ClarifyMemory.OPEN_FOR.plusSeconds(1));
    assertEquals(Optional.empty(), memory.take("c1"));
  }

  @Test
  void staysBoundedInSize() {
    ClarifyMemory memory = new ClarifyMemory(new TestingClock());
    for (int i = 0; i <= ClarifyMemory.CAPACITY; i++) {
      memory.remember("c" + i, List.of("a", "b"));
    }
    assertEquals(Optional.empty(), memory.take("c0"));
    assertEquals(Optional.of(List.of("a", "b")), memory.take("c" + ClarifyMemory.CAPACITY));
  }
}
