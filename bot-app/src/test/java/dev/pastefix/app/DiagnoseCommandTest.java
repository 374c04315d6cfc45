package dev.pastefix.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pastefix.core.reply.PlainTextRenderer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiagnoseCommandTest {
  private static final String LUNCH = "anyone want to grab lunch at noon?";

  @TempDir Path dir;

  private final DiagnoseCommand command =
      new DiagnoseCommand(new Startup(), new PlainTextRenderer());

  private int run(InMemoryTerminal terminal, String... args) throws Exception {
    return TestingCommandLine.run(command, List.of(args), terminal.terminal());
  }

  private Path file(String text) throws Exception {
    Path file = dir.resolve("paste.txt");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void answersAPasteFromAFileAsText() throws Exception {
    InMemoryTerminal terminal = new InMemoryTerminal();

    int code = run(terminal, file(ConsoleAdapterTest.EXECUTION_POLICY_PASTE).toString());

    assertEquals(ExitCodes.OK, code);
    assertTrue(terminal.out().contains("Set-ExecutionPolicy RemoteSigned"), terminal.out());
  }

  @Test
  void printsPlainTextWithoutMarkdownAsterisksToAFileOrPipe() throws Exception {
    InMemoryTerminal terminal = new InMemoryTerminal();

    run(terminal, file(ConsoleAdapterTest.EXECUTION_POLICY_PASTE).toString());

    String out = terminal.out();
    assertTrue(out.contains("Matched: the error text"), out);
    assertTrue(out.contains("Cause: "), out);
    assertFalse(out.contains("*"), out);
    assertFalse(out.contains("\u001B"), out);
  }

  @Test
  void setsLabelsInBoldOnlyOnATerminalWithoutNoColor() throws Exception {
    byte[] none = new byte[0];
    InMemoryTerminal tty = new InMemoryTerminal(none, Map.of(), true);
    run(tty, file(ConsoleAdapterTest.EXECUTION_POLICY_PASTE).toString());
    assertTrue(tty.out().contains("\u001B[1mCause:\u001B[0m"), tty.out());
    assertFalse(tty.out().contains("*"), tty.out());

    InMemoryTerminal noColor = new InMemoryTerminal(none, Map.of("NO_COLOR", "1"), true);
    run(noColor, file(ConsoleAdapterTest.EXECUTION_POLICY_PASTE).toString());
    assertFalse(noColor.out().contains("\u001B"), noColor.out());
    assertTrue(noColor.out().contains("Cause: "), noColor.out());
  }

  @Test
  void printsFindingsEvidenceAndOutcomeAsJson() throws Exception {
    InMemoryTerminal terminal = new InMemoryTerminal();

    int code = run(terminal, file(ConsoleAdapterTest.EXECUTION_POLICY_PASTE).toString(), "--json");

    assertEquals(ExitCodes.OK, code);
    JsonNode json = new ObjectMapper().readTree(terminal.out());
    JsonStyle.check(json, java.util.Set.of());
    assertEquals("answer", json.get("outcome").asText());
    assertEquals("direct", json.get("channel").asText());
    assertFalse(json.get("summary").asText().isBlank());
    JsonNode finding = json.get("findings").get(0);
    assertEquals("execution-policy", finding.get("id").asText());
    double confidence = finding.get("confidence").asDouble();
    assertTrue(confidence > 0 && confidence <= 1, "confidence " + confidence);
    assertTrue(finding.get("evidence").isArray() && finding.get("evidence").size() > 0);
  }

  @Test
  void readsStandardInputByDefaultAndWithDash() throws Exception {
    for (String[] args : List.of(new String[] {}, new String[] {"-"})) {
      InMemoryTerminal terminal = new InMemoryTerminal(ConsoleAdapterTest.EXECUTION_POLICY_PASTE);

      int code = run(terminal, args);

      assertEquals(ExitCodes.OK, code);
      assertTrue(terminal.out().contains("Set-ExecutionPolicy RemoteSigned"));
    }
  }

  @Test
  void staysSilentOnLunchChatInAChannelWithExitOne() throws Exception {
    InMemoryTerminal terminal = new InMemoryTerminal(LUNCH);

    int code = run(terminal, "--channel", "--json");

    assertEquals(ExitCodes.NEGATIVE, code);
    JsonNode json = new ObjectMapper().readTree(terminal.out());
    assertEquals("silent", json.get("outcome").asText());
    assertEquals("channel", json.get("channel").asText());
    assertEquals(0, json.get("findings").size());
    assertFalse(json.get("reason").asText().isBlank());
  }

  @Test
  void saysItDoesNotKnowLunchChatInADirectMessageWithExitOne() throws Exception {
    InMemoryTerminal terminal = new InMemoryTerminal(LUNCH);

    int code = run(terminal, "--json");

    assertEquals(ExitCodes.NEGATIVE, code);
    JsonNode json = new ObjectMapper().readTree(terminal.out());
    assertEquals("unknown", json.get("outcome").asText());
    assertTrue(json.get("closest").isArray());
  }

  @Test
  void reportsAMissingFileOrADirectoryAsUsageError() throws Exception {
    InMemoryTerminal missing = new InMemoryTerminal();
    assertEquals(ExitCodes.USAGE, run(missing, dir.resolve("nope.txt").toString()));
    assertTrue(missing.err().contains("no such file"), missing.err());

    InMemoryTerminal directory = new InMemoryTerminal();
    assertEquals(ExitCodes.USAGE, run(directory, dir.toString()));
    assertTrue(directory.err().contains("directory"), directory.err());
  }

  @Test
  void rejectsUnknownOptionsAndSeveralFiles() throws Exception {
    InMemoryTerminal option = new InMemoryTerminal();
    assertEquals(ExitCodes.USAGE, run(option, "--yaml"));
    assertTrue(option.err().contains("Unknown option: '--yaml'"), option.err());

    InMemoryTerminal two = new InMemoryTerminal();
    assertEquals(ExitCodes.USAGE, run(two, "a.txt", "b.txt"));
    assertTrue(two.err().contains("Usage: pastefix diagnose"), two.err());
  }

  @Test
  void givesAClearReplyToEmptyBinaryAndHugeInput() throws Exception {
    byte[] junk = new byte[64 * 1024];
    new Random(7).nextBytes(junk);
    List<byte[]> inputs =
        List.of(
            new byte[0],
            "   \n\t  \n".getBytes(StandardCharsets.UTF_8),
            junk,
            "x".repeat(50_000).getBytes(StandardCharsets.UTF_8),
            "word ".repeat(220_000).getBytes(StandardCharsets.UTF_8));
    for (byte[] input : inputs) {
      InMemoryTerminal terminal = new InMemoryTerminal(input, Map.of());

      int code = run(terminal);

      assertTrue(code == ExitCodes.OK || code == ExitCodes.NEGATIVE, "exit " + code);
      assertFalse(terminal.out().isBlank(), "a reply for " + input.length + " bytes");
    }
  }

  @Test
  void warnsWhenTheInputIsCutAtTheLimit() throws Exception {
    byte[] big = new byte[DiagnoseCommand.MAX_INPUT_BYTES + 10];
    java.util.Arrays.fill(big, (byte) 'a');
    InMemoryTerminal terminal = new InMemoryTerminal(big, Map.of());

    run(terminal, "--channel");

    assertTrue(terminal.err().contains("only the first"), terminal.err());
  }
}
