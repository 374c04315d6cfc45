package dev.pastefix.core.text;

import java.util.Locale;
import java.util.Objects;

/**
 * A message after normalisation: {@code text} keeps line breaks but no chat markup or console
 * framing; {@code lower} is the same text in lower case with whitespace collapsed, used for
 * signature matching and features.
 *
 * @param truncated whether the original was longer than the analysed length
 * @param binary whether the original looked like binary data rather than text
 * @param data whether nearly every line is data (JSON, table rows, addresses, log lines without an
 *     error) rather than words or an error
 */
public record NormalisedText(
    String text,
    String lower,
    MessageFacts facts,
    boolean truncated,
    boolean binary,
    boolean data) {
  public NormalisedText {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(lower, "lower");
    Objects.requireNonNull(facts, "facts");
  }

  /** Whether nothing is left to analyse. */
  public boolean isBlank() {
    return lower.isBlank();
  }

  /** Lines at least this long may have been wrapped by a console window. */
  public static final int WRAP_MIN_LINE = 70;

  /**
   * The lower-case text with long lines joined to the next one without a space, as if a console
   * window had wrapped them mid-word; empty when no line is long enough.
   */
  public java.util.Optional<String> lowerUnwrapped() {
    String[] lines = text.split("\n");
    StringBuilder out = new StringBuilder(text.length());
    boolean joined = false;
    for (int i = 0; i < lines.length; i++) {
      out.append(lines[i]);
      if (i + 1 < lines.length) {
        boolean wrap = lines[i].length() >= WRAP_MIN_LINE && !lines[i].endsWith(".");
        joined |= wrap;
        out.append(wrap ? "" : "\n");
      }
    }
    return joined
        ? java.util.Optional.of(lowerCollapsed(out.toString()))
        : java.util.Optional.empty();
  }

  static String lowerCollapsed(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder(lower.length());
    boolean space = false;
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      if (Character.isWhitespace(c)) {
        space = true;
        continue;
      }
      if (space && out.length() > 0) {
        out.append(' ');
      }
      space = false;
      out.append(c);
    }
    return out.toString();
  }
}
