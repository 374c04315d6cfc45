package dev.pastefix.slack;

import dev.pastefix.core.Finding;
import dev.pastefix.core.Outcome;
import dev.pastefix.core.reply.Action;
import dev.pastefix.core.reply.Block;
import dev.pastefix.core.reply.BotCommand;
import dev.pastefix.core.reply.Fact;
import dev.pastefix.core.reply.Reply;
import dev.pastefix.core.reply.Severity;
import dev.pastefix.core.reply.Span;
import java.net.URI;
import java.util.List;

/** Hand-made replies that use every block and action type, for the renderer's unit tests. */
final class SampleReplies {
  private SampleReplies() {}

  static Reply everyBlockType() {
    return new Reply(
        "Too many remote PowerShell sessions for this tenant",
        List.of(
            new Block.Heading("Too many sessions for this tenant"),
            Block.Paragraph.of(
                new Span.Plain("The tenant already has "),
                new Span.Strong("20"),
                new Span.Plain(" open sessions; see "),
                new Span.InlineCode("Get-PSSession"),
                new Span.Plain(" and "),
                new Span.Link("the article", URI.create("https://example.org/article#limits"))),
            new Block.Steps(
                List.of(
                    new Block.Step(
                        List.of(new Span.Plain("Close the sessions you do not need")),
                        List.of("Get-PSSession | Remove-PSSession")),
                    new Block.Step(List.of(new Span.Plain("Try again")), List.of()))),
            new Block.Code("New-PSSession -ConnectionUri https://admin1a.online.lync.com/ <x>"),
            new Block.Facts(
                List.of(
                    new Fact("Per admin", "3 sessions"), new Fact("Per tenant", "20 sessions"))),
            new Block.Note(
                Severity.INFO, List.of(new Span.Plain("Matched: maximum number & more"))),
            new Block.Note(
                Severity.WARNING, List.of(new Span.Plain("Skype for Business Online was retired"))),
            new Block.Divider()),
        List.of(
            new Action.OpenLink("Source article", URI.create("https://example.org/article")),
            new Action.RunCheck(new BotCommand.RunCheck("dns", "contoso.com"), "Run check: " + "dns" + " " + "contoso.com"),
            new Action.Feedback(List.of("max-shells-tenant"), true, "Helpful"),
            new Action.Feedback(List.of("max-shells-tenant"), false, "Not helpful"),
            new Action.Share()));
  }

  static Outcome answer(String entryId, String title) {
    Reply reply =
        new Reply(
            title,
            List.of(
                new Block.Heading(title),
                Block.Paragraph.of(new Span.Plain("Entry " + entryId)),
                new Block.Note(Severity.INFO, List.of(new Span.Plain("Matched " + entryId)))),
            List.of(new Action.Feedback(List.of(entryId), true, "Helpful"), new Action.Feedback(List.of(entryId), false, "Not helpful")));
    return new Outcome.Answer(List.of(new Finding(entryId, 0.97, List.of("signature"))), reply);
  }
}
