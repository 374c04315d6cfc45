package dev.pastefix.discord;

import dev.pastefix.core.reply.Action;
import dev.pastefix.core.reply.Block;
import dev.pastefix.core.reply.BotCommand;
import dev.pastefix.core.reply.Fact;
import dev.pastefix.core.reply.Reply;
import dev.pastefix.core.reply.Severity;
import dev.pastefix.core.reply.Span;
import java.net.URI;
import java.util.List;

/** Hand-built replies for renderer tests that need a shape the engine would not produce. */
final class SampleReplies {
  static final URI ARTICLE =
      URI.create(
          "https://learn.microsoft.com/en-us/skypeforbusiness/troubleshoot/"
              + "diagnose-connection-problems#execution-policy");

  private SampleReplies() {}

  static Reply executionPolicy() {
    return new Reply(
        "Execution policy blocks the connector module",
        List.of(
            new Block.Heading("Execution policy blocks the Skype for Business Online connector"),
            Block.Paragraph.of(
                new Span.Plain("Matched "),
                new Span.InlineCode("running scripts is disabled on this system"),
                new Span.Plain(" (sure: 97%).")),
            Block.Paragraph.of(
                new Span.Strong("Cause: "),
                new Span.Plain("the PowerShell execution policy does not allow signed scripts.")),
            new Block.Steps(
                List.of(
                    new Block.Step(
                        List.of(new Span.Plain("Open PowerShell as an administrator.")), List.of()),
                    new Block.Step(
                        List.of(new Span.Plain("Allow signed scripts:")),
                        List.of("Set-ExecutionPolicy RemoteSigned")))),
            new Block.Note(
                Severity.WARNING,
                List.of(
                    new Span.Plain("Skype for Business Online was retired on 2021-07-31. "),
                    new Span.Link("Source", ARTICLE)))),
        List.of(
            new Action.Feedback(List.of("execution-policy"), true, "Helpful"),
            new Action.Feedback(List.of("execution-policy"), false, "Not helpful"),
            new Action.OpenLink("Source article", ARTICLE)));
  }

  static Reply dontKnow() {
    return new Reply(
        "I don't know this one yet",
        List.of(
            new Block.Heading("I don't know this one yet"),
            Block.Paragraph.of(new Span.Plain("The closest entries:")),
            new Block.Facts(List.of(new Fact("collect-logs", "Collect logs and contact support")))),
        List.of());
  }

  /** One block of every kind, every span and every action. */
  static Reply everything() {
    return new Reply(
        "everything",
        List.of(
            new Block.Heading("Title"),
            Block.Paragraph.of(
                new Span.Plain("plain *not bold* "),
                new Span.Strong("strong"),
                new Span.Plain(" "),
                new Span.InlineCode("code"),
                new Span.Plain(" "),
                new Span.Link("link", ARTICLE)),
            new Block.Steps(
                List.of(new Block.Step(List.of(new Span.Plain("step")), List.of("Get-Thing")))),
            new Block.Code("Import-Module LyncOnlineConnector"),
            new Block.Facts(List.of(new Fact("Sessions per admin", "3"))),
            new Block.Note(Severity.ERROR, List.of(new Span.Plain("bad"))),
            new Block.Divider(),
            new Block.Heading("Second")),
        List.of(
            new Action.OpenLink("Article", ARTICLE),
            new Action.Feedback(List.of("a", "b"), true, "Helpful"),
            new Action.RunCheck(new BotCommand.RunCheck("dns-cname", "contoso.com"), "Run check: " + "dns-cname" + " " + "contoso.com"),
            new Action.Share()));
  }
}
