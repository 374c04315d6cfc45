package dev.pastefix.core.reply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlainTextRendererTest {
  private final PlainTextRenderer renderer = new PlainTextRenderer();

  @Test
  void rendersEveryBlockAndActionType() {
    URI article = URI.create("https://learn.microsoft.com/skypeforbusiness/connector");
    Reply reply =
        new Reply(
            "Running scripts is disabled",
            List.of(
                new Block.Heading("Running scripts is disabled"),
                Block.Paragraph.of(
                    new Span.Plain("Matched "),
                    new Span.Strong("running scripts is disabled"),
                    new Span.Plain(" in "),
                    new Span.InlineCode("Import-Module"),
                    new Span.Plain(", see "),
                    new Span.Link("the article", article),
                    new Span.Plain(".")),
                new Block.Steps(
                    List.of(
                        new Block.Step(
                            List.of(new Span.Plain("Open PowerShell as administrator.")),
                            List.of()),
                        new Block.Step(
                            List.of(
                                new Span.Plain("Allow signed scripts, then run "),
                                new Span.InlineCode("Import-Module"),
                                new Span.Plain(" again.")),
                            List.of(
                                "Set-ExecutionPolicy RemoteSigned",
                                "Import-Module LyncOnlineConnector")))),
                new Block.Code("Get-PSSession\n| Remove-PSSession"),
                new Block.Facts(
                    List.of(
                        new Fact("sessions per admin", "3"),
                        new Fact("sessions per tenant", "20"))),
                new Block.Note(
                    Severity.WARNING,
                    List.of(
                        new Span.Plain("Skype for Business Online was retired on 2021-07-31."))),
                new Block.Note(Severity.INFO, List.of(new Span.Plain("Sure: 97%."))),
                new Block.Divider()),
            List.of(
                new Action.OpenLink("Source article", article),
                new Action.RunCheck(
                    new BotCommand.RunCheck("dns", "contoso.com"),
                    "Run check: " + "dns" + " " + "contoso.com"),
                new Action.RunCheck(
                    new BotCommand.RunCheck("sessions", ""), "Run check: " + "sessions"),
                new Action.Feedback(List.of("execution-policy"), true, "Helpful"),
                new Action.Feedback(List.of("execution-policy"), false, "Not helpful"),
                new Action.Share()));

    String expected =
        String.join(
            "\n",
            "Running scripts is disabled",
            "===========================",
            "",
            "Matched running scripts is disabled in `Import-Module`, see the article"
                + " <https://learn.microsoft.com/skypeforbusiness/connector>.",
            "",
            "1. Open PowerShell as administrator.",
            "2. Allow signed scripts, then run `Import-Module` again.",
            "       Set-ExecutionPolicy RemoteSigned",
            "       Import-Module LyncOnlineConnector",
            "",
            "    Get-PSSession",
            "    | Remove-PSSession",
            "",
            "sessions per admin: 3",
            "sessions per tenant: 20",
            "",
            "WARNING: Skype for Business Online was retired on 2021-07-31.",
            "",
            "INFO: Sure: 97%.",
            "",
            "----------------------------------------",
            "",
            "Link: Source article <https://learn.microsoft.com/skypeforbusiness/connector>",
            "Run check: dns contoso.com",
            "Run check: sessions",
            "Was this helpful? type 'helpful' / 'not helpful'",
            "");
    assertEquals(expected, new PlainTextRenderer(200).render(reply));
  }

  @Test
  void wrapsLongParagraphsAtSpacesWithoutSplittingLinks() {
    URI url = URI.create("https://example.com/" + "a".repeat(40));
    Reply reply =
        new Reply(
            "s",
            List.of(
                Block.Paragraph.of(
                    new Span.Plain("one two three four five six seven "),
                    new Span.Link(url.toString(), url))),
            List.of());

    String text = new PlainTextRenderer(40).render(reply);

    assertEquals("one two three four five six seven\n<" + url + ">\n", text);
  }

  @Test
  void alignsStepNumbersAndIndentsWrappedLinesUnderTheText() {
    List<Block.Step> steps =
        java.util.stream.IntStream.rangeClosed(1, 10)
            .mapToObj(i -> new Block.Step(List.of(new Span.Plain("step " + i)), List.of()))
            .toList();

    String text = renderer.steps(new Block.Steps(steps));

    assertTrue(text.startsWith(" 1. step 1\n 2. step 2\n"), text);
    assertTrue(text.endsWith("\n10. step 10"), text);
  }

  @Test
  void underlinesWideHeadingsToTheirDisplayWidth() {
    String text = renderer.heading(new Block.Heading("로그온 실패"));

    assertEquals("로그온 실패\n" + "=".repeat(11), text);
  }

  @Test
  void dropsTerminalControlCharactersFromQuotedText() {
    Reply reply =
        new Reply(
            "s",
            List.of(Block.Paragraph.of(new Span.Strong("bad\u001b[2Jpaste\u0000\u0007 here"))),
            List.of());

    String text = renderer.render(reply);

    assertEquals("bad[2Jpaste here\n", text);
    assertFalse(text.chars().anyMatch(c -> c == 0x1b));
  }

  @Test
  void keepsSpacesOutsideTheMarkers() {
    Reply reply =
        new Reply(
            "s",
            List.of(
                Block.Paragraph.of(
                    new Span.Strong("Cause: "),
                    new Span.Plain("the policy, see"),
                    new Span.InlineCode(" Get-ExecutionPolicy"),
                    new Span.Strong("  "))),
            List.of());

    assertEquals("Cause: the policy, see `Get-ExecutionPolicy`\n", renderer.render(reply));
    assertEquals(
        "\u001B[1mCause:\u001B[0m the policy, see `Get-ExecutionPolicy`\n",
        new PlainTextRenderer(100, PlainTextRenderer.Emphasis.ANSI_BOLD).render(reply));
  }

  @Test
  void fallsBackToTheSummaryWhenThereAreNoBlocks() {
    assertEquals(
        "Nothing to show.\n", renderer.render(new Reply("Nothing to show.", List.of(), List.of())));
  }

  @Test
  void rejectsAWidthTooNarrowToRead() {
    assertThrows(IllegalArgumentException.class, () -> new PlainTextRenderer(5));
  }
}
