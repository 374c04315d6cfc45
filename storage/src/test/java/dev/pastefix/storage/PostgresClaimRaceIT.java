package dev.pastefix.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pastefix.core.state.BotState;
import dev.pastefix.core.state.SeenEvents;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/** Claims racing on one real PostgreSQL, from two connection pools as two instances would. */
class PostgresClaimRaceIT {
  static final int THREADS = 32;
  static final int KEYS = 1000;

  @Test
  void exactlyOneOfThirtyTwoThreadsWinsEachOfAThousandKeys() throws Exception {
    DatabaseTarget target = EmbeddedPostgresServer.shared().newDatabase();
    try (StateDatabase first =
            StateDatabase.open(target, Clock.systemUTC(), BotState.DEFAULT_RETENTION);
        StateDatabase second =
            StateDatabase.open(target, Clock.systemUTC(), BotState.DEFAULT_RETENTION)) {
      List<SeenEvents> instances = List.of(first.state().seenEvents(), second.state().seenEvents());
      AtomicIntegerArray wins = new AtomicIntegerArray(KEYS);
      CyclicBarrier start = new CyclicBarrier(THREADS);
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      try {
        List<Future<?>> all = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
          SeenEvents seen = instances.get(t % 2);
          all.add(
              pool.submit(
                  () -> {
                    start.await();
                    for (int k = 0; k < KEYS; k++) {
                      if (seen.claim("slack:event:Ev" + k, "{}", SeenEvents.DEFAULT_TTL)) {
                        wins.incrementAndGet(k);
                      }
                    }
                    return null;
                  }));
        }
        for (Future<?> f : all) {
          f.get(5, TimeUnit.MINUTES);
        }
      } finally {
        pool.shutdownNow();
      }
      for (int k = 0; k < KEYS; k++) {
        assertEquals(1, wins.get(k), "winners of key " + k);
      }
    }
  }
}
