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
  /** The longest entry id or field path a problem shows: they come from the file's own text. */
  public static final int MAX_NAME_CHARS = 80;

  /** The longest message: it may quote the file (a YAML error shows the line it stopped at). */
  public static final int MAX_MESSAGE_CHARS = 300;

  public Problem {
    Checks.text(file, "file");
    if (line < 0) {
      throw new IllegalArgumentException("line must be 0 (unknown) or positive, got " + line);
    }
    Objects.requireNonNull(entryId, "entryId");
    Objects.requireNonNull(field, "field");
    Checks.text(message, "message");
    // Problems reach logs and chat replies: only a bounded, single-line excerpt of the file.
    entryId = entryId.map(id -> excerpt(id, MAX_NAME_CHARS));
    field = field.map(f -> excerpt(f, MAX_NAME_CHARS));
    message = excerpt(message, MAX_MESSAGE_CHARS);
  }

  /** {@code text} cut to {@code max} characters, control characters shown as escapes. */
  static String excerpt(String text, int max) {
    StringBuilder out = new StringBuilder(Math.min(text.length(), max) + 8);
    int i = 0;
    for (; i < text.length() && out.length() < max; i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        out.append("\\n");
      } else if (c == '\t') {
        out.append(' ');
      } else if (Character.isISOControl(c)) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    if (i < text.length()) {
      if (Character.isHighSurrogate(out.charAt(out.length() - 1))) {
        out.setLength(out.length() - 1);
      }
      out.append('…');
    }
    return out.toString();
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
