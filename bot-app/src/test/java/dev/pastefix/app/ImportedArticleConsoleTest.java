package dev.pastefix.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * From an article to answers, end to end through the command line: {@code kb import} turns a
 * runbook into knowledge, and the bot started on that knowledge alone answers a paste of the
 * runbook's error and a question in an admin's own words in the console, and stays silent on
 * chatter in a channel.
 */
class ImportedArticleConsoleTest {
  private static final Map<String, String> ENV = Map.of("PASTEFIX_DATA_DIR", ":memory:");

  @TempDir Path tmp;

  private final Main main = Main.standard();

  private Path importRunbook() throws Exception {
    Path article = tmp.resolve("print-queue-runbook.md");
    try (var in = getClass().getResourceAsStream("/articles/print-queue-runbook.md")) {
      Files.copy(in, article);
    }
    Path kb = tmp.resolve("kb");
    TestingTerminal t = new TestingTerminal(ENV);
    assertEquals(
        0,
        main.run(List.of("kb", "import", "--out", kb.toString(), article.toString()), t.terminal),
        t::err);
    assertTrue(t.out().contains("2 added"), t::out);
    return kb;
  }

  @Test
  void answersAPasteAndAQuestionFromAnImportedRunbookAndIgnoresChatter() throws Exception {
    Path kb = importRunbook();
    String script =
        String.join(
            "\n",
            "spooler on PRN-02 died again:",
            "The print spooler service terminated unexpectedly. Error code 0x800706b9 (RPC server"
                + " unavailable).",
            ".",
            "why would someone's print jobs sit in the queue forever saying access to the printer"
                + " was refused?",
            ".",
            "quit",
            "");
    InMemoryTerminal console = new InMemoryTerminal(script.getBytes(StandardCharsets.UTF_8), ENV);

    int code = main.run(List.of("--knowledge", kb.toString(), "--no-shipped"), console.terminal());

    assertEquals(ExitCodes.OK, code, console::err);
    String out = console.out();
    // The console does not echo what was typed: each reply follows its prompt.
    String[] replies = out.split("you> ");
    assertEquals(4, replies.length, out);
    String first = replies[1];
    String second = replies[2];
    assertTrue(first.contains("Spooler stops after a driver update"), out);
    assertTrue(first.contains("Stop-Service Spooler -Force"), "the runbook's command: " + out);
    assertTrue(second.contains("Print permission"), "the question's answer: " + out);
    assertFalse(out.contains("execution-policy"), "the shipped knowledge is not used: " + out);

    // Unaddressed in a channel, chatter that shares the runbook's words gets no reply; the
    // runbook's error pasted there does.
    Path chatter = tmp.resolve("chatter.txt");
    Files.writeString(
        chatter, "anyone going past the print room later? the queue for lunch is long");
    assertTrue(
        channelOutcome(kb, chatter, ExitCodes.NEGATIVE).contains("\"outcome\" : \"silent\""));
    Path paste = tmp.resolve("paste.txt");
    Files.writeString(
        paste,
        "The print spooler service terminated unexpectedly. Error code 0x800706b9 (RPC server"
            + " unavailable).");
    assertTrue(channelOutcome(kb, paste, ExitCodes.OK).contains("\"outcome\" : \"answer\""));
  }

  private String channelOutcome(Path kb, Path message, int expectedExit) {
    TestingTerminal t = new TestingTerminal(ENV);
    int code =
        main.run(
            List.of(
                "--knowledge",
                kb.toString(),
                "--no-shipped",
                "diagnose",
                message.toString(),
                "--channel",
                "--json"),
            t.terminal);
    assertEquals(expectedExit, code, t::out);
    return t.out();
  }
}
