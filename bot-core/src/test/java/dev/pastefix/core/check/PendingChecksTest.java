package dev.pastefix.core.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PendingChecksTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T05:00:00Z"));

  @Test
  void remembersTheCheckPerConversation() {
    PendingChecks pending = new PendingChecks(clock);
    pending.start("slack:C1:1700000000.0001", "winrm");
    pending.start("discord:42", "clock");

    assertEquals(Optional.of("winrm"), pending.pending("slack:C1:1700000000.0001"));
    assertEquals(Optional.of("clock"), pending.pending("discord:42"));
    assertEquals(Optional.empty(), pending.pending("slack:C1"));
  }

  @Test
  void expiresAfterFifteenMinutes() {
    PendingChecks pending = new PendingChecks(clock);
    pending.start("dm:1", "sessions");

    clock.advance(Duration.ofMinutes(14).plusSeconds(59));
    assertEquals(Optional.of("sessions"), pending.pending("dm:1"));
    clock.advance(Duration.ofSeconds(1));
    assertEquals(Optional.empty(), pending.pending("dm:1"));
    assertEquals(0, pending.size());
  }

  @Test
  void restartingAWaitGivesItAFreshQuarterHour() {
    PendingChecks pending = new PendingChecks(clock);
    pending.start("dm:1", "winrm");
    clock.advance(Duration.ofMinutes(10));
    pending.start("dm:1", "clock");
    clock.advance(Duration.ofMinutes(10));

    assertEquals(Optional.of("clock"), pending.pending("dm:1"));
  }

  @Test
  void finishingStopsTheWait() {
    PendingChecks pending = new PendingChecks(clock);
    pending.start("dm:1", "winrm");
    pending.finish("dm:1");
    assertEquals(Optional.empty(), pending.pending("dm:1"));
  }

  @Test
  void dropsExpiredThenOldestWhenFull() {
    PendingChecks pending = new PendingChecks(clock, Duration.ofMinutes(15), 3);
    pending.start("a", "winrm");
    clock.advance(Duration.ofMinutes(16));
    pending.start("b", "winrm");
    pending.start("c", "winrm");
    pending.start("d", "winrm");

    assertEquals(3, pending.size());
    assertEquals(Optional.empty(), pending.pending("a"));
    pending.start("e", "winrm");
    assertEquals(3, pending.size());
    assertEquals(Optional.empty(), pending.pending("b"));
    assertEquals(Optional.of("winrm"), pending.pending("e"));
  }

  @Test
  void staysBoundedUnderConcurrentStarts() throws Exception {
    PendingChecks pending = new PendingChecks(clock, Duration.ofMinutes(15), 100);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      int thread = t;
      futures.add(
          pool.submit(
              () -> {
                for (int i = 0; i < 1000; i++) {
                  pending.start("conv-" + thread + "-" + i, "clock");
                  pending.pending("conv-" + thread + "-" + (i / 2));
                }
              }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();
    assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
    assertEquals(100, pending.size());
  }
}
