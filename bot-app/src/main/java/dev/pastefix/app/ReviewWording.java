package dev.pastefix.app;

import dev.pastefix.core.review.ReviewReport.EntryReview;
import dev.pastefix.core.review.ReviewReport.NearMiss;
import dev.pastefix.core.state.OutcomeKind;
import java.util.Locale;

/**
 * The words the review's text report and page share, so a score or a vote count reads the same in
 * both and never misleads: a near miss is never shown as reaching the score it missed, and a ratio
 * of no helpful votes says so in words instead of a bare "0%".
 */
final class ReviewWording {
  /** Decimals shown of a score at most; more tell nothing a reader can act on. */
  static final int MAX_DECIMALS = 4;

  private ReviewWording() {}

  /** What an outcome means, in the words of the page's legend. */
  static String label(OutcomeKind kind) {
    switch (kind) {
      case ANSWER:
        return "answered";
      case CLARIFY:
        return "asked which cause";
      case UNKNOWN:
        return "did not know";
      case SILENT:
        return "stayed silent";
      default:
        return "other replies (help, kb, checks)";
    }
  }

  /**
   * A near miss's score against the threshold, with as many decimals as it takes to tell them
   * apart: {@code 0.245, 0.005 short of 0.25}, never {@code 0.25 (needs 0.25)}.
   */
  static String nearMiss(NearMiss miss) {
    double score = miss.score();
    double threshold = miss.threshold();
    int decimals = 2;
    while (decimals < MAX_DECIMALS
        && score != threshold
        && decimal(score, decimals).equals(decimal(threshold, decimals))) {
      decimals++;
    }
    if (score < threshold) {
      return decimal(score, decimals)
          + ", "
          + decimal(threshold - score, decimals)
          + " short of "
          + decimal(threshold, 2);
    }
    return decimal(score, decimals)
        + ", over the "
        + decimal(threshold, 2)
        // The log keeps scores, not the reason for the silence: name every rule that can hold a
        // score over the threshold back rather than guess one.
        + " a channel needs, held back by another channel rule (a clear lead over the other entries and over none-of-these,"
        + " or Skype for Business words)";
  }

  /** An entry's votes in words: "1 of 2 helpful (50 %)", "none of 3 helpful", "no votes". */
  static String votes(EntryReview entry) {
    int votes = entry.helpful() + entry.notHelpful();
    if (votes == 0) {
      return "no votes";
    }
    if (entry.helpful() == 0) {
      return votes == 1 ? "the one vote: not helpful" : "none of " + votes + " helpful";
    }
    if (entry.notHelpful() == 0) {
      return votes == 1 ? "the one vote: helpful" : "all " + votes + " helpful";
    }
    return entry.helpful()
        + " of "
        + votes
        + " helpful ("
        + Math.round(100.0 * entry.helpful() / votes)
        + " %)";
  }

  static String decimal(double value, int decimals) {
    return String.format(Locale.ROOT, "%." + decimals + "f", value);
  }
}
