package dev.pastefix.core.review;

import dev.pastefix.core.Channel;
import dev.pastefix.core.Thresholds;
import dev.pastefix.core.feedback.FeedbackStore;
import dev.pastefix.core.feedback.Vote;
import dev.pastefix.core.review.ReviewReport.Day;
import dev.pastefix.core.review.ReviewReport.EntryReview;
import dev.pastefix.core.review.ReviewReport.NearMiss;
import dev.pastefix.core.review.ReviewReport.UnknownGroup;
import dev.pastefix.core.state.AnswerLog;
import dev.pastefix.core.state.AnswerRecord;
import dev.pastefix.core.state.AnswerRecord.ScoredEntry;
import dev.pastefix.core.state.OutcomeKind;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads the answer log and the votes of one period and reports what the bot missed: unknown
 * messages in groups, per-entry answers and votes, and near misses in channels. Works only on the
 * {@link AnswerLog} and {@link FeedbackStore} ports, so any storage serves it. Thread-safe.
 */
public final class Reviewer {
  /** Redacted samples kept per group and per entry. */
  public static final int SAMPLES = 3;

  /** Closest entries shown per group. */
  public static final int CLOSEST = 3;

  /**
   * A silent channel message is a near miss when its best entry scored at least this far below
   * {@link Thresholds#CHANNEL_MIN_CONFIDENCE} (or above it, silenced by the ratio rules).
   */
  public static final double NEAR_MISS_MARGIN = 0.10;

  /** Questions in plain words sharing at least this share of their words are one group. */
  public static final double WORD_OVERLAP = 0.5;

  /** Near misses listed at most. */
  public static final int MAX_NEAR_MISSES = 20;

  private final AnswerLog log;
  private final FeedbackStore feedback;
  private final Clock clock;

  public Reviewer(AnswerLog log, FeedbackStore feedback, Clock clock) {
    this.log = Objects.requireNonNull(log, "log");
    this.feedback = Objects.requireNonNull(feedback, "feedback");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The review of everything logged at or after {@code from}. */
  public ReviewReport review(Instant from) {
    List<AnswerRecord> records = log.since(from);
    Map<OutcomeKind, Integer> outcomes = new EnumMap<>(OutcomeKind.class);
    Map<LocalDate, Map<OutcomeKind, Integer>> perDay = new TreeMap<>();
    for (AnswerRecord r : records) {
      outcomes.merge(r.outcome(), 1, Integer::sum);
      perDay
          .computeIfAbsent(
              LocalDate.ofInstant(r.at(), ZoneOffset.UTC), d -> new EnumMap<>(OutcomeKind.class))
          .merge(r.outcome(), 1, Integer::sum);
    }
    List<Day> days = new ArrayList<>();
    perDay.forEach((day, counts) -> days.add(new Day(day, counts)));
    return new ReviewReport(
        from,
        clock.instant(),
        records.size(),
        outcomes,
        days,
        groups(records),
        entries(records, from),
        nearMisses(records),
        unanswered(records));
  }

  /** Whether a record is a message the bot could not answer. */
  static boolean unanswered(AnswerRecord r) {
    return r.outcome() == OutcomeKind.UNKNOWN
        || (r.outcome() == OutcomeKind.SILENT && r.channel() == Channel.CHANNEL);
  }

  /** The message text a record stands for: a slash command's diagnose argument, or the text. */
  static String messageText(AnswerRecord r) {
    String text = r.redactedText().strip();
    if (r.channel() != Channel.COMMAND) {
      return text;
    }
    String lower = text.toLowerCase(Locale.ROOT);
    if (lower.startsWith("/pastefix ")) {
      text = text.substring("/pastefix ".length()).strip();
      lower = text.toLowerCase(Locale.ROOT);
    }
    return lower.startsWith("diagnose ") ? text.substring("diagnose ".length()).strip() : "";
  }

  private static final class Group {
    final Signature signature;
    final Set<String> words;
    final List<AnswerRecord> members = new ArrayList<>();

    Group(Signature signature, Set<String> words) {
      this.signature = signature;
      this.words = words;
    }
  }

  /**
   * Whether an unanswered record belongs in a group: it has text to group by, and in a channel it
   * is an error or nearly answered (chatter such as "lunch at 12?" is no miss).
   */
  private static Optional<Signature> groupable(AnswerRecord r) {
    if (!unanswered(r)) {
      return Optional.empty();
    }
    String text = messageText(r);
    if (text.isBlank()) {
      return Optional.empty();
    }
    Signature signature = Signature.of(text);
    if (signature.key().isBlank()
        || (r.outcome() == OutcomeKind.SILENT && !signature.errorText() && !nearlyAnswered(r))) {
      return Optional.empty();
    }
    return Optional.of(signature);
  }

  /** The same test as {@link #groups}, counted: the groups' counts add up to the grouped ones. */
  private static ReviewReport.Unanswered unanswered(List<AnswerRecord> records) {
    int groupedUnknown = 0;
    int groupedSilent = 0;
    int ungroupedUnknown = 0;
    for (AnswerRecord r : records) {
      boolean grouped = groupable(r).isPresent();
      if (r.outcome() == OutcomeKind.UNKNOWN) {
        if (grouped) {
          groupedUnknown++;
        } else {
          ungroupedUnknown++;
        }
      } else if (grouped) {
        groupedSilent++;
      }
    }
    return new ReviewReport.Unanswered(groupedUnknown, groupedSilent, ungroupedUnknown);
  }

  private List<UnknownGroup> groups(List<AnswerRecord> records) {
    Map<String, Group> byKey = new LinkedHashMap<>();
    List<Group> questions = new ArrayList<>();
    for (AnswerRecord r : records) {
      Optional<Signature> groupable = groupable(r);
      if (groupable.isEmpty()) {
        continue;
      }
      Signature signature = groupable.get();
      if (signature.errorText()) {
        byKey
            .computeIfAbsent(
                signature.key(), k -> new Group(signature, WordOverlap.words(signature.text())))
            .members
            .add(r);
        continue;
      }
      Set<String> words = WordOverlap.words(signature.text());
      Group home = byKey.get(signature.key());
      if (home == null) {
        double best = 0;
        for (Group g : questions) {
          double overlap = WordOverlap.jaccard(words, g.words);
          if (overlap >= WORD_OVERLAP && overlap > best) {
            best = overlap;
            home = g;
          }
        }
      }
      if (home == null) {
        home = new Group(signature, words);
        questions.add(home);
        byKey.put(signature.key(), home);
      }
      home.members.add(r);
    }
    List<UnknownGroup> groups = new ArrayList<>();
    for (Group g : byKey.values()) {
      if (g.members.isEmpty()) {
        continue;
      }
      Set<String> senders = new HashSet<>();
      Map<String, double[]> scores = new LinkedHashMap<>();
      List<String> samples = new ArrayList<>();
      Set<String> seenSamples = new HashSet<>();
      for (AnswerRecord r : g.members) {
        senders.add(r.platform() + ":" + r.senderId());
        for (ScoredEntry c : r.candidates()) {
          scores.computeIfAbsent(c.entryId(), id -> new double[1])[0] += c.score();
        }
        String sample = messageText(r);
        if (samples.size() < SAMPLES && seenSamples.add(sample)) {
          samples.add(sample);
        }
      }
      List<ScoredEntry> closest = new ArrayList<>();
      scores.forEach((id, sum) -> closest.add(new ScoredEntry(id, sum[0] / g.members.size())));
      closest.sort(Comparator.comparingDouble(ScoredEntry::score).reversed());
      groups.add(
          new UnknownGroup(
              g.signature,
              g.members.size(),
              senders.size(),
              g.members.get(0).at(),
              g.members.get(g.members.size() - 1).at(),
              closest.subList(0, Math.min(CLOSEST, closest.size())),
              samples));
    }
    groups.sort(
        Comparator.comparingInt(UnknownGroup::count)
            .reversed()
            .thenComparing(Comparator.comparingInt(UnknownGroup::senders).reversed())
            .thenComparing(UnknownGroup::lastSeen, Comparator.reverseOrder()));
    return groups;
  }

  private List<EntryReview> entries(List<AnswerRecord> records, Instant from) {
    Map<String, int[]> counts = new TreeMap<>();
    Map<String, List<String>> samples = new HashMap<>();
    Map<String, AnswerRecord> byAnswerKey = new HashMap<>();
    for (AnswerRecord r : records) {
      r.answerKey().ifPresent(k -> byAnswerKey.put(k, r));
      if (r.outcome() == OutcomeKind.ANSWER) {
        for (String id : r.entryIds()) {
          counts.computeIfAbsent(id, k -> new int[3])[0]++;
        }
      }
    }
    for (Vote vote : feedback.all()) {
      if (vote.at().isBefore(from)) {
        continue;
      }
      for (String id : vote.entryIds()) {
        int[] c = counts.computeIfAbsent(id, k -> new int[3]);
        c[vote.helpful() ? 1 : 2]++;
        if (!vote.helpful()) {
          AnswerRecord answered =
              Optional.ofNullable(byAnswerKey.get(vote.answerKey()))
                  .or(() -> answeredFor(vote, records))
                  .orElse(null);
          List<String> list = samples.computeIfAbsent(id, k -> new ArrayList<>());
          if (answered != null
              && list.size() < SAMPLES
              && !list.contains(messageText(answered))
              && !messageText(answered).isBlank()) {
            list.add(messageText(answered));
          }
        }
      }
    }
    List<EntryReview> entries = new ArrayList<>();
    counts.forEach(
        (id, c) ->
            entries.add(
                new EntryReview(id, c[0], c[1], c[2], samples.getOrDefault(id, List.of()))));
    entries.sort(
        Comparator.comparingInt(EntryReview::notHelpful)
            .reversed()
            .thenComparing(Comparator.comparingInt(EntryReview::answers).reversed()));
    return entries;
  }

  /**
   * The message a vote is about when the log has no row with the vote's answer key (a reply's key
   * is often known only once it is posted): the voter's latest answered message about one of the
   * vote's entries, at or before the vote.
   */
  private static Optional<AnswerRecord> answeredFor(Vote vote, List<AnswerRecord> records) {
    AnswerRecord best = null;
    for (AnswerRecord r : records) {
      if (r.outcome() == OutcomeKind.ANSWER
          && r.senderId().equals(vote.voterId())
          && !r.at().isAfter(vote.at())
          && r.entryIds().stream().anyMatch(vote.entryIds()::contains)) {
        best = r;
      }
    }
    return Optional.ofNullable(best);
  }

  /** Whether the best entry of a record scored within the near-miss margin of the threshold. */
  private static boolean nearlyAnswered(AnswerRecord r) {
    return r.candidates().stream()
        .anyMatch(c -> c.score() >= Thresholds.CHANNEL_MIN_CONFIDENCE - NEAR_MISS_MARGIN);
  }

  private static List<NearMiss> nearMisses(List<AnswerRecord> records) {
    double threshold = Thresholds.CHANNEL_MIN_CONFIDENCE;
    List<NearMiss> misses = new ArrayList<>();
    for (AnswerRecord r : records) {
      if (r.outcome() != OutcomeKind.SILENT
          || r.channel() != Channel.CHANNEL
          || r.candidates().isEmpty()) {
        continue;
      }
      ScoredEntry best =
          r.candidates().stream().max(Comparator.comparingDouble(ScoredEntry::score)).get();
      if (nearlyAnswered(r)) {
        misses.add(new NearMiss(r.at(), best.entryId(), best.score(), threshold, r.redactedText()));
      }
    }
    misses.sort(Comparator.comparingDouble(NearMiss::score).reversed());
    return misses.subList(0, Math.min(MAX_NEAR_MISSES, misses.size()));
  }
}
