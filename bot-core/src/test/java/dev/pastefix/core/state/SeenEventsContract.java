package dev.pastefix.core.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The contract of {@link SeenEvents}; every implementation's test extends it. */
public abstract class SeenEventsContract {
  protected final TestingClock clock = new TestingClock();

  /** A new, empty store on {@link #clock}. */
  protected abstract SeenEvents store();

  @Test
  void firstClaimWinsAndLaterOnesLose() {
    SeenEvents seen = store();
    assertTrue(seen.claim("slack:event:Ev1", SeenEvents.DEFAULT_TTL));
    assertFalse(seen.claim("slack:event:Ev1", SeenEvents.DEFAULT_TTL));
    assertTrue(seen.claim("slack:event:Ev2", SeenEvents.DEFAULT_TTL));
  }

  @Test
  void anExpiredClaimCanBeMadeAgain() {
    SeenEvents seen = store();
    assertTrue(seen.claim("k", Duration.ofHours(24)));
    clock.advance(Duration.ofHours(23));
    assertFalse(seen.claim("k", Duration.ofHours(24)));
    clock.advance(Duration.ofHours(1).plusSeconds(1));
    assertTrue(seen.claim("k", Duration.ofHours(24)));
    assertFalse(seen.claim("k", Duration.ofHours(24)));
  }

  @Test
  void anAnsweredClaimIsNeverTakenOver() {
    SeenEvents seen = store();
    seen.claim("k", "payload", SeenEvents.DEFAULT_TTL);
    seen.answered("k");
    clock.advance(Duration.ofMinutes(5));
    assertEquals(List.of(), seen.takeOverStale(SeenEvents.DEFAULT_STALE_AFTER, 10));
    seen.answered("never-claimed");
  }

  @Test
  void aStaleClaimIsTakenOverOnceWithItsPayload() {
    SeenEvents seen = store();
    seen.claim("stale", "{\"text\":\"hello\"}", SeenEvents.DEFAULT_TTL);
    clock.advance(Duration.ofMinutes(1));
    seen.claim("fresh", "other", SeenEvents.DEFAULT_TTL);
    assertEquals(List.of(), seen.takeOverStale(Duration.ofMinutes(2), 10));
    clock.advance(Duration.ofMinutes(1).plusSeconds(1));

    List<SeenEvents.StaleClaim> taken = seen.takeOverStale(Duration.ofMinutes(2), 10);
    assertEquals(1, taken.size());
    assertEquals("stale", taken.get(0).key());
    assertEquals("{\"text\":\"hello\"}", taken.get(0).payload());
    assertEquals(List.of(), seen.takeOverStale(Duration.ofMinutes(2), 10));
    assertFalse(seen.claim("stale", SeenEvents.DEFAULT_TTL), "still claimed after the take-over");
  }

  @Test
  void aTakenOverClaimLeftUnansweredBecomesStaleAgain() {
    SeenEvents seen = store();
    seen.claim("k", "p", SeenEvents.DEFAULT_TTL);
    clock.advance(Duration.ofMinutes(3));
    assertEquals(1, seen.takeOverStale(Duration.ofMinutes(2), 10).size());
    clock.advance(Duration.ofMinutes(3));
    assertEquals(1, seen.takeOverStale(Duration.ofMinutes(2), 10).size());
    seen.answered("k");
    clock.advance(Duration.ofMinutes(3));
    assertEquals(List.of(), seen.takeOverStale(Duration.ofMinutes(2), 10));
  }

  @Test
  void takesOverNoMoreThanTheLimit() {
    SeenEvents seen = store();
    for (int i = 0; i < 5; i++) {
      seen.claim("k" + i, "p" + i, SeenEvents.DEFAULT_TTL);
    }
    clock.advance(Duration.ofMinutes(3));
    assertEquals(3, seen.takeOverStale(Duration.ofMinutes(2), 3).size());
    assertEquals(2, seen.takeOverStale(Duration.ofMinutes(2), 3).size());
  }

  @Test
  void takesOverOnlyTheKeysOfAPrefix() {
    SeenEvents seen = store();
    seen.claim("slack:message:T1:C1:1.1", "s", SeenEvents.DEFAULT_TTL);
    seen.claim("discord:message:42", "d", SeenEvents.DEFAULT_TTL);
    clock.advance(Duration.ofMinutes(3));
    List<SeenEvents.StaleClaim> taken = seen.takeOverStale("slack:", Duration.ofMinutes(2), 10);
    assertEquals(1, taken.size());
    assertEquals("s", taken.get(0).payload());
    assertEquals(1, seen.takeOverStale("discord:", Duration.ofMinutes(2), 10).size());
  }

  @Test
  void purgingDropsOnlyExpiredClaims() {
    SeenEvents seen = store();
    seen.claim("old", Duration.ofMinutes(1));
    seen.claim("new", Duration.ofHours(1));
    clock.advance(Duration.ofMinutes(2));
    seen.purgeExpired();
    assertTrue(seen.claim("old", Duration.ofHours(1)));
    assertFalse(seen.claim("new", Duration.ofHours(1)));
  }

  @Test
  void concurrentClaimsOfOneKeyHaveExactlyOneWinner() throws Exception {
    SeenEvents seen = store();
    int threads = 8;
    int keys = 50;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (int k = 0; k < keys; k++) {
        String key = "race-" + k;
        CountDownLatch go = new CountDownLatch(1);
        AtomicInteger wins = new AtomicInteger();
        List<Future<?>> all = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          all.add(
              pool.submit(
                  (Callable<Void>)
                      () -> {
                        go.await();
                        if (seen.claim(key, "p", SeenEvents.DEFAULT_TTL)) {
                          wins.incrementAndGet();
                        }
                        return null;
                      }));
        }
        go.countDown();
        for (Future<?> f : all) {
          f.get(30, TimeUnit.SECONDS);
        }
        assertEquals(1, wins.get(), key);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
