package dev.pastefix.app;

import dev.pastefix.knowledge.Article;
import dev.pastefix.knowledge.Change;
import dev.pastefix.knowledge.Entry;
import dev.pastefix.knowledge.Fact;
import dev.pastefix.knowledge.InvalidKnowledgeException;
import dev.pastefix.knowledge.KnowledgeBase;
import dev.pastefix.knowledge.KnowledgeLoader;
import dev.pastefix.knowledge.LifecycleNote;
import dev.pastefix.knowledge.Link;
import dev.pastefix.knowledge.Problem;
import dev.pastefix.knowledge.Step;
import dev.pastefix.knowledge.Symptom;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code pastefix kb list|show ID|validate [DIR]}: read and check the knowledge base. The knowledge
 * base is the shipped one plus the administrator's directory ({@code --knowledge DIR} or {@code
 * PASTEFIX_KNOWLEDGE_DIR}) when set.
 */
final class KbCommand implements Command {
  /** Text is wrapped to this many columns. */
  static final int WIDTH = 100;

  /** How many ids {@code kb show} suggests for an unknown id. */
  static final int SUGGESTIONS = 3;

  private final KnowledgeLoader loader;

  KbCommand(KnowledgeLoader loader) {
    this.loader = loader;
  }

  @Override
  public String name() {
    return "kb";
  }

  @Override
  public String synopsis() {
    return "kb list | kb show ID | kb validate [DIR]";
  }

  @Override
  public int run(List<String> args, Terminal terminal) {
    if (args.isEmpty()) {
      return usage(terminal, "kb needs a sub-command.");
    }
    String sub = args.get(0);
    List<String> rest = args.subList(1, args.size());
    switch (sub) {
      case "list":
        return rest.isEmpty() ? list(terminal) : usage(terminal, "kb list takes no arguments.");
      case "show":
        return rest.size() == 1
            ? show(rest.get(0), terminal)
            : usage(terminal, "kb show needs one entry id.");
      case "validate":
        if (rest.size() > 1) {
          return usage(terminal, "kb validate takes at most one directory.");
        }
        return rest.isEmpty()
            ? validateAll(terminal)
            : validateDirectory(Path.of(rest.get(0)), terminal);
      default:
        return usage(terminal, "unknown kb sub-command '" + sub + "'.");
    }
  }

  private int usage(Terminal terminal, String message) {
    terminal.err().println("pastefix " + message);
    terminal.err().println("Usage: pastefix [--knowledge DIR] " + synopsis());
    return ExitCodes.USAGE;
  }

  private Optional<KnowledgeBase> load(Terminal terminal) {
    Optional<Path> adminDir = Settings.knowledgeDirFrom(terminal.env());
    try {
      return Optional.of(loader.load(adminDir));
    } catch (InvalidKnowledgeException e) {
      terminal.err().println("pastefix kb: the knowledge base is invalid.");
      printProblems(e.problems(), terminal.err());
      return Optional.empty();
    }
  }

  private int list(Terminal terminal) {
    Optional<KnowledgeBase> kb = load(terminal);
    if (kb.isEmpty()) {
      return ExitCodes.NEGATIVE;
    }
    int idWidth = kb.get().entries().stream().mapToInt(e -> e.id().length()).max().orElse(0);
    int articleWidth =
        kb.get().entries().stream().mapToInt(e -> e.articleId().length()).max().orElse(0);
    for (Entry entry : kb.get().entries()) {
      terminal
          .out()
          .printf(
              "%-" + idWidth + "s  %-" + articleWidth + "s  %s%n",
              entry.id(),
              entry.articleId(),
              entry.title());
    }
    return ExitCodes.OK;
  }

  private int show(String id, Terminal terminal) {
    Optional<KnowledgeBase> loaded = load(terminal);
    if (loaded.isEmpty()) {
      return ExitCodes.NEGATIVE;
    }
    KnowledgeBase kb = loaded.get();
    Optional<Entry> found = kb.entry(id.strip().toLowerCase(Locale.ROOT));
    if (found.isEmpty()) {
      terminal.err().println("pastefix kb show: no entry '" + id + "'.");
      terminal.err().println("Closest ids: " + String.join(", ", kb.closestIds(id, SUGGESTIONS)));
      terminal.err().println("'pastefix kb list' lists every entry.");
      return ExitCodes.NEGATIVE;
    }
    print(kb, found.get(), terminal.out());
    return ExitCodes.OK;
  }

  private void print(KnowledgeBase kb, Entry entry, PrintStream out) {
    Article article = kb.articleOf(entry);
    out.println(entry.title());
    out.println("id: " + entry.id() + "   article: " + article.id());
    out.println("Source: " + entry.source().url());
    wrap(
        out,
        "  ",
        "from \""
            + article.title()
            + "\", text of "
            + entry.source().textDate()
            + (entry.source().seeds().isEmpty()
                ? ""
                : " (" + String.join(", ", entry.source().seeds()) + ")"));
    out.println();
    out.println("Symptoms:");
    for (Symptom symptom : entry.symptoms()) {
      wrap(
          out,
          "  ",
          "["
              + symptom.lang()
              + "] "
              + (symptom.literal()
                  ? "\"" + symptom.source() + "\""
                  : "pattern: " + symptom.source()));
    }
    out.println();
    out.println("Cause:");
    wrap(out, "  ", entry.cause());
    out.println();
    out.println("Steps:");
    List<Step> steps = entry.steps();
    for (int i = 0; i < steps.size(); i++) {
      wrapHanging(out, String.format("  %d. ", i + 1), steps.get(i).text());
      for (String command : steps.get(i).commands()) {
        out.println("       > " + command);
      }
    }
    section(out, "Links:", entry.links(), (Link l) -> l.label() + ": " + l.url());
    section(out, "Facts:", entry.facts(), (Fact f) -> f.name() + ": " + f.value());
    section(out, "Changes:", entry.changes(), (Change c) -> c.since() + ": " + c.text());
    List<LifecycleNote> notes = new ArrayList<>(entry.lifecycle());
    notes.addAll(article.lifecycle());
    section(
        out,
        "Lifecycle:",
        notes,
        (LifecycleNote n) ->
            n.severity().name().toLowerCase(Locale.ROOT)
                + ": "
                + n.text()
                + n.link().map(l -> " (" + l + ")").orElse(""));
    entry
        .check()
        .ifPresent(
            c -> {
              out.println();
              out.println("Check: " + c);
            });
    out.println();
    out.println(
        "Translations: "
            + (entry.translations().isEmpty()
                ? "none"
                : String.join(", ", entry.translations().keySet().stream().sorted().toList())));
  }

  private interface Line<T> {
    String of(T item);
  }

  private static <T> void section(PrintStream out, String heading, List<T> items, Line<T> line) {
    if (items.isEmpty()) {
      return;
    }
    out.println();
    out.println(heading);
    for (T item : items) {
      wrapHanging(out, "  - ", line.of(item));
    }
  }

  private static void wrap(PrintStream out, String indent, String text) {
    wrapHanging(out, indent, text);
  }

  /** Word-wraps {@code text} after {@code first}, continuing lines under its first word. */
  private static void wrapHanging(PrintStream out, String first, String text) {
    String indent = " ".repeat(first.length());
    StringBuilder line = new StringBuilder(first);
    boolean empty = true;
    for (String word : text.strip().split("\\s+")) {
      if (!empty && line.length() + 1 + word.length() > WIDTH) {
        out.println(line);
        line = new StringBuilder(indent);
        empty = true;
      }
      if (!empty) {
        line.append(' ');
      }
      line.append(word);
      empty = false;
    }
    out.println(line);
  }

  private int validateAll(Terminal terminal) {
    Optional<Path> adminDir = Settings.knowledgeDirFrom(terminal.env());
    try {
      KnowledgeBase kb = loader.load(adminDir);
      terminal
          .out()
          .println(
              "valid: "
                  + kb.entries().size()
                  + " entries from "
                  + kb.articles().size()
                  + " articles (shipped"
                  + adminDir.map(d -> " + " + d).orElse("")
                  + ").");
      return ExitCodes.OK;
    } catch (InvalidKnowledgeException e) {
      printProblems(e.problems(), terminal.out());
      return ExitCodes.NEGATIVE;
    }
  }

  private int validateDirectory(Path dir, Terminal terminal) {
    if (!Files.isDirectory(dir)) {
      terminal.err().println("pastefix kb validate: " + dir + " is not a directory.");
      return ExitCodes.USAGE;
    }
    List<Problem> problems = loader.validate(dir);
    if (problems.isEmpty()) {
      terminal.out().println("valid: " + dir + " (no problems).");
      return ExitCodes.OK;
    }
    printProblems(problems, terminal.out());
    return ExitCodes.NEGATIVE;
  }

  private static void printProblems(List<Problem> problems, PrintStream out) {
    for (Problem problem : problems) {
      out.println(problem);
    }
    out.println(
        (problems.size() == 1 ? "1 problem" : problems.size() + " problems")
            + "; see knowledge/README.md for the format.");
  }
}
