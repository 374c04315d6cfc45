package dev.pastefix.knowledge;

import com.google.re2j.Pattern;
import java.util.Locale;

/**
 * An error signature as users see it: a literal phrase (matched case-insensitively, whitespace
 * collapsed) or a pattern compiled at load time, in one language ({@code en}, {@code fr}, {@code ko}).
 * Patterns use RE2 syntax so that administrator-supplied YAML can never make matching slow.
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
   * The compiled, case-insensitive form of this symptom. A literal becomes a quoted pattern whose
   * spaces match any run of whitespace.
   */
  public Pattern compile() {
    String regex;
    if (literal) {
      StringBuilder sb = new StringBuilder();
      for (String word : source.trim().split("\\s+")) {
        if (sb.length() > 0) {
          sb.append("\\s+");
        }
        sb.append(Pattern.quote(word));
      }
      regex = sb.toString();
    } else {
      regex = source;
    }
    return Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
  }

  /** The literal phrase in lower case with whitespace collapsed, for fast substring matching. */
  public String normalizedText() {
    return source.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }
}
