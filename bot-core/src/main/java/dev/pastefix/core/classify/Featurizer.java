package dev.pastefix.core.classify;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns text into the feature tokens the categorizer sees: lower-case word stems without accents
 * or stop-words, neighbouring-word pairs, Hangul character pairs (Korean glues particles to
 * words), and the {@link Lexicon} concepts with a {@code C:} prefix. Immutable.
 */
public final class Featurizer {
  private static final Set<String> STOP =
      Set.copyOf(
          List.of(
          "the", "a", "an", "and", "or", "is", "are", "was", "were", "be", "been", "to", "of",
          "in", "on", "for", "with", "this", "that", "these", "it", "its", "i", "we", "you",
          "my", "our", "your", "me", "us", "they", "them", "their", "he", "she", "his", "her",
          "at", "by", "from", "as", "so", "if", "then", "there", "here", "just", "also", "some",
          "any", "all", "do", "does", "did", "have", "has", "had", "will", "would", "should",
          "could", "can", "what", "which", "who", "how", "when", "why", "where", "about",
          "into", "out", "up", "get", "gets", "got", "still", "now", "one", "le", "la", "les",
          "de", "des", "du", "un", "une", "et", "ou", "est", "sont", "en", "au", "aux", "pour",
          "dans", "sur", "par", "avec", "que", "qui", "ce", "ces", "cette", "il", "elle", "on",
          "nous", "vous", "je", "j", "d", "l", "c", "qu", "n", "s", "se", "ne", "pas", "mon",
          "ma", "mes", "notre", "nos", "a", "y"));

  private final Lexicon lexicon;

  public Featurizer(Lexicon lexicon) {
    this.lexicon = lexicon;
  }

  /** The feature tokens of {@code text}, in a stable order. */
  public String[] features(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    List<String> out = new ArrayList<>();
    for (String concept : lexicon.find(lower)) {
      out.add("C:" + concept);
    }
    String plain = stripAccents(lower);
    String previous = null;
    for (String raw : plain.split("[^\\p{L}\\p{N}_.-]+")) {
      String word = trimPunctuation(raw);
      if (word.isEmpty()) {
        continue;
      }
      if (isHangul(word.charAt(0))) {
        addHangul(word, out);
        previous = null;
        continue;
      }
      if (STOP.contains(word) || word.length() > 40) {
        continue;
      }
      String stem = stem(word);
      out.add(stem);
      if (word.indexOf('-') > 0) {
        for (String part : word.split("-")) {
          if (part.length() > 2 && !STOP.contains(part)) {
            out.add(stem(part));
          }
        }
      }
      if (previous != null) {
        out.add(previous + "_" + stem);
      }
      previous = stem;
    }
    return out.toArray(new String[0]);
  }

  private static void addHangul(String word, List<String> out) {
    out.add(word);
    for (int i = 0; i + 1 < word.length(); i++) {
      out.add("k:" + word.substring(i, i + 2));
    }
  }

  private static boolean isHangul(char c) {
    return c >= '\uAC00' && c <= '\uD7A3';
  }

  private static String trimPunctuation(String word) {
    int start = 0;
    int end = word.length();
    while (start < end && (word.charAt(start) == '.' || word.charAt(start) == '-')) {
      start++;
    }
    while (end > start && (word.charAt(end - 1) == '.' || word.charAt(end - 1) == '-')) {
      end--;
    }
    return word.substring(start, end);
  }

  static String stripAccents(String text) {
    String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
    StringBuilder out = new StringBuilder(decomposed.length());
    for (int i = 0; i < decomposed.length(); i++) {
      char c = decomposed.charAt(i);
      if (Character.getType(c) != Character.NON_SPACING_MARK || isHangulJamo(c)) {
        out.append(c);
      }
    }
    return Normalizer.normalize(out, Normalizer.Form.NFC);
  }

  private static boolean isHangulJamo(char c) {
    return c >= '\u1100' && c <= '\u11FF';
  }

  /** A light suffix stripper: enough to join "sessions"/"session", "failed"/"failing". */
  static String stem(String word) {
    if (word.length() <= 4 || !Character.isLetter(word.charAt(word.length() - 1))) {
      return word;
    }
    String[] suffixes = {"ing", "ed", "es", "s"};
    for (String suffix : suffixes) {
      if (word.endsWith(suffix) && word.length() - suffix.length() >= 4) {
        return word.substring(0, word.length() - suffix.length());
      }
    }
    return word;
  }
}
