package dev.pastefix.core.review;

import dev.pastefix.core.state.AnswerRecord.ScoredEntry;
import dev.pastefix.core.state.OutcomeKind;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a review of the answer log found over one period: how many messages and how they ended (in
 * total and per day), the groups of messages the bot could not answer, the entries with their
 * answers and votes, the channel messages where the bot nearly spoke, and how the unanswered
 * messages split into the groups.
 */
public record ReviewReport(
    Instant from,
    Instant to,
    int messages,
    Map<OutcomeKind, Integer> outcomes,
    List<Day> days,
    List<UnknownGroup> unknownGroups,
    List<EntryReview> entries,
    List<NearMiss> nearMisses,
    Unanswered unanswered) {
  public ReviewReport {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(unanswered, "unanswered");
    outcomes = Map.copyOf(outcomes);
    days = List.copyOf(days);
    unknownGroups = List.copyOf(unknownGroups);
    entries = List.copyOf(entries);
    nearMisses = List.copyOf(nearMisses);
  }

  /** Messages handled on one day (UTC), by outcome. */
  public record Day(LocalDate day, Map<OutcomeKind, Integer> outcomes) {
    public Day {
      Objects.requireNonNull(day, "day");
      outcomes = Map.copyOf(outcomes);
    }

    /** The count of one outcome (0 when none). */
    public int count(OutcomeKind kind) {
      return outcomes.getOrDefault(kind, 0);
    }

    /** Every message of the day. */
    public int total() {
      return outcomes.values().stream().mapToInt(Integer::intValue).sum();
    }
  }

  /**
   * Messages the bot could not answer that share one signature (or, for questions in plain words,
   * most of their words): how many, from how many people, when, the entries the engine found
   * closest (mean score over the group), and up to {@link Reviewer#SAMPLES} redacted samples.
   */
  public record UnknownGroup(
      Signature signature,
      int count,
      int senders,
      Instant firstSeen,
      Instant lastSeen,
      List<ScoredEntry> closest,
      List<String> samples) {
    public UnknownGroup {
      Objects.requireNonNull(signature, "signature");
      Objects.requireNonNull(firstSeen, "firstSeen");
      Objects.requireNonNull(lastSeen, "lastSeen");
      closest = List.copyOf(closest);
      samples = List.copyOf(samples);
      if (count < 1 || senders < 1) {
        throw new IllegalArgumentException("a group holds at least one message of one sender");
      }
    }
  }

  /** One entry's answers and votes, with the messages whose answer was voted Not helpful. */
  public record EntryReview(
      String id, int answers, int helpful, int notHelpful, List<String> samples) {
    public EntryReview {
      Objects.requireNonNull(id, "id");
      samples = List.copyOf(samples);
    }

    /** Helpful votes among all votes, when there are any. */
    public java.util.OptionalDouble helpfulRatio() {
      int votes = helpful + notHelpful;
      return votes == 0
          ? java.util.OptionalDouble.empty()
          : java.util.OptionalDouble.of((double) helpful / votes);
    }
  }

  /**
   * A channel message the bot stayed silent on although its best entry scored within {@link
   * Reviewer#NEAR_MISS_MARGIN} of what the channel needs ({@code threshold}).
   */
  public record NearMiss(
      Instant at, String entryId, double score, double threshold, String sample) {
    public NearMiss {
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(entryId, "entryId");
      Objects.requireNonNull(sample, "sample");
    }
  }

  /**
   * How the messages the bot could not answer make up the groups, so the counts add up: the groups
   * hold {@code groupedUnknown} messages it said it did not know and {@code groupedSilent} channel
   * errors it stayed silent on; {@code ungroupedUnknown} "did not know" messages hold no text to
   * group by (such as a slash command other than diagnose).
   */
  public record Unanswered(int groupedUnknown, int groupedSilent, int ungroupedUnknown) {
    public Unanswered {
      if (groupedUnknown < 0 || groupedSilent < 0 || ungroupedUnknown < 0) {
        throw new IllegalArgumentException("counts are never negative");
      }
    }

    /** Every message in the groups. */
    public int grouped() {
      return groupedUnknown + groupedSilent;
    }
  }
}
