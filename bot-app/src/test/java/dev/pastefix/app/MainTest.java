package dev.pastefix.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MainTest {
  private final Main main = Main.standard();

  @Test
  void helpListsEveryCommandAndExitCode() {
    for (String word : List.of("help", "--help", "-h")) {
      InMemoryTerminal terminal = new InMemoryTerminal();

      int code = main.run(List.of(word), terminal.terminal());

      assertEquals(ExitCodes.OK, code);
      String out = terminal.out();
      assertTrue(out.startsWith("Usage: pastefix "), out);
      for (String command :
          List.of(
              "diagnose",
              "eval",
              "bench",
              "kb",
              "check",
              "stats",
              "review",
              "loadtest",
              "teams-manifest",
              "completion",
              "help")) {
        assertTrue(out.contains("\n  " + command + " "), command + " in\n" + out);
      }
      for (int exit = 0; exit <= 3; exit++) {
        assertTrue(out.contains("\n  " + exit + "   "), "exit code " + exit + " in\n" + out);
      }
      assertTrue(out.contains("--knowledge=DIR"), out);
      assertTrue(out.contains("--ephemeral"), out);
    }
  }

  @Test
  void helpOfOneCommandComesFromTheHelpCommandToo() {
    InMemoryTerminal viaHelp = new InMemoryTerminal();
    InMemoryTerminal viaOption = new InMemoryTerminal();

    assertEquals(ExitCodes.OK, main.run(List.of("help", "diagnose"), viaHelp.terminal()));
    assertEquals(ExitCodes.OK, main.run(List.of("diagnose", "--help"), viaOption.terminal()));

    assertTrue(viaHelp.out().startsWith("Usage: pastefix diagnose "), viaHelp.out());
    assertEquals(viaHelp.out(), viaOption.out());
    assertTrue(viaOption.out().contains("Examples:"), viaOption.out());
  }

  @Test
  void unknownCommandIsAUsageErrorWithASuggestion() {
    InMemoryTerminal terminal = new InMemoryTerminal();

    int code = main.run(List.of("diagnosis"), terminal.terminal());

    assertEquals(ExitCodes.USAGE, code);
    assertTrue(terminal.err().contains("'diagnosis'"), terminal.err());
    assertTrue(terminal.err().contains("Did you mean: pastefix diagnose?"), terminal.err());
    assertTrue(terminal.out().isEmpty(), "no console was started");
  }

  @Test
  void mistypedOptionGetsASuggestion() {
    InMemoryTerminal terminal = new InMemoryTerminal();

    int code = main.run(List.of("stats", "--sinse", "7d"), terminal.terminal());

    assertEquals(ExitCodes.USAGE, code);
    assertTrue(terminal.err().contains("Unknown options: '--sinse'"), terminal.err());
    assertTrue(terminal.err().contains("Possible solutions: --since"), terminal.err());
    assertTrue(terminal.err().contains("Try 'pastefix stats --help'"), terminal.err());
  }

  @Test
  void aGroupWithoutItsSubCommandIsAUsageError() {
    InMemoryTerminal terminal = new InMemoryTerminal();

    int code = main.run(List.of("kb"), terminal.terminal());

    assertEquals(ExitCodes.USAGE, code);
    assertTrue(terminal.err().contains("kb needs a sub-command: list, show"), terminal.err());
  }

  @Test
  void knowledgeOptionsGoBeforeOrAfterTheCommand() throws Exception {
    java.nio.file.Path missing = java.nio.file.Path.of("no-such-knowledge-dir");
    for (List<String> args :
        List.of(
            List.of("--knowledge", missing.toString(), "kb", "list"),
            List.of("kb", "--knowledge", missing.toString(), "list"),
            List.of("kb", "list", "--knowledge", missing.toString()))) {
      InMemoryTerminal terminal = new InMemoryTerminal();

      int code = main.run(args, terminal.terminal());

      assertEquals(ExitCodes.NEGATIVE, code, args.toString());
      assertTrue(terminal.err().contains("no-such-knowledge-dir"), terminal.err());
    }
  }

  @Test
  void printsTheVersion() {
    InMemoryTerminal terminal = new InMemoryTerminal();

    assertEquals(ExitCodes.OK, main.run(List.of("--version"), terminal.terminal()));

    assertEquals(BuildInfo.current().describe() + System.lineSeparator(), terminal.out());
  }

  @Test
  void noCommandRunsTheBotInTheConsole() {
    InMemoryTerminal terminal = new InMemoryTerminal("exit\n");

    int code = main.run(List.of(), terminal.terminal());

    assertEquals(ExitCodes.OK, code);
    assertTrue(terminal.out().startsWith(ConsoleAdapter.BANNER));
  }
}
