package dev.pastefix.core.classify;

import java.util.List;
import java.util.Objects;

/**
 * One ranked proposal: an entry, a score in 0..1, where it came from, the position of its evidence
 * in the message (to order several errors of one paste), the evidence itself, and the entries that
 * share the same error text (empty when the text is specific to this entry).
 */
public record Candidate(
    String entryId,
    double score,
    Source source,
    int position,
    String evidence,
    List<String> sharedWith) {

  /** Which classifier proposed the candidate. */
  public enum Source {
    /** An error signature (symptom) of the entry was found in the message. */
    SIGNATURE,
    /**
     * A symptom that describes the problem in ordinary words ("forgot her password", "clock is out
     * of sync") rather than quoting an error: good evidence when the message is about Skype for
     * Business, weak in a channel where it is not.
     */
    PHRASE,
    /** The document categorizer ranked the entry. */
    MODEL
  }

  public Candidate {
    Objects.requireNonNull(entryId, "entryId");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(evidence, "evidence");
    sharedWith = List.copyOf(sharedWith);
    if (Double.isNaN(score) || score < 0 || score > 1) {
      throw new IllegalArgumentException("score must be within 0..1: " + score);
    }
  }
}
