package dev.pastefix.core;

/**
 * The numbers behind the decision policy, in one place so that tests pin them down and tuning is
 * visible. Probabilities are the categorizer's MaxEnt probabilities (0..1).
 */
public final class Thresholds {
  private Thresholds() {}

  /** Confidence shown for an error signature (a symptom of the entry found in the message). */
  public static final double SIGNATURE_CONFIDENCE = 0.97;

  /**
   * Confidence shown for a symptom phrased in plain words ("forgot her password"); in a channel it
   * counts only when the message is about Skype for Business.
   */
  public static final double PHRASE_CONFIDENCE = 0.90;

  /** Addressed: the categorizer's best entry needs at least this probability to be an answer. */
  public static final double DIRECT_MIN_CONFIDENCE = 0.22;

  /** Addressed: the best entry must be this many times as likely as the runner-up. */
  public static final double DIRECT_MIN_RATIO = 1.5;

  /** Unaddressed: the categorizer's best entry needs at least this probability to speak. */
  public static final double CHANNEL_MIN_CONFIDENCE = 0.25;

  /** Unaddressed: the best entry must be this many times as likely as the runner-up. */
  public static final double CHANNEL_MIN_RATIO = 2.5;

  /**
   * Unaddressed: without a Skype for Business word in the message the best entry needs this
   * probability (a question about "the connector" or "SfB" is ours; a bare one may not be).
   */
  public static final double CHANNEL_MIN_CONFIDENCE_WITHOUT_DOMAIN = 0.60;

  /** Both ways: the best entry must be this many times as likely as "none of ours". */
  public static final double NONE_RATIO = 2.0;

  /**
   * A second problem found by the categorizer on a line without a recognised error needs this
   * probability and {@link #SECOND_FINDING_MIN_RATIO} times the runner-up's: one line is short, so
   * the probability stays low even when the line clearly names one problem, and the ratio carries
   * the decision.
   */
  public static final double SECOND_FINDING_MIN_CONFIDENCE = 0.20;

  /** See {@link #SECOND_FINDING_MIN_CONFIDENCE}. */
  public static final double SECOND_FINDING_MIN_RATIO = 3.0;

  /** A line whose "none" probability is above this is chatter, whatever its best entry. */
  public static final double SECOND_FINDING_MAX_NONE = 0.90;

  /** The text around a recognised error must be this long to be classified on its own. */
  public static final int SECOND_FINDING_MIN_CHARS = 30;

  /**
   * Addressed, for an entry learnt from its article's text alone (no example phrasings): the fused
   * probability of retrieval and categorizer the best entry needs to be an answer.
   */
  public static final double ARTICLE_TEXT_DIRECT_MIN_CONFIDENCE = 0.30;

  /** Addressed, article text alone: the best entry must be this many times the runner-up. */
  public static final double ARTICLE_TEXT_DIRECT_MIN_RATIO = 2.0;

  /**
   * Addressed, article text alone: a pasted error record in which no error text was recognised is
   * most likely another product's error, so only near certainty answers it.
   */
  public static final double ARTICLE_TEXT_PASTE_MIN_CONFIDENCE = 0.87;

  /** Unaddressed, article text alone: the best entry needs this probability to speak. */
  public static final double ARTICLE_TEXT_CHANNEL_MIN_CONFIDENCE = 0.90;

  /** Unaddressed, article text alone: the best entry must be this many times the runner-up. */
  public static final double ARTICLE_TEXT_CHANNEL_MIN_RATIO = 10.0;

  /** How many closest entries a "don't know" reply offers. */
  public static final int CLOSEST_ENTRIES = 3;

  /** Most findings one answer presents; a paste rarely holds more distinct errors. */
  public static final int MAX_FINDINGS = 4;
}
