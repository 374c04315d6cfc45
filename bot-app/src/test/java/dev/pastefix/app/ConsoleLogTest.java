package dev.pastefix.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console chat keeps its log out of the chat: in the data directory, else warnings only. */
class ConsoleLogTest {
  @TempDir Path dir;

  private final Launcher launcher = new Launcher(new Startup(), Clock.systemUTC());

  @AfterEach
  void restore() {
    Logs.configure(Settings.LogFormat.TEXT, "WARN", System.err);
  }

  @Test
  void writesItsLogToAFileInTheDataDirectory() throws Exception {
    Path data = dir.resolve("data");
    InMemoryTerminal terminal =
        new InMemoryTerminal(
            "quit\n".getBytes(StandardCharsets.UTF_8),
            Map.of("PASTEFIX_DATA_DIR", data.toString()));

    int code = launcher.run(List.of(), terminal.terminal());

    assertEquals(ExitCodes.OK, code, terminal.err());
    Path log = data.resolve(Logs.CONSOLE_LOG);
    assertTrue(terminal.err().contains("pastefix: log in " + log), terminal.err());
    String written = Files.readString(log, StandardCharsets.UTF_8);
    assertTrue(written.contains("no PASTEFIX_ADMINS"), written);
    assertFalse(terminal.err().contains("no PASTEFIX_ADMINS"), terminal.err());
    assertFalse(terminal.out().contains("PASTEFIX_ADMINS"), terminal.out());
    assertEquals(
        java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"),
        Files.getPosixFilePermissions(log),
        "owner-only, as the data directory's other files");
  }

  @Test
  void writesJsonLinesToItsFileWhenAskedTo() throws Exception {
    Path data = dir.resolve("data");
    InMemoryTerminal terminal =
        new InMemoryTerminal(
            "quit\n".getBytes(StandardCharsets.UTF_8),
            Map.of("PASTEFIX_DATA_DIR", data.toString(), "PASTEFIX_LOG_FORMAT", "json"));

    assertEquals(ExitCodes.OK, launcher.run(List.of(), terminal.terminal()), terminal.err());

    List<String> lines = Files.readAllLines(data.resolve(Logs.CONSOLE_LOG));
    assertFalse(lines.isEmpty());
    com.fasterxml.jackson.databind.ObjectMapper json =
        new com.fasterxml.jackson.databind.ObjectMapper();
    for (String line : lines) {
      assertTrue(json.readTree(line).isObject(), line);
    }
  }

  @Test
  void withoutADataDirectoryOnlyWarningsReachStandardError() {
    InMemoryTerminal terminal =
        new InMemoryTerminal(
            "quit\n".getBytes(StandardCharsets.UTF_8),
            Map.of("PASTEFIX_DATA_DIR", Settings.IN_MEMORY));

    assertEquals(ExitCodes.OK, launcher.run(List.of(), terminal.terminal()), terminal.err());

    assertTrue(terminal.err().contains("pastefix: log in standard error, warnings only"));
    assertFalse(terminal.err().contains("no PASTEFIX_ADMINS"), terminal.err());
  }
}
