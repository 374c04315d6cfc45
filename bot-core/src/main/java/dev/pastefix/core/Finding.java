package dev.pastefix.core;

import java.util.List;
import java.util.Objects;

/**
 * One problem the engine recognised: the knowledge-base entry, how sure it is (0..1) and the
 * evidence behind it (for example the error text it matched).
 */
public record Finding(String entryId, double confidence, List<String> evidence) {
  public Finding {
    Objects.requireNonNull(entryId, "entryId");
    if (confidence < 0 || confidence > 1 || Double.isNaN(confidence)) {
      throw new IllegalArgumentException("confidence must be within 0..1: " + confidence);
    }
    evidence = List.copyOf(evidence);
  }
}
