package dev.pastefix.core.review;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.pastefix.core.text.NormalisedText;
import dev.pastefix.core.text.TextNormaliser;
import dev.pastefix.knowledge.Symptom;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a group's signature into a symptom: the literal shape when it has no variable parts,
 * otherwise an RE2 pattern in which each placeholder matches any value and the rest is literal.
 */
final class SymptomDraft {
  /** Longest symptom drafted: the start of an error is enough to recognise it. */
  static final int MAX_CHARS = 200;

  private static final TextNormaliser NORMALISER = new TextNormaliser();

  private SymptomDraft() {}

  /** The symptom for {@code signature} in language {@code lang}. */
  static Symptom of(Signature signature, String lang) {
    String shape = signature.text();
    if (shape.length() > MAX_CHARS) {
      shape = Signature.cut(shape, MAX_CHARS);
    }
    if (!signature.variable()) {
      return Symptom.text(lang, shape);
    }
    return Symptom.pattern(lang, pattern(shape));
  }

  /** Literal pieces of a shape this long or longer can stand for it on their own. */
  static final int MIN_LITERAL_CHARS = 20;

  /** The longest piece of the shape between placeholders, as a literal symptom. */
  static java.util.Optional<Symptom> longestLiteral(Signature signature, String lang) {
    String best = "";
    for (String piece : Signature.PLACEHOLDER.split(signature.text())) {
      String p = piece.strip();
      if (p.length() > best.length()) {
        best = p;
      }
    }
    if (best.length() > MAX_CHARS) {
      best = Signature.cut(best, MAX_CHARS);
    }
    return best.length() >= MIN_LITERAL_CHARS
        ? java.util.Optional.of(Symptom.text(lang, best))
        : java.util.Optional.empty();
  }

  /** An RE2 pattern for a shape with placeholders; leading and trailing placeholders dropped. */
  static String pattern(String shape) {
    List<String> parts = new ArrayList<>();
    List<String> holes = new ArrayList<>();
    Matcher m = Signature.PLACEHOLDER.matcher(shape);
    int last = 0;
    while (m.find()) {
      parts.add(shape.substring(last, m.start()));
      holes.add(m.group(1));
      last = m.end();
    }
    parts.add(shape.substring(last));
    // Only literal text anchors a match: skip placeholders at either end.
    int first = 0;
    while (first < parts.size() - 1 && parts.get(first).isBlank()) {
      first++;
    }
    int end = parts.size() - 1;
    while (end > first && parts.get(end).isBlank()) {
      end--;
    }
    StringBuilder regex = new StringBuilder();
    for (int i = first; i <= end; i++) {
      String literal = parts.get(i);
      if (i == first) {
        literal = literal.stripLeading();
      }
      if (i == end) {
        literal = literal.stripTrailing();
      }
      regex.append(quote(literal));
      if (i < end) {
        regex.append(hole(holes.get(i)));
      }
    }
    return regex.toString();
  }

  private static String hole(String placeholder) {
    // Dates and quoted names may hold spaces; the other values are runs of non-space characters.
    switch (placeholder) {
      case "date":
        return ".{1,40}?";
      case "name":
        return "[^']{1,100}";
      default:
        return "\\S+?";
    }
  }

  private static String quote(String literal) {
    StringBuilder out = new StringBuilder(literal.length() + 8);
    boolean space = false;
    for (int i = 0; i < literal.length(); i++) {
      char c = literal.charAt(i);
      if (Character.isWhitespace(c)) {
        space = true;
        continue;
      }
      if (space) {
        out.append(' ');
        space = false;
      }
      if ("\\.+*?()|[]{}^$".indexOf(c) >= 0) {
        out.append('\\');
      }
      out.append(c);
    }
    if (space) {
      out.append(' ');
    }
    return out.toString();
  }

  /** Whether {@code symptom} is found in {@code message} the way the engine looks for it. */
  static boolean matches(Symptom symptom, String message) {
    NormalisedText text = NORMALISER.normalise(message);
    String lower = TextNormaliser.foldPunctuation(text.lower());
    if (symptom.literal()) {
      return symptom.compile().matcher(lower).find();
    }
    Pattern pattern = new Symptom(symptom.lang(), symptom.source(), false).compile();
    return pattern.matcher(lower).find();
  }
}
