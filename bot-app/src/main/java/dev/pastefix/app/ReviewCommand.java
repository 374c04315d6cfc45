package dev.pastefix.app;

import dev.pastefix.core.review.Draft;
import dev.pastefix.core.review.DraftWriter;
import dev.pastefix.core.review.ReviewReport;
import dev.pastefix.core.review.ReviewReport.EntryReview;
import dev.pastefix.core.review.ReviewReport.NearMiss;
import dev.pastefix.core.review.ReviewReport.UnknownGroup;
import dev.pastefix.core.review.Reviewer;
import dev.pastefix.core.state.OutcomeKind;
import dev.pastefix.knowledge.InvalidKnowledgeException;
import dev.pastefix.knowledge.KnowledgeBase;
import dev.pastefix.knowledge.KnowledgeLoader;
import dev.pastefix.knowledge.KnowledgeSources;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code pastefix review [--since 30d] [--json] [--draft DIR [--top N] [--source-url URL]] [--html
 * FILE [--text]]}: what the bot missed, read from the answer log and the votes. Exit 0 when the
 * review ran, 2 for wrong usage or a file that cannot be written, 3 when the answer log cannot be
 * opened or the knowledge base is invalid.
 */
@CommandLine.Command(
    name = "review",
    sortOptions = false,
    description = {
      "What the bot missed, with drafts of knowledge entries for it.",
      "",
      "What the bot missed, from the answer log and the votes: unknown messages in groups (most"
          + " frequent first), answers marked Not helpful, and near misses (silent in a channel,"
          + " just under the threshold). With --draft it writes knowledge-file drafts for the"
          + " largest unknown groups; with --html a page of the same."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the review ran",
      "2:wrong usage, or a file that cannot be written",
      "3:the answer log cannot be opened, or the knowledge base is invalid"
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  pastefix review",
      "  pastefix review --since 2w --json",
      "  pastefix review --html review.html",
      "  pastefix review --draft drafts --top 3 --source-url https://wiki.example.com/runbooks"
    })
final class ReviewCommand implements Command {
  static final LookBack DEFAULT_SINCE = LookBack.parse("30d");
  static final int DEFAULT_TOP = 5;

  /** Characters of a sample shown on one line of the text report. */
  static final int SAMPLE_CHARS = 100;

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final ReviewSources sources;
  private final KnowledgeLoader loader;
  private final Clock clock;

  @Mixin private SinceOption sinceOption = new SinceOption();

  @Mixin private JsonOption json = new JsonOption();

  @Option(
      names = "--draft",
      paramLabel = "DIR",
      converter = CommandLineTypes.DirectoryName.class,
      description = "write drafts of knowledge files for the largest unknown groups into DIR")
  private Optional<Path> draftDir = Optional.empty();

  @Option(
      names = "--top",
      paramLabel = "N",
      description = "with --draft: how many groups to draft, 1 to 100 (default 5)")
  private Optional<Integer> topOption = Optional.empty();

  @Option(
      names = "--source-url",
      paramLabel = "URL",
      description = "with --draft: the page the drafts' source links point to")
  private Optional<String> sourceUrlOption = Optional.empty();

  @Option(
      names = "--html",
      paramLabel = "FILE",
      converter = CommandLineTypes.DirectoryName.class,
      description = "write the review as an HTML page instead of printing it (see --text)")
  private Optional<Path> html = Optional.empty();

  @Option(names = "--text", description = "with --html: print the text report as well")
  private boolean text;

  @Mixin private KnowledgeOptions knowledge = new KnowledgeOptions();

  ReviewCommand(ReviewSources sources, KnowledgeLoader loader, Clock clock) {
    this.sources = Objects.requireNonNull(sources, "sources");
    this.loader = Objects.requireNonNull(loader, "loader");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public int execute(Terminal terminal) throws Exception {
    Duration since = sinceOption.orElse(DEFAULT_SINCE).duration();
    int top = top(topOption.orElse(DEFAULT_TOP));
    Optional<URI> sourceUrl = sourceUrl(sourceUrlOption);
    if (draftDir.isEmpty() && (topOption.isPresent() || sourceUrlOption.isPresent())) {
      throw new UsageError("--top and --source-url go with --draft DIR");
    }

    ReviewReport report;
    try (ReviewSources.Opened opened = sources.open(terminal.env())) {
      report =
          new Reviewer(opened.log(), opened.votes(), clock).review(clock.instant().minus(since));
    } catch (ReviewSources.Unavailable e) {
      terminal.err().println("pastefix review: " + e.getMessage());
      return ExitCodes.CONFIG;
    }

    if (json.on()) {
      terminal.out().println(new ReviewJson().write(report));
    }
    // The page stands for the report: the text goes to the terminal too only when asked.
    if (!json.on() && (text || html.isEmpty())) {
      print(report, terminal.out());
    }
    if (html.isPresent()) {
      Path file = html.get();
      try {
        Files.writeString(
            file, new ReviewPage(titles(terminal)).render(report), StandardCharsets.UTF_8);
      } catch (IOException e) {
        terminal.err().println("pastefix review: cannot write " + file + ": " + e.getMessage());
        return ExitCodes.USAGE;
      }
      terminal.err().println("pastefix review: wrote " + file);
    }
    if (draftDir.isPresent()) {
      return draft(
          report, draftDir.get(), top, sourceUrl, Settings.knowledgeFrom(terminal.env()), terminal);
    }
    return ExitCodes.OK;
  }

  /**
   * Entry titles for the page, from the knowledge in use; an invalid knowledge base leaves the page
   * with ids alone (with a note), since the review itself does not need it.
   */
  private java.util.function.Function<String, String> titles(Terminal terminal) {
    try {
      KnowledgeBase kb = loader.load(Settings.knowledgeFrom(terminal.env()));
      return id -> kb.entry(id).map(e -> e.title()).orElse("");
    } catch (InvalidKnowledgeException | Settings.InvalidSettings e) {
      terminal
          .err()
          .println("pastefix review: entries shown by id alone, the knowledge did not load: " + e);
      return id -> "";
    }
  }

  private int draft(
      ReviewReport report,
      Path dir,
      int top,
      Optional<URI> sourceUrl,
      KnowledgeSources knowledge,
      Terminal terminal) {
    KnowledgeBase kb;
    try {
      kb = loader.load(knowledge);
    } catch (InvalidKnowledgeException e) {
      terminal.err().println("pastefix review: " + e.getMessage());
      return ExitCodes.CONFIG;
    }
    List<Draft> drafts =
        new DraftWriter(kb)
            .drafts(
                report.unknownGroups(),
                top,
                sourceUrl,
                LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
    PrintStream err = terminal.err();
    if (drafts.isEmpty()) {
      err.println("pastefix review: no unknown groups, nothing to draft.");
      return ExitCodes.OK;
    }
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      err.println("pastefix review: cannot create " + dir + ": " + e.getMessage());
      return ExitCodes.USAGE;
    }
    int written = 0;
    for (Draft draft : drafts) {
      Path file = dir.resolve(draft.fileName());
      if (Files.exists(file)) {
        // A person may already have filled it in; never overwrite their work.
        err.println("  kept " + file + " (exists already)");
        continue;
      }
      try {
        Files.writeString(file, draft.yaml(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        err.println("pastefix review: cannot write " + file + ": " + e.getMessage());
        return ExitCodes.USAGE;
      }
      written++;
      err.println(
          "  "
              + file
              + (draft.override()
                  ? ": adds a symptom to '" + draft.entryId() + "' (complete; check it)"
                  : ": new entry '"
                      + draft.entryId()
                      + "'; write its "
                      + DraftWriter.TO_WRITE
                      + " fields (title, cause, steps, links)"));
    }
    err.println(
        "pastefix review: drafted "
            + written
            + (written == 1 ? " file" : " files")
            + " in "
            + dir
            + ". Then: pastefix kb validate "
            + dir
            + ", and copy the files into PASTEFIX_KNOWLEDGE_DIR (reloaded without a restart).");
    return ExitCodes.OK;
  }

  private static void print(ReviewReport report, PrintStream out) {
    out.println(
        "Review of "
            + WHEN.format(report.from())
            + " .. "
            + WHEN.format(report.to())
            + " UTC: "
            + report.messages()
            + " messages ("
            + List.of(OutcomeKind.values()).stream()
                .map(k -> report.outcomes().getOrDefault(k, 0) + " " + k.label())
                .collect(Collectors.joining(", "))
            + ")");
    out.println();
    out.println(
        "Unknown groups ("
            + report.unknownGroups().size()
            + " groups of "
            + report.unanswered().grouped()
            + " messages, most frequent first):");
    if (report.unanswered().ungroupedUnknown() > 0) {
      out.println(
          "  ("
              + report.unanswered().ungroupedUnknown()
              + " more unknown messages hold no text to group by: commands other than diagnose)");
    }
    if (report.unknownGroups().isEmpty()) {
      out.println("  none");
    }
    int n = 0;
    for (UnknownGroup g : report.unknownGroups()) {
      n++;
      out.printf(
          Locale.ROOT,
          "%3d. %d %s, %d %s, %s .. %s%n",
          n,
          g.count(),
          g.count() == 1 ? "message" : "messages",
          g.senders(),
          g.senders() == 1 ? "person" : "people",
          WHEN.format(g.firstSeen()),
          WHEN.format(g.lastSeen()));
      out.println("     " + g.signature().text());
      if (!g.closest().isEmpty()) {
        out.println(
            "     closest: "
                + g.closest().stream()
                    .map(c -> String.format(Locale.ROOT, "%s %.2f", c.entryId(), c.score()))
                    .collect(Collectors.joining(", ")));
      }
      for (String sample : g.samples()) {
        out.println("     sample: " + oneLine(sample));
      }
    }
    out.println();
    out.println("Answers per entry (most Not helpful first):");
    if (report.entries().isEmpty()) {
      out.println("  none");
    }
    for (EntryReview e : report.entries()) {
      out.printf(
          Locale.ROOT,
          "  %-28s %4d answers, %3d helpful, %3d not helpful%n",
          e.id(),
          e.answers(),
          e.helpful(),
          e.notHelpful());
      for (String sample : e.samples()) {
        out.println("      not helpful on: " + oneLine(sample));
      }
    }
    out.println();
    out.println(
        "Near misses (silent in a channel, best entry within "
            + Reviewer.NEAR_MISS_MARGIN
            + " of the threshold):");
    if (report.nearMisses().isEmpty()) {
      out.println("  none");
    }
    for (NearMiss m : report.nearMisses()) {
      out.printf(
          Locale.ROOT,
          "  %s  %s %s: %s%n",
          WHEN.format(m.at()),
          m.entryId(),
          ReviewWording.nearMiss(m),
          oneLine(m.sample()));
    }
  }

  static String oneLine(String text) {
    String line = text.strip().replaceAll("\\s+", " ");
    return line.length() > SAMPLE_CHARS ? line.substring(0, SAMPLE_CHARS) + "…" : line;
  }

  private static int top(int top) {
    if (top < 1 || top > 100) {
      throw new UsageError("--top takes a number from 1 to 100, got '" + top + "'");
    }
    return top;
  }

  private static Optional<URI> sourceUrl(Optional<String> value) {
    if (value.isEmpty()) {
      return Optional.empty();
    }
    try {
      URI uri = new URI(value.get().strip());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
        throw new URISyntaxException(value.get(), "not an absolute http(s) URL");
      }
      return Optional.of(uri);
    } catch (URISyntaxException e) {
      throw new UsageError(
          "--source-url must be an absolute http(s) URL, got '" + value.get() + "'");
    }
  }
}
