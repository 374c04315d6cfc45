package dev.pastefix.core.review;

import java.util.Objects;

/**
 * One drafted knowledge file: its file name, its YAML text, the id of the entry it adds or
 * overrides, and whether it overrides an existing entry (complete, valid as written) or adds a new
 * one (with the fields a person must write left empty, so {@code kb validate} lists them).
 */
public record Draft(String fileName, String yaml, String entryId, boolean override) {
  public Draft {
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(yaml, "yaml");
    Objects.requireNonNull(entryId, "entryId");
  }
}
