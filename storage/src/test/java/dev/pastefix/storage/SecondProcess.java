package dev.pastefix.storage;

import dev.pastefix.core.state.BotState;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;

/**
 * A second JVM trying to reach the embedded database, as another local user or tool would: {@code
 * jdbc URL PASSWORD} connects with the driver, {@code state DIR} opens the state as {@code pastefix
 * stats} does. Prints {@code connected} and exits 0, or {@code refused ...} and exits 1.
 */
public final class SecondProcess {
  private SecondProcess() {}

  public static void main(String[] args) {
    if (args[0].equals("state")) {
      try (StateDatabase db =
          StateDatabase.open(
              DatabaseTarget.embedded(Path.of(args[1])),
              Clock.systemUTC(),
              BotState.DEFAULT_RETENTION)) {
        System.out.println("connected");
        System.exit(0);
      } catch (StateStoreException e) {
        System.out.println("refused: " + e.getMessage());
        System.exit(1);
      }
    }
    try (Connection c = DriverManager.getConnection(args[1], "sa", args[2])) {
      c.createStatement().execute("select 1");
      System.out.println("connected");
      System.exit(0);
    } catch (SQLException e) {
      System.out.println(
          "refused " + e.getErrorCode() + ": " + e.getMessage().lines().findFirst().orElse(""));
      System.exit(1);
    }
  }
}
