package dev.pastefix.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pastefix.core.Channel;
import dev.pastefix.core.Inbound;
import dev.pastefix.core.feedback.InMemoryFeedbackStore;
import dev.pastefix.core.feedback.Vote;
import dev.pastefix.core.feedback.Votes;
import dev.pastefix.core.pipeline.Pipeline;
import dev.pastefix.core.reply.PlainTextRenderer;
import dev.pastefix.core.state.ConversationKey;
import dev.pastefix.core.state.InMemoryConversationStore;
import dev.pastefix.core.telemetry.Telemetry;
import dev.pastefix.core.testing.RecordingStep;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ConsoleAdapterTest {
  static final String EXECUTION_POLICY_PASTE =
      String.join(
          "\n",
          "Import-Module : File C:\\Program Files\\Common Files\\Microsoft Lync Server"
              + " 2013\\Modules\\LyncOnlineConnector\\LyncOnlineConnectorStartup.psm1 cannot be"
              + " loaded because",
          "running scripts is disabled on this system. For more information, see"
              + " about_Execution_Policies at https://go.microsoft.com/fwlink/?LinkID=135170.",
          "At line:1 char:1",
          "+ Import-Module LyncOnlineConnector",
          "+ ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~",
          "    + CategoryInfo          : SecurityError: (:) [Import-Module], PSSecurityException",
          "    + FullyQualifiedErrorId : UnauthorizedAccess,"
              + "Microsoft.PowerShell.Commands.ImportModuleCommand");

  private static final ConversationKey KEY = ConversationKey.of("console", "local", "test");
  private static final Instant NOW = Instant.parse("2026-01-05T10:00:00Z");
  private static Startup.Ready ready;

  private final InMemoryFeedbackStore feedback = new InMemoryFeedbackStore();
  private RecordingStep bot;

  @BeforeAll
  static void startEngine() throws Exception {
    ready = new Startup().start(java.util.Optional.empty());
  }

  private String chat(byte[] script, int[] exitCode) {
    bot = RecordingStep.passing();
    Pipeline pipeline = bot.pipeline(ready.state());
    ConsoleAdapter console =
        new ConsoleAdapter(
            pipeline,
            new Votes(
                feedback,
                pipeline::hasEntry,
                Telemetry.inMemory(),
                Clock.fixed(NOW, ZoneOffset.UTC)),
            new InMemoryConversationStore(Clock.fixed(NOW, ZoneOffset.UTC)),
            new PlainTextRenderer(),
            Clock.fixed(NOW, ZoneOffset.UTC),
            KEY);
    InMemoryTerminal terminal = new InMemoryTerminal(script, Map.of());
    exitCode[0] = console.run(terminal.terminal());
    return terminal.out();
  }

  private String chat(String script, int[] exitCode) {
    return chat(script.getBytes(StandardCharsets.UTF_8), exitCode);
  }

  @Test
  void answersExecutionPolicyPasteSpreadOverSeveralLines() {
    int[] code = new int[1];
    String transcript =
        chat("help\n" + EXECUTION_POLICY_PASTE + "\n\nhelpful\nquit\nnot sent after quit\n", code);

    assertEquals(ExitCodes.OK, code[0]);
    assertEquals(
        2, count(transcript, "pastefix console: paste"), "banner, then help: " + transcript);
    assertTrue(transcript.contains("Set-ExecutionPolicy RemoteSigned"), transcript);
    assertTrue(transcript.contains("Thanks, noted that the answer about execution-policy helped."));
    assertTrue(transcript.strip().endsWith("Bye."), transcript);

    List<Inbound> seen = bot.received();
    assertEquals(1, seen.size(), "only the paste goes to the bot");
    assertEquals(EXECUTION_POLICY_PASTE, seen.get(0).text());
    assertEquals(Channel.DIRECT, seen.get(0).channel());
    assertEquals(
        List.of(
            new Vote("console/local/test:1", List.of("execution-policy"), "console", true, NOW)),
        feedback.all());
  }

  @Test
  void sendsEveryMessageUnderOneConversationKey() {
    int[] code = new int[1];
    chat(
        EXECUTION_POLICY_PASTE + "\n.\nhow do I close my old powershell sessions?\n\nexit\n", code);

    List<Inbound> seen = bot.received();
    assertEquals(2, seen.size());
    assertEquals("how do I close my old powershell sessions?", seen.get(1).text());
    assertTrue(seen.stream().allMatch(m -> m.conversationKey().equals(KEY)));
    assertEquals(ExitCodes.OK, code[0]);
  }

  @Test
  void sendsALineStartingWithASlashAtOnceAsACommand() {
    int[] code = new int[1];
    String transcript = chat("/kb concurrent shells\n/help\nquit\n", code);

    List<Inbound> seen = bot.received();
    assertEquals(
        List.of("kb concurrent shells", "help"), seen.stream().map(Inbound::text).toList());
    assertTrue(seen.stream().allMatch(m -> m.channel() == Channel.COMMAND));
    assertTrue(transcript.contains("max-shells-tenant"), transcript);
  }

  @Test
  void answersTheReplyToAClarifyingQuestionInTheSameChat() {
    int[] code = new int[1];
    String transcript =
        chat(
            "Server is temporarily unavailable when I sign in\n\n"
                + "we use ADFS single sign-on with a self-signed certificate\n\nhelpful\nquit\n",
            code);

    assertTrue(transcript.contains("which one fits?"), transcript);
    assertEquals(
        List.of(List.of("server-unavailable-adfs")),
        feedback.all().stream().map(Vote::entryIds).toList(),
        transcript);
  }

  @Test
  void keepsEmptyLinesInsideAFencedPaste() {
    int[] code = new int[1];
    String paste = "first part\n\nsecond part\n.\nthird part";
    chat("\"\"\"\n" + paste + "\n\"\"\"\nquit\n", code);

    assertEquals(List.of(paste), bot.received().stream().map(Inbound::text).toList());
  }

  @Test
  void endOfInputSendsWhatWasTypedAndEndsWithExitZero() {
    int[] code = new int[1];
    String transcript = chat(EXECUTION_POLICY_PASTE, code);

    assertEquals(ExitCodes.OK, code[0]);
    assertTrue(transcript.contains("Set-ExecutionPolicy RemoteSigned"), transcript);
    assertTrue(transcript.strip().endsWith("Bye."));
  }

  @Test
  void saysSoWhenFeedbackComesBeforeAnyAnswer() {
    int[] code = new int[1];
    String transcript = chat("not helpful\n", code);

    assertTrue(transcript.contains("There is no answer to rate yet."), transcript);
    assertTrue(feedback.all().isEmpty());
  }

  @Test
  void survivesBinaryJunkAndEndlessLines() {
    byte[] junk = new byte[4096];
    new Random(42).nextBytes(junk);
    ByteArrayOutputStream script = new ByteArrayOutputStream();
    script.writeBytes(junk);
    script.writeBytes("\n\n".getBytes(StandardCharsets.UTF_8));
    script.writeBytes(
        "x".repeat(ConsoleAdapter.MAX_MESSAGE_CHARS + 50_000).getBytes(StandardCharsets.UTF_8));
    script.writeBytes(
        ("\n\n" + EXECUTION_POLICY_PASTE + "\n\nquit\n").getBytes(StandardCharsets.UTF_8));
    int[] code = new int[1];

    String transcript = chat(script.toByteArray(), code);

    assertEquals(ExitCodes.OK, code[0]);
    assertTrue(transcript.contains("it was cut"), "the long line is reported as cut");
    assertTrue(
        transcript.contains("Set-ExecutionPolicy RemoteSigned"), "still answers after bad input");
    assertTrue(
        bot.received().stream()
            .allMatch(m -> m.text().length() <= ConsoleAdapter.MAX_MESSAGE_CHARS));
    assertFalse(transcript.contains("could not be handled"), transcript);
  }

  @Test
  void lineReaderCutsLongLinesAndKnowsEveryLineEnding() throws IOException {
    ConsoleAdapter.LineReader lines =
        new ConsoleAdapter.LineReader(new StringReader("abcdef\r\nx\ry\n\nlast"), 4);

    assertEquals("abcd", lines.next().orElseThrow());
    assertTrue(lines.lastLineCut());
    assertEquals("x", lines.next().orElseThrow());
    assertFalse(lines.lastLineCut());
    assertEquals("y", lines.next().orElseThrow());
    assertEquals("", lines.next().orElseThrow());
    assertEquals("last", lines.next().orElseThrow());
    assertTrue(lines.next().isEmpty());
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }
}
