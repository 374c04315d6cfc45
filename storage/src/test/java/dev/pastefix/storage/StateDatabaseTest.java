package dev.pastefix.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pastefix.core.state.BotState;
import dev.pastefix.core.state.ConversationKey;
import dev.pastefix.core.state.PendingCheckStore;
import dev.pastefix.core.state.SeenEvents;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateDatabaseTest {
  @TempDir Path dataDir;

  @Test
  void keepsStateInTheDataDirectoryAcrossRestarts() {
    ConversationKey dm = ConversationKey.of("slack", "T1", "D1");
    try (StateDatabase db = open(DatabaseTarget.embedded(dataDir))) {
      assertTrue(db.state().seenEvents().claim("slack:event:Ev1", SeenEvents.DEFAULT_TTL));
      db.state().pendingChecks().start(dm, "winrm", PendingCheckStore.DEFAULT_TTL);
    }
    assertTrue(Files.exists(dataDir.resolve(DatabaseTarget.H2_FILE + ".mv.db")));
    try (StateDatabase db = open(DatabaseTarget.embedded(dataDir))) {
      assertFalse(db.state().seenEvents().claim("slack:event:Ev1", SeenEvents.DEFAULT_TTL));
      assertEquals(Optional.of("winrm"), db.state().pendingChecks().pending(dm));
    }
  }

  @Test
  void refusesADatabaseWrittenByANewerVersion() throws Exception {
    DatabaseTarget target = DatabaseTarget.embedded(dataDir);
    open(target).close();
    try (Connection c =
            DriverManager.getConnection(target.url(), "sa", target.password().orElseThrow());
        Statement s = c.createStatement()) {
      s.execute(
          "insert into \"pastefix_schema_history\" (\"installed_rank\", \"version\","
              + " \"description\", \"type\", \"script\", \"checksum\", \"installed_by\","
              + " \"execution_time\", \"success\") values (99, '99', 'from the future', 'SQL',"
              + " 'V99__future.sql', 0, 'sa', 0, true)");
    }
    StateStoreException e = assertThrows(StateStoreException.class, () -> open(target));
    assertTrue(e.getMessage().contains("newer pastefix (schema version 99"), e.getMessage());
    assertTrue(e.getMessage().contains("Upgrade pastefix"), e.getMessage());
  }

  @Test
  void namesAnUnreachableServerWithoutItsPassword() {
    DatabaseTarget target =
        DatabaseTarget.server(
            "jdbc:postgresql://127.0.0.1:9/pastefix?user=bot&password=Hunter2",
            Optional.of("bot"),
            Optional.of("S3cret!"));
    StateStoreException e = assertThrows(StateStoreException.class, () -> open(target));
    assertTrue(
        e.getMessage()
            .startsWith(
                "cannot reach the state database at jdbc:postgresql://127.0.0.1:9/pastefix"),
        e.getMessage());
    assertFalse(e.getMessage().contains("Hunter2"), e.getMessage());
    assertFalse(e.getMessage().contains("S3cret"), e.getMessage());
    assertFalse(target.toString().contains("Hunter2"));
  }

  @Test
  void refusesUrlsOfOtherDatabases() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> DatabaseTarget.server("jdbc:mysql://db/x", Optional.empty(), Optional.empty()));
    assertTrue(e.getMessage().contains("jdbc:postgresql:"), e.getMessage());
  }

  private static StateDatabase open(DatabaseTarget target) {
    return StateDatabase.open(target, Clock.systemUTC(), BotState.DEFAULT_RETENTION);
  }
}
