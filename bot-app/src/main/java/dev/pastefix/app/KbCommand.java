package dev.pastefix.app;

import dev.pastefix.core.answer.ReplyComposer;
import dev.pastefix.core.reply.PlainTextRenderer;
import dev.pastefix.core.search.EntrySearch;
import dev.pastefix.knowledge.Entry;
import dev.pastefix.knowledge.InvalidKnowledgeException;
import dev.pastefix.knowledge.KnowledgeBase;
import dev.pastefix.knowledge.KnowledgeLoader;
import dev.pastefix.knowledge.Problem;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
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
      terminal
          .err()
          .println(
              "Closest ids: " + String.join(", ", EntrySearch.of(kb).didYouMean(id, SUGGESTIONS)));
      terminal.err().println("'pastefix kb list' lists every entry.");
      return ExitCodes.NEGATIVE;
    }
    // The same entry view as the chat's "kb ID", rendered as the console renders it.
    terminal
        .out()
        .print(new PlainTextRenderer(WIDTH).render(new ReplyComposer(kb).entry(found.get())));
    return ExitCodes.OK;
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
