package dev.pastefix.core;

/**
 * The numbers behind the decision policy, in one place so that tests pin them down and tuning is
 * visible. Probabilities are the categorizer's MaxEnt probabilities (0..1).
 */
public final class Thresholds {
  private Thresholds() {}

  /** Confidence shown for an error signature (a symptom of the entry found in the message). */
  public static final double SIGNATURE_CONFIDENCE = 0.97;

  /** Addressed: the categorizer's best entry needs at least this probability to be an answer. */
  public static final double DIRECT_MIN_CONFIDENCE = 0.30;

  /** Addressed: the best entry must beat the "none" probability by this factor. */
  public static final double DIRECT_NONE_MARGIN = 1.0;

  /** Unaddressed: the categorizer's best entry needs at least this probability to speak. */
  public static final double CHANNEL_MIN_CONFIDENCE = 0.75;

  /** A second problem found by the categorizer beside a signature needs this probability. */
  public static final double SECOND_FINDING_MIN_CONFIDENCE = 0.80;

  /** How many closest entries a "don't know" reply offers. */
  public static final int CLOSEST_ENTRIES = 3;

  /** Most findings one answer presents; a paste rarely holds more distinct errors. */
  public static final int MAX_FINDINGS = 4;
}
