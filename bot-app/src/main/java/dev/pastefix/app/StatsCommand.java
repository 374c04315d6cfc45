package dev.pastefix.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pastefix.core.state.BotState;
import dev.pastefix.core.state.OutcomeKind;
import dev.pastefix.storage.StateDatabase;
import dev.pastefix.storage.StateStoreException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;

/**
 * {@code pastefix stats [--since 7d] [--json]}: what the bot did in a period, read from the state
 * database the environment names (the same one the bot writes).
 */
@CommandLine.Command(
    name = "stats",
    sortOptions = false,
    description = {
      "What the bot did in a period.",
      "",
      "What the bot did in the period: messages by platform and outcome, answers per entry with"
          + " helpful / not-helpful votes, unknowns, median and p99 engine latency, read from the"
          + " state database (PASTEFIX_DATA_DIR or PASTEFIX_DATABASE_URL). The embedded database"
          + " is read only while the bot is stopped; use /pastefix stats in chat beside a running"
          + " bot."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:printed",
      "1:the state is kept in memory: nothing to read",
      "2:wrong usage",
      "3:the state database cannot be opened"
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  pastefix stats",
      "  pastefix stats --since 12h",
      "  pastefix stats --since 2w --json"
    })
final class StatsCommand implements Command {
  static final LookBack DEFAULT_SINCE = LookBack.parse("7d");

  private final Clock clock;

  @Mixin private SinceOption sinceOption = new SinceOption();

  @Mixin private JsonOption jsonOption = new JsonOption();

  StatsCommand(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public int execute(Terminal terminal) {
    LookBack since = sinceOption.orElse(DEFAULT_SINCE);
    Settings.Storage storage;
    try {
      storage = Settings.storageFrom(terminal.env());
    } catch (Settings.InvalidSettings e) {
      terminal.err().println(e.getMessage());
      return ExitCodes.CONFIG;
    }
    if (storage.databaseUrl().isEmpty() && storage.dataDir().isEmpty()) {
      terminal
          .err()
          .println(
              "pastefix stats: the state is kept in memory (PASTEFIX_DATA_DIR="
                  + Settings.IN_MEMORY
                  + "); there is nothing to read.");
      return ExitCodes.NEGATIVE;
    }
    Instant to = clock.instant();
    Instant from = to.minus(since.duration());
    StatsReport report;
    try (StateDatabase db =
        StateDatabase.open(RunningState.target(storage), clock, storage.retention())) {
      BotState state = db.state();
      report = StatsReport.of(from, to, state.answerLog().since(from), state.feedback().all());
    } catch (StateStoreException | UncheckedIOException e) {
      terminal.err().println("pastefix stats: " + e.getMessage());
      return ExitCodes.CONFIG;
    }
    if (jsonOption.on()) {
      terminal.out().println(json(report));
    } else {
      print(report, since.text(), terminal.out());
    }
    return ExitCodes.OK;
  }

  private static void print(StatsReport r, String since, PrintStream out) {
    out.printf(Locale.ROOT, "pastefix stats: the last %s (%s to %s)%n", since, r.from(), r.to());
    out.printf(Locale.ROOT, "messages handled: %d%n", r.messages());
    for (Map.Entry<String, Map<String, Integer>> p : r.byPlatform().entrySet()) {
      StringBuilder line = new StringBuilder("  " + p.getKey() + ":");
      for (OutcomeKind kind : OutcomeKind.values()) {
        line.append(' ')
            .append(kind.label())
            .append(' ')
            .append(p.getValue().getOrDefault(kind.label(), 0));
      }
      out.println(line);
    }
    out.printf(Locale.ROOT, "unknowns: %d%n", r.unknowns());
    out.println("answers per entry (helpful / not helpful):");
    if (r.entries().isEmpty()) {
      out.println("  none");
    }
    for (Map.Entry<String, StatsReport.EntryCounts> e : r.entriesByAnswers()) {
      out.printf(
          Locale.ROOT,
          "  %-32s %5d answers  %3d helpful  %3d not helpful%n",
          e.getKey(),
          e.getValue().answers(),
          e.getValue().helpful(),
          e.getValue().notHelpful());
    }
    out.printf(
        Locale.ROOT,
        "engine latency: median %.1f ms, p99 %.1f ms%n",
        r.latencyMedian().toNanos() / 1e6,
        r.latencyP99().toNanos() / 1e6);
  }

  private static String json(StatsReport r) {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode root = mapper.createObjectNode();
    root.put(JsonOption.SCHEMA_VERSION_KEY, JsonOption.SCHEMA_VERSION);
    root.put("from", r.from().toString());
    root.put("to", r.to().toString());
    root.put("messages", r.messages());
    ObjectNode platforms = root.putObject("by_platform");
    r.byPlatform()
        .forEach(
            (platform, outcomes) -> {
              ObjectNode node = platforms.putObject(platform);
              for (OutcomeKind kind : OutcomeKind.values()) {
                node.put(kind.label(), outcomes.getOrDefault(kind.label(), 0));
              }
            });
    ObjectNode entries = root.putObject("entries");
    for (Map.Entry<String, StatsReport.EntryCounts> e : r.entriesByAnswers()) {
      ObjectNode node = entries.putObject(e.getKey());
      node.put("answers", e.getValue().answers());
      node.put("helpful", e.getValue().helpful());
      node.put("not_helpful", e.getValue().notHelpful());
    }
    root.put("unknowns", r.unknowns());
    root.put("latency_median_ms", r.latencyMedian().toNanos() / 1e6);
    root.put("latency_p99_ms", r.latencyP99().toNanos() / 1e6);
    return root.toPrettyString();
  }
}
