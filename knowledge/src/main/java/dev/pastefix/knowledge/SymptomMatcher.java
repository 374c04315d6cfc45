package dev.pastefix.knowledge;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds the entries whose symptoms occur in a text. Every symptom is compiled once, when the
 * matcher is built (the knowledge base builds one at load time); matching ignores case and
 * whitespace differences.
 */
public final class SymptomMatcher {
  /**
   * One entry whose symptom occurs in the text, with the part of the (normalised) text it matched.
   */
  public record Match(String entryId, Symptom symptom, String matchedText) {
    public Match {
      Checks.text(entryId, "entryId");
      Objects.requireNonNull(symptom, "symptom");
      Objects.requireNonNull(matchedText, "matchedText");
    }
  }

  /**
   * A compiled symptom: a literal is kept as its letters without whitespace, in lower case, and
   * found with {@code indexOf} in the text folded the same way (the same result as {@link
   * Symptom#compile()}, many times faster); a pattern is compiled RE2.
   */
  private record Compiled(Symptom symptom, Optional<Pattern> pattern, String folded) {
    static Compiled of(Symptom symptom) {
      return symptom.literal()
          ? new Compiled(symptom, Optional.empty(), fold(symptom.source()))
          : new Compiled(symptom, Optional.of(symptom.compile()), "");
    }

    /** The matched part of the text, if this symptom occurs in it. */
    Optional<String> find(String normalized, String folded) {
      if (pattern.isEmpty()) {
        return folded.contains(this.folded) ? Optional.of(symptom.source()) : Optional.empty();
      }
      Matcher matcher = pattern.get().matcher(normalized);
      return matcher.find() ? Optional.of(matcher.group()) : Optional.empty();
    }
  }

  private final Map<String, List<Compiled>> byEntry = new LinkedHashMap<>();

  /** Compiles the symptoms of every entry; throws if a pattern does not compile. */
  public SymptomMatcher(List<Entry> entries) {
    for (Entry entry : entries) {
      List<Compiled> compiled = new ArrayList<>();
      for (Symptom symptom : entry.symptoms()) {
        compiled.add(Compiled.of(symptom));
      }
      byEntry.put(entry.id(), List.copyOf(compiled));
    }
  }

  /**
   * The text as symptoms see it: every run of whitespace (including non-breaking spaces) becomes
   * one space, and typographic quotes become ASCII ones, so that pasted and hand-typed text match
   * the same symptoms.
   */
  public static String normalize(String text) {
    StringBuilder sb = new StringBuilder(text.length());
    boolean space = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        space = true;
        continue;
      }
      if (space && sb.length() > 0) {
        sb.append(' ');
      }
      space = false;
      sb.append(asciiQuote(c));
    }
    return sb.toString();
  }

  /**
   * Typographic quotes replaced by ASCII ones and nothing else, so that a pattern written with
   * {@code ’} still matches normalised text; safe on regular expressions, whose syntax uses
   * neither.
   */
  static String normalizeQuotes(String text) {
    StringBuilder sb = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      sb.append(asciiQuote(text.charAt(i)));
    }
    return sb.toString();
  }

  private static char asciiQuote(char c) {
    switch (c) {
      case '\u2018', '\u2019', '\u201A', '\u201B', '\u02BC', '\u2032':
        return '\'';
      case '\u201C', '\u201D', '\u201E', '\u201F', '\u2033':
        return '"';
      default:
        return c;
    }
  }

  /** Every entry with a symptom in {@code text}, in knowledge-base order, each once. */
  public List<Match> find(String text) {
    String normalized = normalize(text);
    String folded = fold(normalized);
    List<Match> matches = new ArrayList<>();
    for (Map.Entry<String, List<Compiled>> entry : byEntry.entrySet()) {
      for (Compiled compiled : entry.getValue()) {
        Optional<String> found = compiled.find(normalized, folded);
        if (found.isPresent()) {
          matches.add(new Match(entry.getKey(), compiled.symptom(), found.get()));
          break;
        }
      }
    }
    return matches;
  }

  /** Text as literals are compared: normalised, without any whitespace, in lower case. */
  private static String fold(String text) {
    String normalized = normalize(text);
    StringBuilder sb = new StringBuilder(normalized.length());
    for (int i = 0; i < normalized.length(); i++) {
      char c = normalized.charAt(i);
      if (c != ' ') {
        sb.append(c);
      }
    }
    return sb.toString().toLowerCase(Locale.ROOT);
  }

  /** The ids of the entries with a symptom in {@code text}. */
  public List<String> matchingIds(String text) {
    List<String> ids = new ArrayList<>();
    for (Match match : find(text)) {
      ids.add(match.entryId());
    }
    return ids;
  }

  /** Whether one of the entry's symptoms occurs in {@code text}. */
  public boolean matches(String entryId, String text) {
    List<Compiled> compiled = byEntry.get(entryId);
    if (compiled == null) {
      throw new IllegalArgumentException("no entry '" + entryId + "' in this matcher");
    }
    String normalized = normalize(text);
    String folded = fold(normalized);
    for (Compiled c : compiled) {
      if (c.find(normalized, folded).isPresent()) {
        return true;
      }
    }
    return false;
  }
}
