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
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code pastefix review [--since 30d] [--json] [--draft DIR [--top N] [--source-url URL]] [--html
 * FILE [--text]]}: what the bot missed, read from the answer log and the votes. Exit 0 when the
 * review ran, 2 for wrong usage or a file that cannot be written, 3 when the answer log cannot be
 * opened or the knowledge base is invalid.
 */
final class ReviewCommand implements Command {
  static final Duration DEFAULT_SINCE = Duration.ofDays(30);
  static final int DEFAULT_TOP = 5;

  /** Characters of a sample shown on one line of the text report. */
  static final int SAMPLE_CHARS = 100;

  private static final Pattern SINCE = Pattern.compile("(\\d{1,5})([hdw])");
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final ReviewSources sources;
  private final KnowledgeLoader loader;
  private final Clock clock;

  ReviewCommand(ReviewSources sources, KnowledgeLoader loader, Clock clock) {
    this.sources = Objects.requireNonNull(sources, "sources");
    this.loader = Objects.requireNonNull(loader, "loader");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public String name() {
    return "review";
  }

  @Override
  public String synopsis() {
    return "review [--since 30d] [--json] [--draft DIR [--top N] [--source-url URL]]"
        + " [--html FILE [--text]]";
  }

  @Override
  public String summary() {
    return "what the bot missed: unknown messages in groups, Not-helpful answers, near misses;"
        + " drafts entries";
  }

  @Override
  public int run(List<String> args, Terminal terminal) throws Exception {
    Arguments arguments;
    Duration since;
    int top;
    Optional<URI> sourceUrl;
    try {
      arguments =
          Arguments.parse(
              args,
              Set.of("--json", "--text", Startup.NO_SHIPPED_FLAG),
              Set.of(
                  "--since",
                  "--draft",
                  "--top",
                  "--source-url",
                  "--html",
                  Startup.KNOWLEDGE_OPTION));
      if (!arguments.positionals().isEmpty()) {
        throw new Arguments.UsageException("unexpected '" + arguments.positionals().get(0) + "'");
      }
      since = since(arguments.option("--since").orElse("30d"));
      top = top(arguments.option("--top").orElse(Integer.toString(DEFAULT_TOP)));
      sourceUrl = sourceUrl(arguments.option("--source-url"));
      if (arguments.option("--draft").isEmpty()
          && (arguments.option("--top").isPresent()
              || arguments.option("--source-url").isPresent())) {
        throw new Arguments.UsageException("--top and --source-url go with --draft DIR");
      }
    } catch (Arguments.UsageException e) {
      terminal.err().println("pastefix review: " + e.getMessage());
      terminal.err().println("usage: pastefix " + synopsis());
      return ExitCodes.USAGE;
    }

    ReviewReport report;
    try (ReviewSources.Opened opened = sources.open(terminal.env())) {
      report =
          new Reviewer(opened.log(), opened.votes(), clock).review(clock.instant().minus(since));
    } catch (ReviewSources.Unavailable e) {
      terminal.err().println("pastefix review: " + e.getMessage());
      return ExitCodes.CONFIG;
    }

    boolean page = arguments.option("--html").isPresent();
    if (arguments.flag("--json")) {
      terminal.out().println(new ReviewJson().write(report));
    }
    // The page stands for the report: the text goes to the terminal too only when asked.
    if (arguments.flag("--text") || (!page && !arguments.flag("--json"))) {
      print(report, terminal.out());
    }
    if (page) {
      Path file = Path.of(arguments.option("--html").get());
      try {
        Files.writeString(
            file,
            new ReviewPage(titles(arguments, terminal)).render(report),
            StandardCharsets.UTF_8);
      } catch (IOException e) {
        terminal.err().println("pastefix review: cannot write " + file + ": " + e.getMessage());
        return ExitCodes.USAGE;
      }
      terminal.err().println("pastefix review: wrote " + file);
    }
    if (arguments.option("--draft").isPresent()) {
      return draft(
          report,
          Path.of(arguments.option("--draft").get()),
          top,
          sourceUrl,
          Startup.knowledge(arguments, terminal.env()),
          terminal);
    }
    return ExitCodes.OK;
  }

  /**
   * Entry titles for the page, from the knowledge in use; an invalid knowledge base leaves the page
   * with ids alone (with a note), since the review itself does not need it.
   */
  private java.util.function.Function<String, String> titles(
      Arguments arguments, Terminal terminal) {
    try {
      KnowledgeBase kb = loader.load(Startup.knowledge(arguments, terminal.env()));
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

  static Duration since(String value) throws Arguments.UsageException {
    Matcher m = SINCE.matcher(value.strip().toLowerCase(Locale.ROOT));
    if (!m.matches() || Integer.parseInt(m.group(1)) == 0) {
      throw new Arguments.UsageException(
          "--since takes a period such as 30d, 12h or 2w, got '" + value + "'");
    }
    long amount = Long.parseLong(m.group(1));
    switch (m.group(2)) {
      case "h":
        return Duration.ofHours(amount);
      case "w":
        return Duration.ofDays(7 * amount);
      default:
        return Duration.ofDays(amount);
    }
  }

  private static int top(String value) throws Arguments.UsageException {
    try {
      int top = Integer.parseInt(value.strip());
      if (top < 1 || top > 100) {
        throw new NumberFormatException();
      }
      return top;
    } catch (NumberFormatException e) {
      throw new Arguments.UsageException("--top takes a number from 1 to 100, got '" + value + "'");
    }
  }

  private static Optional<URI> sourceUrl(Optional<String> value) throws Arguments.UsageException {
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
      throw new Arguments.UsageException(
          "--source-url must be an absolute http(s) URL, got '" + value.get() + "'");
    }
  }
}
