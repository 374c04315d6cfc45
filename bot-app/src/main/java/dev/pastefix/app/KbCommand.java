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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pastefix kb list|show ID|validate [DIR]|import}: read and check the knowledge base. The
 * knowledge base is the shipped one plus the administrator's directory ({@code --knowledge DIR} or
 * {@code PASTEFIX_KNOWLEDGE_DIR}) when set.
 */
@CommandLine.Command(
    name = "kb",
    description = {
      "Read, check and import the knowledge base.",
      "",
      "The knowledge base is the shipped knowledge plus the directory --knowledge DIR or"
          + " PASTEFIX_KNOWLEDGE_DIR names (only that directory with --no-shipped)."
    },
    synopsisSubcommandLabel = "(list | show | validate | import)",
    commandListHeading = "%nCommands:%n",
    footerHeading = "%nExamples:%n",
    footer = {
      "  pastefix kb list",
      "  pastefix kb show execution-policy",
      "  pastefix kb validate /etc/pastefix/knowledge",
      "  pastefix kb import --out my-knowledge docs/"
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"2:no sub-command, or wrong usage; each sub-command lists its own"})
final class KbCommand implements Command {
  /** Text is wrapped to this many columns. */
  static final int WIDTH = 100;

  /** How many ids {@code kb show} suggests for an unknown id. */
  static final int SUGGESTIONS = 3;

  private final KnowledgeLoader loader;

  @Mixin private KnowledgeOptions knowledge = new KnowledgeOptions();

  KbCommand(KnowledgeLoader loader) {
    this.loader = loader;
  }

  @Override
  public List<Command> subcommands() {
    return List.of(new ListEntries(), new ShowEntry(), new Validate(), new Import());
  }

  @Override
  public int execute(Terminal terminal) {
    throw new UsageError("kb needs a sub-command: list, show, validate or import");
  }

  @CommandLine.Command(
      name = "list",
      description = "Print every entry of the knowledge base: id, article and title.",
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {"0:listed", "1:the knowledge base is invalid (every problem is printed)"},
      footerHeading = "%nExamples:%n",
      footer = {"  pastefix kb list", "  pastefix kb list --knowledge my-knowledge --no-shipped"})
  final class ListEntries implements Command {
    @Mixin private KnowledgeOptions knowledge = new KnowledgeOptions();

    @Override
    public int execute(Terminal terminal) {
      return list(terminal);
    }
  }

  @CommandLine.Command(
      name = "show",
      description = "Print one entry in full, as the chat's \"kb ID\" shows it.",
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {
        "0:shown",
        "1:no such entry (the closest ids are named), or invalid knowledge"
      },
      footerHeading = "%nExamples:%n",
      footer = {"  pastefix kb show execution-policy"})
  final class ShowEntry implements Command {
    @Parameters(paramLabel = "ID", description = "the entry's id, as kb list prints it")
    private String id;

    @Mixin private KnowledgeOptions knowledge = new KnowledgeOptions();

    @Override
    public int execute(Terminal terminal) {
      return show(id, terminal);
    }
  }

  @CommandLine.Command(
      name = "validate",
      description = {
        "Check knowledge files.",
        "",
        "With DIR, that directory alone; without, the shipped knowledge"
            + " plus PASTEFIX_KNOWLEDGE_DIR or --knowledge. Every problem is printed as"
            + " file:line: entry 'id', field 'path': message."
      },
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {
        "0:valid",
        "1:problems were found",
        "2:wrong usage, such as a directory that does not exist",
        "3:invalid settings"
      },
      footerHeading = "%nExamples:%n",
      footer = {"  pastefix kb validate", "  pastefix kb validate /etc/pastefix/knowledge"})
  final class Validate implements Command {
    @Parameters(
        arity = "0..1",
        paramLabel = "DIR",
        description = "a directory of knowledge files to check alone")
    private Optional<Path> dir = Optional.empty();

    @Mixin private KnowledgeOptions knowledge = new KnowledgeOptions();

    @Override
    public int execute(Terminal terminal) {
      return dir.isPresent() ? validateDirectory(dir.get(), terminal) : validateAll(terminal);
    }
  }

  @CommandLine.Command(
      name = "import",
      description = {
        "Turn troubleshooting articles in Markdown into knowledge files.",
        "",
        "No hand-written phrasings are needed. A re-import keeps a person's edits; every problem stops it before"
            + " anything is written."
      },
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {
        "0:written (or, with --dry-run, printed)",
        "1:problems in the articles or the target; nothing was written",
        "2:wrong usage"
      },
      footerHeading = "%nExamples:%n",
      footer = {
        "  pastefix kb import --out my-knowledge \\",
        "      --base-url https://learn.microsoft.com/en-us/sharepoint/troubleshoot/administration/"
            + " docs/",
        "  pastefix kb import --dry-run --out my-knowledge runbook.md"
      })
  final class Import implements Command {
    @Option(
        names = "--out",
        paramLabel = "DIR",
        converter = CommandLineTypes.DirectoryName.class,
        description = "where the knowledge files go (default: the --knowledge directory)")
    private Optional<Path> out = Optional.empty();

    @Option(
        names = "--base-url",
        paramLabel = "URL",
        description = "the articles' published address, for the links of the entries")
    private Optional<String> baseUrl = Optional.empty();

    @Option(names = "--dry-run", description = "print the files instead of writing them")
    private boolean dryRun;

    @Parameters(
        arity = "1..*",
        paramLabel = "FILE|DIR",
        description = "Markdown articles, or directories of them")
    private List<Path> inputs = new ArrayList<>();

    @Mixin private KnowledgeOptions knowledge = new KnowledgeOptions();

    @Override
    public int execute(Terminal terminal) {
      return importArticles(out, baseUrl, dryRun, inputs, terminal);
    }
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
  private int importArticles(
      Optional<Path> outOption,
      Optional<String> baseUrlOption,
      boolean dryRun,
      List<Path> inputs,
      Terminal terminal) {
    Optional<Path> out = outOption.or(() -> Settings.knowledgeDirFrom(terminal.env()));
    if (out.isEmpty()) {
      throw new UsageError("kb import needs --out DIR (or --knowledge DIR) to write to");
    }
    Optional<URI> baseUrl = Optional.empty();
    if (baseUrlOption.isPresent()) {
      String base = baseUrlOption.get();
      try {
        URI uri = new URI(base);
        if (uri.getScheme() == null
            || !uri.getScheme().toLowerCase(Locale.ROOT).startsWith("http")
            || uri.getHost() == null) {
          throw new URISyntaxException(base, "not an absolute http(s) URL");
        }
        baseUrl = Optional.of(uri);
      } catch (URISyntaxException e) {
        throw new UsageError("--base-url '" + base + "' is not an absolute http(s) URL");
      }
    }
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
