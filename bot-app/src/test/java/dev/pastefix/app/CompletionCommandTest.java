package dev.pastefix.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pastefix completion bash}: a script bash runs, completing commands and options. */
class CompletionCommandTest {
  @TempDir Path dir;

  private final Main main = Main.standard();

  private String script(String... args) {
    InMemoryTerminal terminal = new InMemoryTerminal();
    assertEquals(ExitCodes.OK, main.run(List.of(args), terminal.terminal()), terminal.err());
    return terminal.out();
  }

  @Test
  void registersItselfForThePastefixCommand() {
    String bash = script("completion");

    assertTrue(bash.contains("complete -F _complete_pastefix"), bash);
    assertEquals(bash, script("completion", "zsh"), "one script for both shells");
    for (String command : List.of("diagnose", "teams-manifest", "loadtest", "completion")) {
      assertTrue(bash.contains(command), command);
    }
  }

  @Test
  void refusesAnotherShell() {
    InMemoryTerminal terminal = new InMemoryTerminal();

    assertEquals(ExitCodes.USAGE, main.run(List.of("completion", "fish"), terminal.terminal()));
    assertTrue(terminal.err().contains("bash, zsh"), terminal.err());
  }

  @Test
  void bashCompletesACommandAndAnOption() throws Exception {
    Path bash = Path.of("/bin/bash");
    assumeTrue(Files.isExecutable(bash), "bash is not installed");
    Path script = dir.resolve("pastefix.bash");
    Files.writeString(script, script("completion", "bash"), StandardCharsets.UTF_8);

    assertEquals("diagnose", complete(bash, script, "pastefix", "dia"));
    assertEquals("--since", complete(bash, script, "pastefix", "stats", "--si"));
    assertTrue(complete(bash, script, "pastefix", "kb", "").contains("validate"));
  }

  /** What bash offers for the last of {@code words}, as the script's function computes it. */
  private static String complete(Path bash, Path script, String... words) throws Exception {
    String line = String.join(" ", words);
    String program =
        "source '"
            + script
            + "' 2>/dev/null; COMP_WORDS=("
            + String.join(" ", java.util.Arrays.stream(words).map(w -> "'" + w + "'").toList())
            + "); COMP_CWORD="
            + (words.length - 1)
            + "; COMP_LINE='"
            + line
            + "'; COMP_POINT="
            + line.length()
            + "; _complete_pastefix 2>/dev/null; echo \"${COMPREPLY[*]}\"";
    Process p = new ProcessBuilder(bash.toString(), "-c", program).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    return out;
  }
}
