package dev.pastefix.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Walks the whole command tree: every command and sub-command answers {@code --help} and {@code -h}
 * with exit code 0, prints what the reference page shows for it, and the page in {@code docs/} is
 * the one the code generates. Regenerate the page with {@code -Dsnapshots.update=true}.
 */
class CliReferenceTest {
  /** Tests run in bot-app/; the page is at the project root's docs/. */
  private static final Path PAGE = Path.of("..").resolve(CliReference.PATH);

  private final Main main = Main.standard();

  @Test
  void everyCommandAnswersHelpWithExitZeroAndAppearsOnThePage() throws Exception {
    String page = Files.exists(PAGE) ? Files.readString(PAGE, StandardCharsets.UTF_8) : "";
    List<CommandLine> commands = CliReference.commands(main.commandLine());
    assertTrue(commands.size() >= 15, "the tree holds every command: " + commands.size());
    for (CommandLine line : commands) {
      String name = line.getCommandSpec().qualifiedName();
      for (String option : List.of("--help", "-h")) {
        InMemoryTerminal terminal = new InMemoryTerminal();
        List<String> words = new ArrayList<>(words(line));
        words.add(option);

        int code = main.run(words, terminal.terminal());

        assertEquals(ExitCodes.OK, code, name + " " + option + ": " + terminal.err());
        assertTrue(terminal.err().isEmpty(), terminal.err());
        assertTrue(terminal.out().startsWith("Usage: " + name), terminal.out());
        assertEquals(CliReference.help(line), terminal.out(), name);
      }
      assertTrue(page.contains("\n## " + name + "\n"), name + " has a section in " + PAGE);
      assertTrue(
          page.contains(CliReference.help(line).stripTrailing()),
          name + ": the page shows an old help text; regenerate it (-Dsnapshots.update=true)");
    }
  }

  @Test
  void everyCommandButHelpAndTheBotShowsExamplesAndExitCodes() {
    for (CommandLine line : CliReference.commands(main.commandLine())) {
      String name = line.getCommandSpec().qualifiedName();
      if (name.equals("pastefix help") || name.equals("pastefix kb")) {
        continue;
      }
      String help = CliReference.help(line);
      assertTrue(help.contains("\nExamples:\n"), name + "\n" + help);
      assertTrue(help.contains("\nExit codes:\n"), name + "\n" + help);
    }
  }

  @Test
  void thePageIsTheGeneratedOne() throws Exception {
    String generated = new CliReference(main.commandLine()).markdown();
    if (Boolean.getBoolean("snapshots.update")) {
      Files.createDirectories(PAGE.getParent());
      Files.writeString(PAGE, generated, StandardCharsets.UTF_8);
    }
    assertTrue(Files.exists(PAGE), "no " + PAGE + "; run with -Dsnapshots.update=true");
    assertEquals(
        generated,
        Files.readString(PAGE, StandardCharsets.UTF_8),
        PAGE + " is stale; run with -Dsnapshots.update=true and review the diff");
  }

  /** The words that select {@code line}, without the program's name. */
  private static List<String> words(CommandLine line) {
    List<String> words =
        new ArrayList<>(Arrays.asList(line.getCommandSpec().qualifiedName().split(" ")));
    words.remove(0);
    return words;
  }
}
