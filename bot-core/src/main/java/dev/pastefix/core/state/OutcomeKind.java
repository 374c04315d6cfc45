package dev.pastefix.core.state;

import java.util.Locale;

/** The ways a handled message can end, as stored, counted and logged. */
public enum OutcomeKind {
  ANSWER,
  CLARIFY,
  UNKNOWN,
  SILENT,
  /** A reply that is not a diagnosis: help, kb, checks, admin commands. */
  INFO;

  /** The lower-case name used in logs, metrics and JSON. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
