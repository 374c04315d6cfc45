package dev.pastefix.storage;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pastefix.core.feedback.Vote;
import dev.pastefix.core.state.BotState;
import dev.pastefix.core.state.FallbackState;
import dev.pastefix.core.state.RefusedValue;
import dev.pastefix.core.state.SeenEvents;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A value too long for its column (a forged Teams vote naming 3 000 entries) is a refused request
 * on the real H2 file and on PostgreSQL: the store keeps serving everyone, nothing goes to memory.
 */
class OversizedValueIT {
  @TempDir Path dataDir;

  @Test
  void isRefusedOnTheEmbeddedDatabase() {
    try (StateDatabase db =
        StateDatabase.open(
            DatabaseTarget.embedded(dataDir), Clock.systemUTC(), BotState.DEFAULT_RETENTION)) {
      refusedWithoutAnOutage(db);
    }
  }

  @Test
  void isRefusedOnPostgres() {
    try (StateDatabase db =
        StateDatabase.open(
            EmbeddedPostgresServer.shared().newDatabase(),
            Clock.systemUTC(),
            BotState.DEFAULT_RETENTION)) {
      refusedWithoutAnOutage(db);
    }
  }

  private static void refusedWithoutAnOutage(StateDatabase db) {
    BotState state =
        FallbackState.wrap(
            db.state(), Clock.systemUTC(), BotState.DEFAULT_RETENTION, db.describe());
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      ids.add("made-up-entry-" + i);
    }
    Vote forged = new Vote("teams/t/c/1", ids, "29:attacker", true, Instant.now());

    RefusedValue refused = assertThrows(RefusedValue.class, () -> state.feedback().record(forged));
    assertTrue(refused.getMessage().contains("refused a value (22001)"), refused.getMessage());
    assertTrue(refused.getMessage().length() < 400, refused.getMessage());

    // The next request still reaches the database: it was not taken for an outage.
    assertTrue(state.seenEvents().claim("teams:activity:after", SeenEvents.DEFAULT_TTL));
    assertFalse(
        db.state().seenEvents().claim("teams:activity:after", SeenEvents.DEFAULT_TTL),
        "the claim went to the database, not to memory");
  }
}
