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
      for (String synopsis :
          List.of(
              "diagnose [FILE|-] [--json] [--channel]",
              "eval FILE.jsonl [--json]",
              "bench [FILE.jsonl] [--iterations N]",
              "kb ")) {
        assertTrue(out.contains("  " + synopsis), synopsis + " in\n" + out);
      }
      for (int exit = 0; exit <= 3; exit++) {
        assertTrue(out.contains("\n  " + exit + "  "), "exit code " + exit + " in\n" + out);
      }
    }
  }

  @Test
  void unknownCommandIsAUsageError() {
    InMemoryTerminal terminal = new InMemoryTerminal();

    int code = main.run(List.of("diagnosis"), terminal.terminal());

    assertEquals(ExitCodes.USAGE, code);
    assertTrue(terminal.err().contains("unknown command 'diagnosis'"));
  }

  @Test
  void noCommandRunsTheBotInTheConsole() {
    InMemoryTerminal terminal = new InMemoryTerminal("exit\n");

    int code = main.run(List.of(), terminal.terminal());

    assertEquals(ExitCodes.OK, code);
    assertTrue(terminal.out().startsWith(ConsoleAdapter.BANNER));
  }
}
