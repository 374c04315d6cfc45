package dev.pastefix.core.classify;

import java.util.Objects;

/**
 * One symptom of an entry found in a message: where it starts and ends in the normalised lower-case
 * text, and the error text it recognised.
 */
public record SignatureHit(
    String entryId, int start, int end, String matched, String lang, boolean errorText) {
  public SignatureHit {
    Objects.requireNonNull(entryId, "entryId");
    Objects.requireNonNull(matched, "matched");
    Objects.requireNonNull(lang, "lang");
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad span " + start + ".." + end);
    }
  }

  int length() {
    return end - start;
  }

  boolean overlaps(SignatureHit other) {
    return start < other.end && other.start < end;
  }

  boolean contains(SignatureHit other) {
    return start <= other.start && other.end <= end;
  }
}
