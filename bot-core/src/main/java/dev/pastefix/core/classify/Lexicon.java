package dev.pastefix.core.classify;

import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The concept lexicon ({@code concepts.txt}): English, French and Korean terms grouped under one
 * concept name, so the classifier sees the same feature whatever language a question is asked in.
 * Negated mentions ("no ADFS", "ADFS는 안 씁니다") give {@code NOT_<concept>}. Immutable.
 */
public final class Lexicon {
  // RE2 (linear time) like every pattern on user text; the windows are short anyway.
  private static final Pattern NEGATION_BEFORE =
      Pattern.compile(
          "(?:^|[^\\p{L}'])(?:no|not|never|without|(?:do|does|did|is|are|was|were|have|has|had)n't|sans|pas"
              + " de|pas d'|aucun|aucune|n'utilis\\p{L}* pas|n'avons pas|n'a pas|n'ont pas)"
              + "[^\\p{L}]*(?:\\p{L}+[^\\p{L}]+)?$");
  private static final Pattern NEGATION_AFTER = Pattern.compile("^\\S{0,3}\\s?(?:안|없|않)");

  private record Term(
      String concept, String text, boolean prefix, boolean boundStart, boolean boundEnd) {}

  private final List<Term> terms;
  private final TermScanner scanner;
  private final Set<String> concepts;

  Lexicon(List<String> lines) {
    List<Term> parsed = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>();
    for (String line : lines) {
      int colon = line.indexOf(':');
      if (colon <= 0) {
        throw new IllegalArgumentException("concept line without a name: " + line);
      }
      String concept = line.substring(0, colon).strip();
      names.add(concept);
      for (String raw : line.substring(colon + 1).split(",")) {
        String term = raw.strip().toLowerCase(Locale.ROOT);
        if (term.isEmpty()) {
          continue;
        }
        boolean prefix = term.endsWith("*");
        if (prefix) {
          term = term.substring(0, term.length() - 1);
        }
        parsed.add(
            new Term(
                concept,
                term,
                prefix,
                isLatinWordChar(term.charAt(0)),
                !prefix && isLatinWordChar(term.charAt(term.length() - 1))));
      }
    }
    this.terms = List.copyOf(parsed);
    this.scanner = new TermScanner(this.terms.stream().map(Term::text).toList());
    this.concepts = Set.copyOf(names);
  }

  /** The lexicon shipped with the engine. */
  public static Lexicon shipped() {
    return new Lexicon(Resources.lines("concepts.txt"));
  }

  public Set<String> concepts() {
    return concepts;
  }

  /**
   * The concepts mentioned in {@code lower} (lower-case text), each once, negated ones as {@code
   * NOT_<concept>}, in the lexicon's order.
   */
  public Set<String> find(String lower) {
    int[] first = scanner.firstPositions(lower, (text, id, at) -> bounded(text, terms.get(id), at));
    Set<String> found = new LinkedHashSet<>();
    for (int i = 0; i < first.length; i++) {
      int at = first[i];
      if (at < 0) {
        continue;
      }
      Term term = terms.get(i);
      if (negated(lower, at, at + term.text.length())) {
        found.add("NOT_" + term.concept);
      } else {
        found.add(term.concept);
      }
    }
    return found;
  }

  private static boolean bounded(String lower, Term term, int at) {
    int end = at + term.text.length();
    if (term.boundStart && at > 0 && isLatinWordChar(lower.charAt(at - 1))) {
      return false;
    }
    return !(term.boundEnd && end < lower.length() && isLatinWordChar(lower.charAt(end)));
  }

  private static boolean negated(String lower, int start, int end) {
    String before = lower.substring(Math.max(0, start - 24), start);
    if (mayNegate(before) && NEGATION_BEFORE.matcher(before).find()) {
      return true;
    }
    String after = lower.substring(end, Math.min(lower.length(), end + 8));
    return (after.indexOf('안') >= 0 || after.indexOf('없') >= 0 || after.indexOf('않') >= 0)
        && NEGATION_AFTER.matcher(after).find();
  }

  /** Every word {@link #NEGATION_BEFORE} knows contains one of these; most windows contain none. */
  private static final String[] NEGATION_CORES = {
    "no", "ne", "without", "sans", "pas", "aucun", "n'"
  };

  private static boolean mayNegate(String before) {
    for (String core : NEGATION_CORES) {
      if (before.contains(core)) {
        return true;
      }
    }
    return false;
  }

  static boolean isLatinWordChar(char c) {
    return (c < 0x3000 && Character.isLetterOrDigit(c)) || c == '_';
  }
}
