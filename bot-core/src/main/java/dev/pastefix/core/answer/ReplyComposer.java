package dev.pastefix.core.answer;

import dev.pastefix.core.check.CheckInput;
import dev.pastefix.core.classify.Candidate;
import dev.pastefix.core.reply.Action;
import dev.pastefix.core.reply.Block;
import dev.pastefix.core.reply.BotCommand;
import dev.pastefix.core.reply.Fact;
import dev.pastefix.core.reply.Reply;
import dev.pastefix.core.reply.Severity;
import dev.pastefix.core.reply.Span;
import dev.pastefix.core.text.MessageFacts;
import dev.pastefix.knowledge.Article;
import dev.pastefix.knowledge.Entry;
import dev.pastefix.knowledge.KnowledgeBase;
import dev.pastefix.knowledge.LifecycleNote;
import dev.pastefix.knowledge.Link;
import dev.pastefix.knowledge.Step;
import dev.pastefix.knowledge.Translation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns decisions into {@link Reply} trees: for each finding the entry's title, what matched and
 * how sure, the cause, numbered steps with commands, facts, lifecycle notes and links, in the
 * message's language when the entry has a translation. Immutable and thread-safe.
 */
public final class ReplyComposer {
  /** The longest evidence quote shown; a whole paste would drown the answer. */
  static final int MAX_EVIDENCE_CHARS = 160;

  private static final com.google.re2j.Pattern WHITESPACE = com.google.re2j.Pattern.compile("\\s+");

  private final KnowledgeBase kb;
  private final Map<String, CheckInput> checkInputs;

  /** A composer whose "Run check" buttons carry no argument (no checks are known). */
  public ReplyComposer(KnowledgeBase kb) {
    this(kb, Map.of());
  }

  /**
   * A composer over {@code kb}; {@code checkInputs} says, per check id, what a "Run check" button
   * takes from the paste.
   */
  public ReplyComposer(KnowledgeBase kb, Map<String, CheckInput> checkInputs) {
    this.kb = kb;
    this.checkInputs = Map.copyOf(checkInputs);
  }

  /** An answer presenting each finding in order. */
  public Reply answer(List<Candidate> findings, MessageFacts facts) {
    List<Block> blocks = new ArrayList<>();
    List<Action> actions = new ArrayList<>();
    List<String> titles = new ArrayList<>();
    Set<String> seenLinks = new LinkedHashSet<>();
    Labels labels = Labels.of(facts.lang());
    Wording wording = Wording.of(facts.lang());
    boolean several = findings.size() > 1;
    boolean first = true;
    for (Candidate finding : findings) {
      Optional<Entry> found = kb.entry(finding.entryId());
      if (found.isEmpty()) {
        continue;
      }
      Entry entry = found.get();
      Optional<Translation> tr = translation(entry, facts.lang());
      if (!first) {
        blocks.add(new Block.Divider());
      }
      first = false;
      String title = tr.map(Translation::title).orElse(entry.title());
      titles.add(title);
      blocks.add(new Block.Heading(title));
      blocks.add(matchedLine(finding, labels));
      blocks.add(
          Block.Paragraph.of(
              new Span.Strong(labels.cause()),
              new Span.Plain(tr.map(Translation::cause).orElse(entry.cause()))));
      blocks.add(steps(entry, tr));
      String lang = labels.lang();
      if (!entry.facts().isEmpty()) {
        List<Fact> shown = new ArrayList<>();
        for (dev.pastefix.knowledge.Fact f : entry.facts()) {
          shown.add(new Fact(f.name(lang), f.value(lang)));
        }
        blocks.add(new Block.Facts(shown));
      }
      for (dev.pastefix.knowledge.Change change : entry.changes()) {
        blocks.add(
            new Block.Note(
                Severity.INFO,
                List.of(new Span.Plain(labels.since(change.since()) + change.text(lang)))));
      }
      blocks.addAll(lifecycle(entry, labels));
      blocks.add(links(entry, labels));
      addLinkActions(entry, title, several, labels, actions, seenLinks);
      entry.check().ifPresent(check -> actions.add(runCheck(check, facts, wording)));
    }
    addFeedback(findings.stream().map(Candidate::entryId).toList(), wording, actions);
    String summary =
        titles.size() == 1
            ? "Looks like: " + titles.get(0)
            : "Found " + titles.size() + " problems: " + String.join("; ", titles);
    return new Reply(summary, blocks, actions, wording.lang());
  }

  /** A clarifying question: the same error text has several causes. */
  public Reply clarify(List<String> ids, String evidence, MessageFacts facts) {
    List<Block> blocks = new ArrayList<>();
    List<Action> actions = new ArrayList<>();
    Labels labels = Labels.of(facts.lang());
    Wording wording = Wording.of(facts.lang());
    blocks.add(new Block.Heading(labels.clarifyHeading()));
    blocks.add(
        Block.Provenance.of(
            new Span.Plain(labels.recognised()), new Span.InlineCode(shorten(evidence))));
    List<Block.Step> options = new ArrayList<>();
    List<String> titles = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (String id : ids) {
      Optional<Entry> found = kb.entry(id);
      if (found.isEmpty()) {
        continue;
      }
      Entry entry = found.get();
      Optional<Translation> tr = translation(entry, facts.lang());
      String title = tr.map(Translation::title).orElse(entry.title());
      titles.add(title);
      List<Span> spans = new ArrayList<>();
      spans.add(new Span.Strong(title + ": "));
      spans.add(new Span.Plain(tr.map(Translation::cause).orElse(entry.cause())));
      spans.add(new Span.Plain(" "));
      spans.add(new Span.Link(labels.articleSection(), entry.source().url()));
      List<String> commands = entry.steps().isEmpty() ? List.of() : entry.steps().get(0).commands();
      options.add(new Block.Step(spans, commands));
      addLinkActions(entry, title, true, labels, actions, seen);
      entry.check().ifPresent(check -> actions.add(runCheck(check, facts, wording)));
    }
    blocks.add(new Block.Steps(options));
    blocks.add(Block.Paragraph.of(new Span.Plain(labels.clarifyAsk())));
    if (!ids.isEmpty()) {
      kb.entry(ids.get(0)).ifPresent(e -> blocks.addAll(lifecycle(e, labels)));
    }
    addFeedback(ids, wording, actions);
    return new Reply(
        "Two possible causes: " + String.join(" or ", titles), blocks, actions, wording.lang());
  }

  /** Addressed, nothing recognised: say so and offer the closest entries. */
  public Reply unknown(List<String> closest, String why) {
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Block.Heading("I don't recognise this one"));
    blocks.add(Block.Paragraph.of(new Span.Plain(why)));
    if (!closest.isEmpty()) {
      blocks.add(Block.Paragraph.of(new Span.Strong("The closest entries I know:")));
      List<Block.Step> items = new ArrayList<>();
      for (String id : closest) {
        kb.entry(id)
            .ifPresent(
                e ->
                    items.add(
                        new Block.Step(
                            List.of(
                                new Span.Link(e.title(), e.source().url()),
                                new Span.Plain(" ("),
                                new Span.InlineCode(e.id()),
                                new Span.Plain(")")),
                            List.of())));
      }
      blocks.add(new Block.Steps(items));
    }
    blocks.add(
        Block.Paragraph.of(
            new Span.Plain("Paste the full error text (with the lines PowerShell prints), or try "),
            new Span.InlineCode("kb <words>"),
            new Span.Plain(" to search the knowledge base.")));
    return new Reply("I don't recognise this problem.", blocks, List.of());
  }

  /** Addressed, but the message belongs to another service this bot does not cover. */
  public Reply otherService(String service) {
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Block.Heading("This looks like " + service + ", which I don't cover"));
    blocks.add(
        Block.Paragraph.of(
            new Span.Plain(
                "I know connection and sign-in problems of Skype for Business Online (remote"
                    + " PowerShell through the connector, and client sign-in). The same words can"
                    + " come from "
                    + service
                    + ", but its causes and fixes differ, so Skype for Business advice would"
                    + " mislead you. Check that service's own documentation.")));
    return new Reply("Looks like " + service + ": not covered by this bot.", blocks, List.of());
  }

  /** Addressed with input that cannot be analysed (empty, binary). */
  public Reply badInput(String problem) {
    return new Reply(
        problem,
        List.of(
            new Block.Heading("Nothing I can read"),
            Block.Paragraph.of(new Span.Plain(problem)),
            Block.Paragraph.of(
                new Span.Plain("Paste the error text as text, or send "),
                new Span.InlineCode("help"),
                new Span.Plain(" to see what I can do."))),
        List.of());
  }

  /** What the bot does and its sub-commands; {@code note} explains why help is shown, if needed. */
  public Reply help(Optional<String> note, List<String> commandLines) {
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Block.Heading("pastefix: Skype for Business Online troubleshooting"));
    note.ifPresent(n -> blocks.add(new Block.Note(Severity.WARNING, List.of(new Span.Plain(n)))));
    blocks.add(
        Block.Paragraph.of(
            new Span.Plain(
                "Paste an error or ask a question about connecting to Skype for Business Online"
                    + " PowerShell or signing in, and I answer with the cause, the commands to run"
                    + " and the source article. I know "
                    + kb.entries().size()
                    + " problems.")));
    List<Block.Step> items = new ArrayList<>();
    for (String line : commandLines) {
      int space = line.indexOf(" - ");
      if (space > 0) {
        items.add(
            new Block.Step(
                List.of(
                    new Span.InlineCode(line.substring(0, space)),
                    new Span.Plain(line.substring(space))),
                List.of()));
      } else {
        items.add(new Block.Step(List.of(new Span.InlineCode(line)), List.of()));
      }
    }
    blocks.add(new Block.Steps(items));
    return new Reply(
        "pastefix help: paste an error, or use " + String.join(", ", commandLines),
        blocks,
        List.of());
  }

  /**
   * One entry shown in full: the chat's {@code kb ID} and the command line's {@code kb show ID}
   * both show this view.
   */
  public Reply entry(Entry entry) {
    Candidate shown = new Candidate(entry.id(), 1.0, Candidate.Source.SIGNATURE, 0, "", List.of());
    Reply full = answer(List.of(shown), dev.pastefix.core.text.MessageFacts.none());
    List<Block> blocks = new ArrayList<>();
    for (Block b : full.blocks()) {
      // Shown by id, nothing was matched: the provenance line has nothing to say.
      if (!(b instanceof Block.Provenance)) {
        blocks.add(b);
      }
    }
    List<Block.Step> symptoms = new ArrayList<>();
    for (dev.pastefix.knowledge.Symptom s : entry.symptoms()) {
      String kind = s.literal() ? " (" + s.lang() + ")" : " (" + s.lang() + ", pattern)";
      symptoms.add(
          new Block.Step(
              List.of(new Span.InlineCode(s.source()), new Span.Plain(kind)), List.of()));
    }
    if (!symptoms.isEmpty()) {
      blocks.add(1, new Block.Steps(symptoms));
      blocks.add(1, Block.Paragraph.of(new Span.Strong("Error texts:")));
    }
    blocks.add(1, new Block.Facts(about(entry)));
    return new Reply(entry.id() + ": " + entry.title(), blocks, full.actions());
  }

  /** Where an entry lives and what goes with it: id, article, check and translations. */
  private List<Fact> about(Entry entry) {
    List<Fact> about = new ArrayList<>();
    about.add(new Fact("Id", entry.id()));
    about.add(
        new Fact(
            "Article",
            kb.article(entry.articleId()).map(Article::title).orElse(entry.articleId())
                + " (text of "
                + entry.source().textDate()
                + ")"));
    entry.check().ifPresent(check -> about.add(new Fact("Check", "check " + check)));
    about.add(
        new Fact(
            "Translations",
            entry.translations().isEmpty()
                ? "none"
                : String.join(", ", entry.translations().keySet().stream().sorted().toList())));
    return about;
  }

  /** The best matches for some words (the {@code kb WORDS} command). */
  public Reply matches(String words, List<String> ids) {
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Block.Heading("Entries matching \"" + shorten(words) + "\""));
    List<Block.Step> items = new ArrayList<>();
    for (String id : ids) {
      kb.entry(id)
          .ifPresent(
              e ->
                  items.add(
                      new Block.Step(
                          List.of(
                              new Span.InlineCode(e.id()),
                              new Span.Plain(" "),
                              new Span.Link(e.title(), e.source().url())),
                          List.of())));
    }
    blocks.add(new Block.Steps(items));
    blocks.add(
        Block.Paragraph.of(
            new Span.Plain("Show one with "), new Span.InlineCode("kb <id>"), new Span.Plain(".")));
    return new Reply("Closest entries: " + String.join(", ", ids), blocks, List.of());
  }

  private static Block matchedLine(Candidate finding, Labels labels) {
    long percent = Math.round(finding.score() * 100);
    String sure = " (" + percent + "% " + labels.sure() + ")";
    if (finding.source() == Candidate.Source.MODEL) {
      return Block.Provenance.of(
          new Span.Strong(labels.matched()), new Span.Plain(labels.similar() + sure));
    }
    String what =
        finding.source() == Candidate.Source.PHRASE ? labels.yourWords() : labels.errorText();
    return Block.Provenance.of(
        new Span.Strong(labels.matched()),
        new Span.Plain(what),
        new Span.InlineCode(shorten(finding.evidence())),
        new Span.Plain(sure));
  }

  private static Block steps(Entry entry, Optional<Translation> tr) {
    List<Block.Step> items = new ArrayList<>();
    for (int i = 0; i < entry.steps().size(); i++) {
      Step step = entry.steps().get(i);
      String text = step.text();
      if (tr.isPresent() && i < tr.get().steps().size()) {
        text = tr.get().steps().get(i);
      }
      items.add(new Block.Step(List.of(new Span.Plain(text)), step.commands()));
    }
    return new Block.Steps(items);
  }

  private List<Block> lifecycle(Entry entry, Labels labels) {
    List<Block> notes = new ArrayList<>();
    List<LifecycleNote> all = new ArrayList<>();
    kb.article(entry.articleId()).ifPresent(a -> all.addAll(a.lifecycle()));
    all.addAll(entry.lifecycle());
    for (LifecycleNote note : all) {
      List<Span> spans = new ArrayList<>();
      spans.add(new Span.Plain(note.text(labels.lang())));
      note.link()
          .ifPresent(
              url -> {
                spans.add(new Span.Plain(" "));
                spans.add(new Span.Link(labels.more(), url));
              });
      notes.add(
          new Block.Note(
              note.severity() == LifecycleNote.Severity.WARNING ? Severity.WARNING : Severity.INFO,
              spans));
    }
    return notes;
  }

  private Block links(Entry entry, Labels labels) {
    List<Span> spans = new ArrayList<>();
    spans.add(new Span.Strong(labels.source()));
    String articleTitle = kb.article(entry.articleId()).map(Article::title).orElse("article");
    spans.add(new Span.Link(articleTitle, entry.source().url()));
    for (Link link : entry.links()) {
      spans.add(new Span.Plain(" · "));
      spans.add(new Span.Link(link.label(), link.url()));
    }
    return new Block.Source(spans);
  }

  /** One button per article section; with several findings the label names the entry. */
  private static void addLinkActions(
      Entry entry,
      String title,
      boolean several,
      Labels labels,
      List<Action> actions,
      Set<String> seen) {
    if (seen.add(entry.source().url().toString())) {
      String label =
          several ? labels.openArticle() + ": " + shorten(title, 60) : labels.openArticle();
      actions.add(new Action.OpenLink(label, entry.source().url()));
    }
  }

  /** The check's button, with the argument the check declares it takes from the paste. */
  private Action runCheck(String checkId, MessageFacts facts, Wording wording) {
    String argument = checkInputs.getOrDefault(checkId, CheckInput.NOTHING).from(facts).orElse("");
    return new Action.RunCheck(
        new BotCommand.RunCheck(checkId, argument), wording.runCheck(checkId, argument));
  }

  private static void addFeedback(List<String> entryIds, Wording wording, List<Action> actions) {
    actions.add(new Action.Feedback(entryIds, true, wording.helpful()));
    actions.add(new Action.Feedback(entryIds, false, wording.notHelpful()));
  }

  private static Optional<Translation> translation(Entry entry, String lang) {
    if (lang.equals("en")) {
      return Optional.empty();
    }
    return entry.translation(lang);
  }

  static String shorten(String text) {
    return shorten(text, MAX_EVIDENCE_CHARS);
  }

  static String shorten(String text, int max) {
    String t = WHITESPACE.matcher(text.strip()).replaceAll(" ");
    return t.length() <= max ? t : t.substring(0, max - 1) + "…";
  }
}
