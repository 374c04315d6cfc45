package dev.pastefix.core;

import dev.pastefix.core.state.AnswerRecord.ScoredEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One thing the bot handled: what came in (as the deciding step saw it), the outcome, the language
 * of its prose ({@value #UNDETERMINED} when not analysed) and the best-ranked entries with their
 * scores, as the answer log keeps them.
 */
public record Turn(
    Inbound inbound, Outcome outcome, String language, List<ScoredEntry> candidates) {
  /** The language of something nobody analysed (a command, a click, a check's output). */
  public static final String UNDETERMINED = "und";

  /** Candidates kept per turn. */
  public static final int MAX_CANDIDATES = 5;

  public Turn {
    Objects.requireNonNull(inbound, "inbound");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(language, "language");
    candidates = List.copyOf(candidates.subList(0, Math.min(MAX_CANDIDATES, candidates.size())));
  }

  /**
   * A turn without analysis: the outcome's findings, or the closest entries, are the candidates.
   */
  public static Turn of(Inbound inbound, Outcome outcome) {
    List<ScoredEntry> candidates = new ArrayList<>();
    for (Finding f : outcome.findings()) {
      candidates.add(new ScoredEntry(f.entryId(), f.confidence()));
    }
    if (outcome instanceof Outcome.Unknown unknown) {
      for (String id : unknown.closestIds()) {
        candidates.add(new ScoredEntry(id, 0));
      }
    }
    return new Turn(inbound, outcome, UNDETERMINED, candidates);
  }
}
