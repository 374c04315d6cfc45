package dev.pastefix.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pastefix loadtest} with HOME, XDG_DATA_HOME, PASTEFIX_DATA_DIR and PASTEFIX_DATABASE_URL
 * pointing at real places: its child bot writes none of them and never connects to the database,
 * and its temporary directories (the bot's log included) are gone afterwards.
 */
class LoadTestIsolationIT {
  @TempDir Path root;

  @Test
  void theChildBotTouchesNoRealStateAndLeavesNothingBehind() throws Exception {
    Path home = Files.createDirectories(root.resolve("home"));
    Path xdg = Files.createDirectories(root.resolve("xdg-data"));
    Path data = Files.createDirectories(root.resolve("data"));
    Path scratch = Files.createDirectories(root.resolve("scratch"));
    AtomicInteger connections = new AtomicInteger();
    try (ServerSocket database = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread listener =
          new Thread(
              () -> {
                while (!database.isClosed()) {
                  try (Socket ignored = database.accept()) {
                    connections.incrementAndGet();
                  } catch (IOException e) {
                    return;
                  }
                }
              });
      listener.setDaemon(true);
      listener.start();
      Map<String, String> env = new HashMap<>();
      env.put("HOME", home.toString());
      env.put("XDG_DATA_HOME", xdg.toString());
      env.put("PASTEFIX_DATA_DIR", data.toString());
      env.put(
          "PASTEFIX_DATABASE_URL",
          "jdbc:postgresql://127.0.0.1:" + database.getLocalPort() + "/pastefix");
      env.put("PASTEFIX_DATABASE_PASSWORD", "real-password");
      env.put("SLACK_BOT_TOKEN", "xoxb-real-token");
      System.getenv()
          .forEach(
              (k, v) -> {
                if (k.equals("PATH") || k.equals("JAVA_HOME")) {
                  env.put(k, v);
                }
              });
      InMemoryTerminal terminal = new InMemoryTerminal(new byte[0], env);

      int code =
          TestingCommandLine.run(
              new LoadTestCommand(scratch),
              List.of(
                  "--rate",
                  "5",
                  "--seconds",
                  "2",
                  "--warmup-seconds",
                  "0",
                  "--settle-seconds",
                  "30",
                  "--api-latency-ms",
                  "0",
                  "--channels",
                  "2"),
              terminal.terminal());

      assertEquals(ExitCodes.OK, code, terminal.out() + terminal.err());
      assertTrue(terminal.out().contains("replies posted: 10 threads answered"), terminal.out());
      assertTrue(terminal.out().contains("bot log: deleted"), terminal.out());
    }
    assertEquals(0, connections.get(), "the child bot connected to PASTEFIX_DATABASE_URL");
    for (Path untouched : List.of(home, xdg, data, scratch)) {
      try (Stream<Path> left = Files.list(untouched)) {
        assertEquals(List.of(), left.toList(), untouched + " stays as it was");
      }
    }
  }

  @Test
  void theChildEnvironmentNamesNoStateOfThisProcess() throws Exception {
    Map<String, String> env =
        Map.of(
            "HOME", "/home/admin",
            "XDG_DATA_HOME", "/home/admin/.data",
            "PASTEFIX_DATA_DIR", "/var/lib/pastefix",
            "PASTEFIX_DATABASE_URL", "jdbc:postgresql://db/pastefix",
            "PASTEFIX_DATABASE_PASSWORD_FILE", "/run/secrets/db",
            "PASTEFIX_LOG_FORMAT", "json",
            "DISCORD_TOKEN", "x",
            "TEAMS_APP_ID", "y");

    Map<String, String> child = LoadTestCommand.childEnvironment(env, root);

    assertEquals(Settings.IN_MEMORY, child.get("PASTEFIX_DATA_DIR"));
    assertEquals(root.resolve("home").toString(), child.get("HOME"));
    assertEquals(root.resolve("data").toString(), child.get("XDG_DATA_HOME"));
    assertEquals("json", child.get("PASTEFIX_LOG_FORMAT"), "tuning is passed on");
    assertFalse(
        child.keySet().stream().anyMatch(k -> k.startsWith("PASTEFIX_DATABASE")), child.toString());
    assertFalse(child.containsKey("DISCORD_TOKEN") || child.containsKey("TEAMS_APP_ID"));
  }
}
