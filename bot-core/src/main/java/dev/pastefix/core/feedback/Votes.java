package dev.pastefix.core.feedback;

import dev.pastefix.core.telemetry.LoggedText;
import dev.pastefix.core.telemetry.Telemetry;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes a feedback click from any platform: records the vote, counts it in the metrics and logs the
 * answer's tally (entry ids and counts, never text). Adapters only say who clicked what on which
 * answer; a click naming an entry the knowledge in use does not have is refused. Thread-safe.
 */
public final class Votes {
  private static final Logger LOG = LoggerFactory.getLogger(Votes.class);

  private final FeedbackStore store;
  private final Predicate<String> entries;
  private final Telemetry telemetry;
  private final Clock clock;

  /**
   * Votes kept in {@code store}, on answers about entries that {@code entries} knows (the bot's
   * {@link dev.pastefix.core.Bot#hasEntry}).
   */
  public Votes(FeedbackStore store, Predicate<String> entries, Telemetry telemetry, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.entries = Objects.requireNonNull(entries, "entries");
    this.telemetry = Objects.requireNonNull(telemetry, "telemetry");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Records {@code voter}'s vote on the answer {@code answerKey} about {@code entryIds} (replacing
   * an earlier vote of theirs) and returns the answer's tally with it.
   */
  public FeedbackStore.Tally take(
      String platform, String answerKey, List<String> entryIds, String voter, boolean helpful) {
    Optional<String> refused = refusal(answerKey, entryIds, voter).or(() -> unknown(entryIds));
    if (refused.isPresent()) {
      // Made-up or oversized card data: nothing is stored, and the store is not at fault.
      LOG.warn("a feedback click on {} refused, nothing stored: {}", platform, refused.get());
      return answerKey.isEmpty() || answerKey.length() > MAX_KEY_CHARS
          ? new FeedbackStore.Tally(0, 0)
          : store.tally(answerKey);
    }
    store.record(new Vote(answerKey, entryIds, voter, helpful, clock.instant()));
    telemetry.feedbackVote(platform, helpful);
    FeedbackStore.Tally tally = store.tally(answerKey);
    LOG.info(
        "feedback on {}: {} ({} helpful, {} not helpful)",
        entryIds.stream().map(LoggedText::quoted).toList(),
        helpful ? "helpful" : "not helpful",
        tally.helpful(),
        tally.notHelpful());
    return tally;
  }

  /** Most entries one answer is about (an answer, or a question between candidates). */
  public static final int MAX_ENTRIES = 10;

  /** The longest answer key and voter id kept (their columns are 1024 and 255 wide). */
  static final int MAX_KEY_CHARS = 1024;

  static final int MAX_VOTER_CHARS = 255;

  /** An entry id as the knowledge base writes them: lower-case words joined by dashes. */
  private static final Pattern ENTRY_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  private static final int MAX_ENTRY_ID_CHARS = 100;

  /** The first of {@code entryIds} that the knowledge in use does not have, as a refusal. */
  private Optional<String> unknown(List<String> entryIds) {
    for (String id : entryIds) {
      if (!entries.test(id)) {
        return Optional.of(
            "the entry id " + LoggedText.quoted(id) + " is no entry of the knowledge in use");
      }
    }
    return Optional.empty();
  }

  /** Why a click's data cannot be a vote on one of the bot's answers, if it cannot. */
  static Optional<String> refusal(String answerKey, List<String> entryIds, String voter) {
    if (answerKey.isEmpty() || answerKey.length() > MAX_KEY_CHARS) {
      return Optional.of("an answer key of " + answerKey.length() + " characters");
    }
    if (voter.isEmpty() || voter.length() > MAX_VOTER_CHARS) {
      return Optional.of("a voter id of " + voter.length() + " characters");
    }
    if (entryIds.isEmpty() || entryIds.size() > MAX_ENTRIES) {
      return Optional.of(entryIds.size() + " entry ids (1 to " + MAX_ENTRIES + " expected)");
    }
    for (String id : entryIds) {
      if (id.length() > MAX_ENTRY_ID_CHARS || !ENTRY_ID.matcher(id).matches()) {
        return Optional.of("the entry id " + LoggedText.quoted(id) + " is no entry id");
      }
    }
    return Optional.empty();
  }
}
