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
 */
public record NormalisedText(
    String text, String lower, MessageFacts facts, boolean truncated, boolean binary) {
  public NormalisedText {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(lower, "lower");
    Objects.requireNonNull(facts, "facts");
  }

  /** Whether nothing is left to analyse. */
  public boolean isBlank() {
    return lower.isBlank();
  }

  static String lowerCollapsed(String text) {
    return text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").trim();
  }
}
