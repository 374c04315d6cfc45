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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code pastefix stats [--since 7d] [--json]}: what the bot did in a period, read from the state
 * database the environment names (the same one the bot writes).
 */
final class StatsCommand implements Command {
  static final Duration DEFAULT_SINCE = Duration.ofDays(7);
  private static final Pattern SINCE = Pattern.compile("(\\d{1,6})([dhm])");

  private final Clock clock;

  StatsCommand(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public String name() {
    return "stats";
  }

  @Override
  public String synopsis() {
    return "stats [--since 7d] [--json]";
  }

  @Override
  public String summary() {
    return "messages by platform and outcome, answers per entry with votes, unknowns, latency";
  }

  @Override
  public int run(List<String> args, Terminal terminal) {
    Arguments arguments;
    Duration since;
    try {
      arguments = Arguments.parse(args, Set.of("--json"), Set.of("--since"));
      if (!arguments.positionals().isEmpty()) {
        throw new Arguments.UsageException("unexpected '" + arguments.positionals().get(0) + "'");
      }
      since = since(arguments.option("--since").orElse("7d"));
    } catch (Arguments.UsageException e) {
      terminal.err().println("pastefix stats: " + e.getMessage());
      terminal.err().println("usage: pastefix " + synopsis());
      return ExitCodes.USAGE;
    }
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
    Instant from = to.minus(since);
    StatsReport report;
    try (StateDatabase db =
        StateDatabase.open(RunningState.target(storage), clock, storage.retention())) {
      BotState state = db.state();
      report = StatsReport.of(from, to, state.answerLog().since(from), state.feedback().all());
    } catch (StateStoreException | UncheckedIOException e) {
      terminal.err().println("pastefix stats: " + e.getMessage());
      return ExitCodes.CONFIG;
    }
    if (arguments.flag("--json")) {
      terminal.out().println(json(report));
    } else {
      print(report, arguments.option("--since").orElse("7d"), terminal.out());
    }
    return ExitCodes.OK;
  }

  static Duration since(String value) throws Arguments.UsageException {
    Matcher m = SINCE.matcher(value.strip().toLowerCase(Locale.ROOT));
    if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
      throw new Arguments.UsageException(
          "--since takes a positive number of days, hours or minutes, such as 7d, 12h or 30m;"
              + " got '"
              + value
              + "'");
    }
    long n = Long.parseLong(m.group(1));
    switch (m.group(2)) {
      case "d":
        return Duration.ofDays(n);
      case "h":
        return Duration.ofHours(n);
      default:
        return Duration.ofMinutes(n);
    }
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
    root.put("from", r.from().toString());
    root.put("to", r.to().toString());
    root.put("messages", r.messages());
    ObjectNode platforms = root.putObject("byPlatform");
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
      node.put("notHelpful", e.getValue().notHelpful());
    }
    root.put("unknowns", r.unknowns());
    root.put("latencyMedianMillis", r.latencyMedian().toNanos() / 1e6);
    root.put("latencyP99Millis", r.latencyP99().toNanos() / 1e6);
    return root.toPrettyString();
  }
}
