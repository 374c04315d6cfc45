package dev.pastefix.core.classify;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns text into the feature tokens the categorizer sees: lower-case word stems without accents or
 * stop-words, neighbouring-word pairs, Hangul character pairs (Korean glues particles to words),
 * and the {@link Lexicon} concepts with a {@code C:} prefix. Immutable.
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

  /**
   * How often one feature may count in a text. A word said twice says a little more than once;
   * hundreds of times (a loop's output) say nothing more and push the MaxEnt sums towards overflow.
   */
  static final int MAX_REPEATS = 2;

  /** Concepts the decision policy reads but the categorizer does not: they mark no entry. */
  static final Set<String> POLICY_ONLY = Set.of("PROBLEM", "NOT_PROBLEM");

  private final Lexicon lexicon;

  public Featurizer(Lexicon lexicon) {
    this.lexicon = lexicon;
  }

  /** The feature tokens of {@code text}, in a stable order. */
  public String[] features(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    return features(lower, lexicon.find(lower));
  }

  /**
   * The feature tokens of lower-case {@code lower} whose concepts are already known, each at most
   * {@link #MAX_REPEATS} times.
   */
  public String[] features(String lower, Set<String> concepts) {
    List<String> out = new ArrayList<>();
    for (String concept : concepts) {
      if (POLICY_ONLY.contains(concept)) {
        continue;
      }
      out.add("C:" + concept);
    }
    String previous = null;
    for (String raw : words(lower)) {
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
    Map<String, Integer> counts = new HashMap<>();
    List<String> kept = new ArrayList<>(out.size());
    for (String feature : out) {
      if (counts.merge(feature, 1, Integer::sum) <= MAX_REPEATS) {
        kept.add(feature);
      }
    }
    return kept.toArray(new String[0]);
  }

  /** Words of letters, digits, '_', '.' and '-', with Latin accents removed. */
  private static List<String> words(String lower) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      if (Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-') {
        word.append(c < 0xC0 ? c : unaccent(c));
      } else if (word.length() > 0) {
        words.add(word.toString());
        word.setLength(0);
      }
    }
    if (word.length() > 0) {
      words.add(word.toString());
    }
    return joinSpacedHangul(words);
  }

  /**
   * Joins Hangul syllables that a translation spaced apart ("테 넌 트에" for "테넌트에"), so both spellings
   * give the same features.
   */
  static List<String> joinSpacedHangul(List<String> words) {
    List<String> out = new ArrayList<>(words.size());
    boolean lastSingle = false;
    for (String w : words) {
      boolean hangul = !w.isEmpty() && isHangul(w.charAt(0));
      boolean single = hangul && w.length() == 1;
      int last = out.size() - 1;
      if (hangul
          && last >= 0
          && isHangul(out.get(last).charAt(out.get(last).length() - 1))
          && (single || lastSingle)) {
        out.set(last, out.get(last) + w);
      } else {
        out.add(w);
      }
      lastSingle = single;
    }
    return out;
  }

  private static char unaccent(char c) {
    if (c > 0x17F) {
      return c;
    }
    String s = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
    return s.isEmpty() ? c : s.charAt(0);
  }

  /** Korean particles and endings glued to a word; the stem without them is a feature too. */
  private static final List<String> PARTICLES =
      List.of(
          "에서는", "에서", "에게", "으로", "까지", "부터", "에는", "하고", "이나", "이랑", "의", "에", "를", "을", "가", "이",
          "는", "은", "로", "와", "과", "도", "만");

  private static void addHangul(String word, List<String> out) {
    out.add(word);
    for (String particle : PARTICLES) {
      if (word.length() > particle.length() + 1 && word.endsWith(particle)) {
        out.add(word.substring(0, word.length() - particle.length()));
        break;
      }
    }
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
