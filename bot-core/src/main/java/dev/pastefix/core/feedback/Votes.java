package dev.pastefix.core.feedback;

import dev.pastefix.core.telemetry.Telemetry;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes a feedback click from any platform: records the vote, counts it in the metrics and logs the
 * answer's tally (entry ids and counts, never text). Adapters only say who clicked what on which
 * answer. Thread-safe.
 */
public final class Votes {
  private static final Logger LOG = LoggerFactory.getLogger(Votes.class);

  private final FeedbackStore store;
  private final Telemetry telemetry;
  private final Clock clock;

  public Votes(FeedbackStore store, Telemetry telemetry, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.telemetry = Objects.requireNonNull(telemetry, "telemetry");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Records {@code voter}'s vote on the answer {@code answerKey} about {@code entryIds} (replacing
   * an earlier vote of theirs) and returns the answer's tally with it.
   */
  public FeedbackStore.Tally take(
      String platform, String answerKey, List<String> entryIds, String voter, boolean helpful) {
    store.record(new Vote(answerKey, entryIds, voter, helpful, clock.instant()));
    telemetry.feedbackVote(platform, helpful);
    FeedbackStore.Tally tally = store.tally(answerKey);
    LOG.info(
        "feedback on {}: {} ({} helpful, {} not helpful)",
        entryIds,
        helpful ? "helpful" : "not helpful",
        tally.helpful(),
        tally.notHelpful());
    return tally;
  }
}
