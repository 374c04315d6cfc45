package dev.pastefix.app;

import dev.pastefix.core.feedback.Vote;
import dev.pastefix.core.state.AnswerRecord;
import dev.pastefix.core.state.OutcomeKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@code pastefix stats} shows for a period: handled messages by platform and outcome, answers
 * per entry with their helpful and not-helpful votes, the unknowns, and the engine's median and
 * 99th-percentile latency.
 */
record StatsReport(
    Instant from,
    Instant to,
    int messages,
    Map<String, Map<String, Integer>> byPlatform,
    Map<String, EntryCounts> entries,
    int unknowns,
    Duration latencyMedian,
    Duration latencyP99) {

  /** How often an entry was the answer, and how its answers were rated. */
  record EntryCounts(int answers, int helpful, int notHelpful) {}

  static StatsReport of(Instant from, Instant to, List<AnswerRecord> rows, List<Vote> votes) {
    Map<String, Map<String, Integer>> byPlatform = new TreeMap<>();
    Map<String, int[]> entries = new TreeMap<>();
    int unknowns = 0;
    long[] latencies = new long[rows.size()];
    int n = 0;
    for (AnswerRecord row : rows) {
      byPlatform
          .computeIfAbsent(row.platform(), p -> new TreeMap<>())
          .merge(row.outcome().label(), 1, Integer::sum);
      if (row.outcome() == OutcomeKind.ANSWER) {
        for (String id : row.entryIds()) {
          entries.computeIfAbsent(id, k -> new int[3])[0]++;
        }
      }
      if (row.outcome() == OutcomeKind.UNKNOWN) {
        unknowns++;
      }
      latencies[n++] = row.latency().toNanos();
    }
    for (Vote vote : votes) {
      if (vote.at().isBefore(from) || vote.at().isAfter(to)) {
        continue;
      }
      for (String id : vote.entryIds()) {
        entries.computeIfAbsent(id, k -> new int[3])[vote.helpful() ? 1 : 2]++;
      }
    }
    Arrays.sort(latencies);
    Map<String, EntryCounts> counts = new TreeMap<>();
    entries.forEach((id, c) -> counts.put(id, new EntryCounts(c[0], c[1], c[2])));
    return new StatsReport(
        from,
        to,
        rows.size(),
        byPlatform,
        counts,
        unknowns,
        Duration.ofNanos(percentile(latencies, 0.50)),
        Duration.ofNanos(percentile(latencies, 0.99)));
  }

  /** Nearest-rank percentile of sorted values; 0 without any. */
  static long percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(p * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  /** Entries ordered by answers, then by id. */
  List<Map.Entry<String, EntryCounts>> entriesByAnswers() {
    List<Map.Entry<String, EntryCounts>> list = new ArrayList<>(entries.entrySet());
    list.sort(
        (a, b) ->
            a.getValue().answers() != b.getValue().answers()
                ? Integer.compare(b.getValue().answers(), a.getValue().answers())
                : a.getKey().compareTo(b.getKey()));
    return list;
  }
}
