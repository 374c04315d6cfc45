package dev.pastefix.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LauncherStateTest {
  @Test
  void anUnreachableDatabaseStopsTheStartWithExitCodeThreeAndOneLineWithoutThePassword() {
    InMemoryTerminal terminal =
        new InMemoryTerminal(
            new byte[0],
            Map.of(
                "PASTEFIX_DATABASE_URL", "jdbc:postgresql://127.0.0.1:9/pastefix",
                "PASTEFIX_DATABASE_USER", "bot",
                "PASTEFIX_DATABASE_PASSWORD", "Hunter2!"));
    int code = new Launcher(new Startup(), Clock.systemUTC()).run(List.of(), terminal.terminal());

    assertEquals(3, code);
    assertEquals(1, terminal.err().strip().lines().count(), terminal.err());
    assertTrue(
        terminal
            .err()
            .contains("cannot reach the state database at jdbc:postgresql://127.0.0.1:9/pastefix"),
        terminal.err());
    assertFalse(terminal.err().contains("Hunter2"), terminal.err());
  }

  @Test
  void anEphemeralConsoleKeepsNothingOnDisk() {
    InMemoryTerminal terminal =
        new InMemoryTerminal(new byte[0], Map.of("HOME", "/nonexistent/home"));
    int code =
        new Launcher(new Startup(), Clock.systemUTC())
            .run(List.of(Launcher.EPHEMERAL_FLAG), terminal.terminal());
    assertEquals(ExitCodes.OK, code, terminal.err());
    assertTrue(terminal.err().contains("state in jdbc:h2:mem:"), terminal.err());
  }
}
