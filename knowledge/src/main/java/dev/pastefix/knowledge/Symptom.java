package dev.pastefix.knowledge;

import com.google.re2j.Pattern;
import java.util.Locale;

/**
 * An error signature as users see it: a literal phrase (matched case-insensitively, whitespace
 * collapsed) or a pattern compiled at load time, in one language ({@code en}, {@code fr}, {@code
 * ko}). Patterns use RE2 syntax so that administrator-supplied YAML can never make matching slow.
 */
public record Symptom(String lang, String source, boolean literal) {
  public Symptom {
    Checks.text(lang, "lang");
    Checks.text(source, literal ? "text" : "pattern");
  }

  /** A literal phrase. */
  public static Symptom text(String lang, String text) {
    return new Symptom(lang, text, true);
  }

  /** A pattern (RE2 syntax, matched case-insensitively); throws if it does not compile. */
  public static Symptom pattern(String lang, String pattern) {
    Symptom symptom = new Symptom(lang, pattern, false);
    symptom.compile();
    return symptom;
  }

  /**
   * The compiled, case-insensitive form of this symptom. A literal becomes a quoted pattern that
   * ignores whitespace entirely (wrapped console lines split words, and machine-translated Korean
   * spaces words unpredictably); typographic quotes and non-breaking spaces are normalised as in
   * {@link SymptomMatcher#normalize(String)}, so match it against normalised text.
   */
  public Pattern compile() {
    String regex;
    if (literal) {
      StringBuilder sb = new StringBuilder();
      SymptomMatcher.normalize(source)
          .codePoints()
          .filter(c -> !Character.isWhitespace(c))
          .forEach(
              c -> {
                if (sb.length() > 0) {
                  sb.append("\\s*");
                }
                if (c < 0x80 && !Character.isLetterOrDigit(c)) {
                  sb.append('\\');
                }
                sb.appendCodePoint(c);
              });
      regex = sb.toString();
    } else {
      regex = SymptomMatcher.normalizeQuotes(source);
    }
    return Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
  }

  /** The literal phrase in lower case with whitespace collapsed, for fast substring matching. */
  public String normalizedText() {
    return source.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }
}
