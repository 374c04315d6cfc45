package dev.pastefix.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pastefix.core.Bot;
import dev.pastefix.core.Channel;
import dev.pastefix.core.Inbound;
import dev.pastefix.core.state.AnswerRecord;
import dev.pastefix.core.state.BotState;
import dev.pastefix.core.state.ConversationKey;
import dev.pastefix.core.testing.TestingPipelines;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a pasted secret leaves behind in the database and the log: nothing. */
class PrivacyTest {
  private static final String PASTE =
      "$pw = ConvertTo-SecureString 'Hunter2!' -AsPlainText -Force\n"
          + "New-PSSession : Connecting to remote server admin1a.online.lync.com failed: Access is"
          + " denied.";

  @Test
  void aPastedPasswordNeverReachesTheDatabaseOrTheLog() throws Exception {
    DatabaseTarget target = DatabaseTarget.inMemory();
    PrintStream originalErr = System.err;
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    try (StateDatabase db =
        StateDatabase.open(target, Clock.systemUTC(), BotState.DEFAULT_RETENTION)) {
      BotState state = db.state();
      Bot bot = TestingPipelines.shipped(state);
      System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
      try {
        bot.handle(
            Inbound.message(
                PASTE,
                Channel.MENTION,
                "U0ADMIN",
                ConversationKey.of("slack", "T1", "C1").inThread("1700000000.000100")));
      } finally {
        System.setErr(originalErr);
      }

      List<AnswerRecord> rows = state.answerLog().since(Instant.EPOCH);
      assertEquals(1, rows.size());
      assertEquals("U0ADMIN", rows.get(0).senderId());
      assertTrue(rows.get(0).redactedText().contains("ConvertTo-SecureString [redacted]"));
      assertFalse(everyValueIn(target).contains("Hunter2"), "the database holds the password");
      assertTrue(everyValueIn(target).contains("U0ADMIN"), "the sender id is kept");
    }
    assertFalse(log.toString(StandardCharsets.UTF_8).contains("Hunter2"), log.toString());
  }

  /** Every value of every table, as one text. */
  private static String everyValueIn(DatabaseTarget target) throws Exception {
    StringBuilder all = new StringBuilder();
    try (Connection c = DriverManager.getConnection(target.url(), "sa", "");
        Statement s = c.createStatement();
        ResultSet tables = c.getMetaData().getTables(null, "PUBLIC", "%", new String[] {"TABLE"})) {
      List<String> names = new java.util.ArrayList<>();
      while (tables.next()) {
        names.add(tables.getString("TABLE_NAME"));
      }
      assertTrue(names.size() >= 8, names.toString());
      for (String table : names) {
        try (ResultSet rows = s.executeQuery("select * from \"" + table + "\"")) {
          int columns = rows.getMetaData().getColumnCount();
          while (rows.next()) {
            for (int i = 1; i <= columns; i++) {
              all.append(rows.getString(i)).append('\t');
            }
          }
        }
      }
    }
    return all.toString();
  }
}
