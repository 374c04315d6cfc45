package dev.pastefix.core.state;

import dev.pastefix.core.Outcome;
import java.util.Locale;

/** The four ways a handled message can end, as stored and counted. */
public enum OutcomeKind {
  ANSWER,
  CLARIFY,
  UNKNOWN,
  SILENT;

  /** The kind of {@code outcome}. */
  public static OutcomeKind of(Outcome outcome) {
    if (outcome instanceof Outcome.Answer) {
      return ANSWER;
    }
    if (outcome instanceof Outcome.Clarify) {
      return CLARIFY;
    }
    if (outcome instanceof Outcome.Unknown) {
      return UNKNOWN;
    }
    if (outcome instanceof Outcome.Silent) {
      return SILENT;
    }
    throw new IllegalArgumentException("unknown outcome: " + outcome.getClass().getName());
  }

  /** The lower-case name used in logs, metrics and JSON. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
