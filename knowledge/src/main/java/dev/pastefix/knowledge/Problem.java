package dev.pastefix.knowledge;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One thing wrong with a knowledge file: the file, the line (0 when unknown), the entry id and the
 * field path (such as {@code symptoms[2].pattern}) where known, and what is wrong.
 *
 * <p>{@link #toString()} reads like a compiler message: {@code connector.yaml:123: entry
 * 'max-shells-tenant', field 'symptoms[2].pattern': does not compile: ...}.
 */
public record Problem(
    String file, int line, Optional<String> entryId, Optional<String> field, String message) {
  public Problem {
    Checks.text(file, "file");
    if (line < 0) {
      throw new IllegalArgumentException("line must be 0 (unknown) or positive, got " + line);
    }
    Objects.requireNonNull(entryId, "entryId");
    Objects.requireNonNull(field, "field");
    Checks.text(message, "message");
  }

  /** A problem with the file as a whole (syntax, encoding, emptiness). */
  public static Problem ofFile(String file, int line, String message) {
    return new Problem(file, line, Optional.empty(), Optional.empty(), message);
  }

  /** The line, when known. */
  public OptionalInt lineNumber() {
    return line > 0 ? OptionalInt.of(line) : OptionalInt.empty();
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(file);
    if (line > 0) {
      sb.append(':').append(line);
    }
    sb.append(": ");
    entryId.ifPresent(id -> sb.append("entry '").append(id).append("', "));
    field.ifPresent(f -> sb.append("field '").append(f).append("': "));
    sb.append(message);
    return sb.toString();
  }
}
