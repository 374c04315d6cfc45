package dev.pastefix.app;

import dev.pastefix.core.answer.ReplyComposer;
import dev.pastefix.core.reply.PlainTextRenderer;
import dev.pastefix.core.search.EntrySearch;
import dev.pastefix.knowledge.Entry;
import dev.pastefix.knowledge.InvalidKnowledgeException;
import dev.pastefix.knowledge.KnowledgeBase;
import dev.pastefix.knowledge.KnowledgeLoader;
import dev.pastefix.knowledge.KnowledgeSources;
import dev.pastefix.knowledge.Problem;
import dev.pastefix.knowledge.importer.ArticleImporter;
import dev.pastefix.knowledge.importer.ImportTarget;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

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
    return "kb list | kb show ID | kb validate [DIR]"
        + " | kb import [--out DIR] [--base-url URL] [--dry-run] FILE|DIR...";
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
      case "import":
        return importArticles(rest, terminal);
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
    try {
      return Optional.of(loader.load(Settings.knowledgeFrom(terminal.env())));
    } catch (Settings.InvalidSettings e) {
      terminal.err().println(e.getMessage());
      return Optional.empty();
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
    KnowledgeSources sources;
    try {
      sources = Settings.knowledgeFrom(terminal.env());
    } catch (Settings.InvalidSettings e) {
      terminal.err().println(e.getMessage());
      return ExitCodes.CONFIG;
    }
    try {
      KnowledgeBase kb = loader.load(sources);
      terminal
          .out()
          .println(
              "valid: "
                  + kb.entries().size()
                  + " entries from "
                  + kb.articles().size()
                  + " articles ("
                  + sources.describe()
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

  /**
   * {@code kb import}: articles to knowledge files in {@code --out DIR} (else the knowledge
   * directory), re-imports keeping a person's edits; every problem stops it before anything is
   * written.
   */
  private int importArticles(List<String> args, Terminal terminal) {
    Arguments arguments;
    try {
      arguments = Arguments.parse(args, Set.of("--dry-run"), Set.of("--out", "--base-url"));
      if (arguments.positionals().isEmpty()) {
        throw new Arguments.UsageException("kb import needs at least one FILE or DIR");
      }
    } catch (Arguments.UsageException e) {
      return usage(terminal, e.getMessage() + ".");
    }
    Optional<Path> out =
        arguments.option("--out").map(Path::of).or(() -> Settings.knowledgeDirFrom(terminal.env()));
    if (out.isEmpty()) {
      return usage(terminal, "kb import needs --out DIR (or --knowledge DIR) to write to.");
    }
    Optional<URI> baseUrl = Optional.empty();
    if (arguments.option("--base-url").isPresent()) {
      String base = arguments.option("--base-url").get();
      try {
        URI uri = new URI(base);
        if (uri.getScheme() == null
            || !uri.getScheme().toLowerCase(Locale.ROOT).startsWith("http")
            || uri.getHost() == null) {
          throw new URISyntaxException(base, "not an absolute http(s) URL");
        }
        baseUrl = Optional.of(uri);
      } catch (URISyntaxException e) {
        return usage(
            terminal, "kb import: --base-url '" + base + "' is not an absolute http(s) URL.");
      }
    }
    List<Path> inputs = arguments.positionals().stream().map(Path::of).toList();
    ImportTarget target = new ImportTarget(out.get());
    ArticleImporter.Plan plan =
        new ArticleImporter()
            .plan(inputs, new ArticleImporter.Options(baseUrl), target.idsOutside(Set.of()));
    PrintStream err = terminal.err();
    for (String note : plan.notes()) {
      err.println("note: " + note);
    }
    if (!plan.problems().isEmpty()) {
      for (String problem : plan.problems()) {
        err.println("pastefix kb import: " + problem);
      }
      err.println("Nothing was written.");
      return ExitCodes.NEGATIVE;
    }
    boolean dryRun = arguments.flag("--dry-run");
    ImportTarget.Outcome outcome =
        target.apply(
            plan.files(),
            dryRun,
            written -> {
              terminal
                  .out()
                  .println("--- " + out.get().resolve(written.name()) + " (would be written)");
              terminal.out().print(written.text());
            });
    if (!outcome.ok()) {
      for (String problem : outcome.problems()) {
        err.println("pastefix kb import: " + problem);
      }
      err.println("Nothing was written.");
      return ExitCodes.NEGATIVE;
    }
    PrintStream o = terminal.out();
    outcome.added().forEach(line -> o.println("added    " + line));
    outcome.changed().forEach(line -> o.println("changed  " + line));
    outcome.removed().forEach(line -> o.println("removed  " + line));
    outcome.kept().forEach(line -> o.println("kept     " + line));
    o.println(
        (dryRun ? "would write " : "wrote ")
            + outcome.files().size()
            + " file(s) in "
            + out.get()
            + ": "
            + outcome.added().size()
            + " added, "
            + outcome.changed().size()
            + " changed, "
            + outcome.removed().size()
            + " removed"
            + (outcome.kept().isEmpty()
                ? ""
                : ", " + outcome.kept().size() + " with your edits kept")
            + ".");
    if (!dryRun) {
      o.println("Review them with: pastefix --knowledge " + out.get() + " kb list");
    }
    return ExitCodes.OK;
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
