package dev.pastefix.core;

import dev.pastefix.core.state.AnswerRecord.ScoredEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One handled message as the answer log sees it: the outcome, the language of its prose ({@value
 * #UNDETERMINED} when not analysed) and the best-ranked entries with their scores.
 */
public record Handled(Outcome outcome, String language, List<ScoredEntry> candidates) {
  /** The language of a message nobody analysed (a command, a check's output). */
  public static final String UNDETERMINED = "und";

  /** Candidates kept per message. */
  public static final int MAX_CANDIDATES = 5;

  public Handled {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(language, "language");
    candidates = List.copyOf(candidates.subList(0, Math.min(MAX_CANDIDATES, candidates.size())));
  }

  /**
   * An outcome without analysis: its findings, or the closest entries it names, are the candidates.
   */
  public static Handled of(Outcome outcome) {
    List<ScoredEntry> candidates = new ArrayList<>();
    if (outcome instanceof Outcome.Answer) {
      for (Finding f : ((Outcome.Answer) outcome).findings()) {
        candidates.add(new ScoredEntry(f.entryId(), f.confidence()));
      }
    } else if (outcome instanceof Outcome.Clarify) {
      for (Finding f : ((Outcome.Clarify) outcome).candidates()) {
        candidates.add(new ScoredEntry(f.entryId(), f.confidence()));
      }
    } else if (outcome instanceof Outcome.Unknown) {
      for (String id : ((Outcome.Unknown) outcome).closestIds()) {
        candidates.add(new ScoredEntry(id, 0));
      }
    }
    return new Handled(outcome, UNDETERMINED, candidates);
  }

  /** The highest confidence among the findings, 0 without any. */
  public double confidence() {
    double best = 0;
    if (outcome instanceof Outcome.Answer) {
      for (Finding f : ((Outcome.Answer) outcome).findings()) {
        best = Math.max(best, f.confidence());
      }
    } else if (outcome instanceof Outcome.Clarify) {
      for (Finding f : ((Outcome.Clarify) outcome).candidates()) {
        best = Math.max(best, f.confidence());
      }
    }
    return Math.min(1, Math.max(0, best));
  }
}
