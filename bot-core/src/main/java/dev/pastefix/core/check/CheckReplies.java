package dev.pastefix.core.check;

import dev.pastefix.core.reply.Action;
import dev.pastefix.core.reply.Block;
import dev.pastefix.core.reply.Fact;
import dev.pastefix.core.reply.Reply;
import dev.pastefix.core.reply.Severity;
import dev.pastefix.core.reply.Span;
import dev.pastefix.knowledge.Entry;
import dev.pastefix.knowledge.KnowledgeBase;
import dev.pastefix.knowledge.LifecycleNote;
import dev.pastefix.knowledge.Step;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the replies of checks: the list of checks, the command to run, and a verdict with its
 * table, the computed fix, and the cause and steps of the related knowledge-base entries.
 */
public final class CheckReplies {
  /** Notification text is cut here; platforms show only the start of it. */
  public static final int SUMMARY_LIMIT = 150;

  private final KnowledgeBase knowledge;

  public CheckReplies(KnowledgeBase knowledge) {
    this.knowledge = Objects.requireNonNull(knowledge, "knowledge");
  }

  /** What {@code check} with no name answers. */
  public Reply list(CheckCatalog catalog) {
    List<Fact> facts = new ArrayList<>();
    for (Check check : catalog.all()) {
      facts.add(new Fact(check.id(), check.title() + " - " + usageLine(check)));
    }
    return new Reply(
        "Checks: " + String.join(", ", catalog.all().stream().map(Check::id).toList()),
        List.of(
            new Block.Heading("Checks"),
            Block.Paragraph.of(
                new Span.Plain("Run one with "),
                new Span.InlineCode("check <name>"),
                new Span.Plain(
                    ". The DNS check looks the records up itself; the others give you a command"
                        + " to run and read the output you paste back.")),
            new Block.Facts(facts)),
        List.of());
  }

  private static String usageLine(Check check) {
    if (check instanceof GuidedCheck) {
      return "runs " + ((GuidedCheck) check).command();
    }
    return check.usage();
  }

  /** Asks the administrator to run a guided check's command and paste its output. */
  public Reply instructions(GuidedCheck check, Duration wait) {
    return new Reply(
        "Run " + check.command() + " and paste the output here",
        List.of(
            new Block.Heading("Check " + check.id() + ": " + check.title()),
            Block.Paragraph.of(
                new Span.Plain(
                    "Run this in PowerShell on the computer where the problem happens, then paste"
                        + " everything it prints as your next message here (I will read it for the"
                        + " next "
                        + wait.toMinutes()
                        + " minutes):")),
            new Block.Code(check.command()),
            Block.Paragraph.of(
                new Span.Plain("Or send it in one go: "),
                new Span.InlineCode("check " + check.id() + " <output>"))),
        List.of());
  }

  /** The answer to {@code check <name>} when no check has that name. */
  public Reply unknownCheck(String name, CheckCatalog catalog) {
    String shown = name.length() > 40 ? name.substring(0, 37) + "..." : name;
    Reply list = list(catalog);
    List<Block> blocks = new ArrayList<>();
    blocks.add(
        new Block.Note(
            Severity.WARNING,
            List.of(
                new Span.Plain("There is no check called "),
                new Span.InlineCode(shown),
                new Span.Plain("."))));
    blocks.addAll(list.blocks());
    return new Reply("No check called " + shown, blocks, List.of());
  }

  /** A verdict: status, table, computed fix, then the knowledge base's cause, steps and links. */
  public Reply verdict(Check check, CheckVerdict verdict) {
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Block.Heading("Check " + check.id() + ": " + check.title()));
    blocks.add(
        new Block.Note(
            severity(verdict.status()),
            List.of(
                new Span.Strong(word(verdict.status())),
                new Span.Plain(" " + verdict.headline()))));
    if (!verdict.lines().isEmpty()) {
      List<Fact> facts = new ArrayList<>();
      for (CheckLine line : verdict.lines()) {
        facts.add(new Fact(line.label(), mark(line.status()) + " " + line.value()));
      }
      blocks.add(new Block.Facts(facts));
    }
    Set<String> computedCommands = new HashSet<>();
    if (!verdict.fix().isEmpty()) {
      blocks.add(
          Block.Paragraph.of(new Span.Strong(verdict.recognised() ? "How to fix" : "What to do")));
      List<Block.Step> steps = new ArrayList<>();
      for (FixStep step : verdict.fix()) {
        steps.add(new Block.Step(List.of(new Span.Plain(step.text())), step.commands()));
        computedCommands.addAll(step.commands());
      }
      blocks.add(new Block.Steps(steps));
    }
    List<Entry> entries = entries(verdict.relatedEntryIds());
    if (verdict.status() == CheckStatus.PROBLEM) {
      blocks.addAll(explanations(entries, computedCommands));
    }
    for (String note : verdict.notes()) {
      blocks.add(new Block.Note(Severity.INFO, List.of(new Span.Plain(note))));
    }
    if (verdict.status() == CheckStatus.PROBLEM) {
      Set<String> seen = new LinkedHashSet<>();
      for (Entry entry : entries) {
        for (LifecycleNote note : entry.lifecycle()) {
          if (seen.add(note.text())) {
            blocks.add(new Block.Note(lifecycle(note), List.of(new Span.Plain(note.text()))));
          }
        }
      }
    }
    List<Action> actions = new ArrayList<>();
    if (verdict.recognised()) {
      knowledgeLinks(check, verdict, blocks, actions);
    }
    return new Reply(summary(check, verdict), blocks, actions);
  }

  /** Why, for each entry of a problem: its cause and the article's steps not computed above. */
  private static List<Block> explanations(List<Entry> entries, Set<String> computedCommands) {
    List<Block> blocks = new ArrayList<>();
    for (Entry entry : entries) {
      blocks.add(
          Block.Paragraph.of(
              new Span.Strong("Why (" + entry.title() + "): "), new Span.Plain(entry.cause())));
      List<Block.Step> steps = new ArrayList<>();
      for (Step step : entry.steps()) {
        if (step.commands().isEmpty() || !computedCommands.containsAll(step.commands())) {
          steps.add(new Block.Step(List.of(new Span.Plain(step.text())), step.commands()));
        }
      }
      if (!steps.isEmpty()) {
        blocks.add(Block.Paragraph.of(new Span.Plain("The article's steps:")));
        blocks.add(new Block.Steps(steps));
      }
    }
    return blocks;
  }

  /** The knowledge-base entries behind a verdict, as a source line and an article button. */
  private void knowledgeLinks(
      Check check, CheckVerdict verdict, List<Block> blocks, List<Action> actions) {
    // The verdict's entries explain the problem; the check's own entries are worth a link too.
    Set<String> linkedIds = new LinkedHashSet<>(verdict.relatedEntryIds());
    linkedIds.addAll(check.relatedEntryIds());
    List<Entry> linked = entries(List.copyOf(linkedIds));
    if (linked.isEmpty()) {
      return;
    }
    List<Span> links = new ArrayList<>();
    links.add(new Span.Plain("Knowledge base: "));
    for (Entry entry : linked) {
      if (links.size() > 1) {
        links.add(new Span.Plain(", "));
      }
      links.add(new Span.Link(entry.title(), entry.source().url()));
      links.add(new Span.Plain(" (" + entry.id() + ")"));
    }
    blocks.add(new Block.Source(links));
    actions.add(new Action.OpenLink("Source article", linked.get(0).source().url()));
  }

  private List<Entry> entries(List<String> ids) {
    List<Entry> entries = new ArrayList<>();
    for (String id : ids) {
      Optional<Entry> entry = knowledge.entry(id);
      entry.ifPresent(entries::add);
    }
    return entries;
  }

  static String summary(Check check, CheckVerdict verdict) {
    String text =
        "check " + check.id() + ": " + word(verdict.status()) + " - " + verdict.headline();
    return text.length() > SUMMARY_LIMIT ? text.substring(0, SUMMARY_LIMIT - 3) + "..." : text;
  }

  static String word(CheckStatus status) {
    switch (status) {
      case OK:
        return "OK";
      case PROBLEM:
        return "Problem";
      default:
        return "Not recognised";
    }
  }

  static String mark(CheckStatus status) {
    switch (status) {
      case OK:
        return "[ok]";
      case PROBLEM:
        return "[!!]";
      default:
        return "[??]";
    }
  }

  private static Severity severity(CheckStatus status) {
    switch (status) {
      case OK:
        return Severity.SUCCESS;
      case PROBLEM:
        return Severity.ERROR;
      default:
        return Severity.WARNING;
    }
  }

  private static Severity lifecycle(LifecycleNote note) {
    return note.severity() == LifecycleNote.Severity.WARNING ? Severity.WARNING : Severity.INFO;
  }
}
