package dev.pastefix.core.review;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import opennlp.tools.stemmer.PorterStemmer;
import opennlp.tools.tokenize.SimpleTokenizer;

/**
 * The content words of a text, tokenised and stemmed by OpenNLP, and how much two such sets overlap
 * (Jaccard: shared words over all words). Stateless and thread-safe.
 */
final class WordOverlap {
  private static final Set<String> STOP_WORDS =
      Set.of(
          "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "by",
          "from", "is", "are", "was", "were", "be", "been", "it", "its", "this", "that", "these",
          "those", "i", "we", "you", "he", "she", "they", "me", "my", "our", "your", "do", "does",
          "did", "can", "could", "should", "would", "will", "how", "what", "why", "when", "where",
          "which", "who", "there", "here", "any", "some", "all", "so", "if", "as", "not", "no",
          "have", "has", "had", "get", "got", "just", "still", "again", "please", "anyone", "hi",
          "hey", "hello", "thanks", "le", "la", "les", "de", "des", "du", "un", "une", "et", "est");

  private WordOverlap() {}

  /** Lower-case stems of the words of {@code text}, without stop words, placeholders or signs. */
  static Set<String> words(String text) {
    Set<String> words = new LinkedHashSet<>();
    PorterStemmer stemmer = new PorterStemmer();
    for (String token : SimpleTokenizer.INSTANCE.tokenize(text.toLowerCase(Locale.ROOT))) {
      if (token.isEmpty() || !Character.isLetterOrDigit(token.codePointAt(0))) {
        continue;
      }
      if (STOP_WORDS.contains(token)
          || Signature.PLACEHOLDER.matcher("<" + token + ">").matches()) {
        continue;
      }
      words.add(stemmer.stem(token));
    }
    return words;
  }

  /** Shared words over all words of both sets; 0 when both are empty. */
  static double jaccard(Set<String> a, Set<String> b) {
    if (a.isEmpty() && b.isEmpty()) {
      return 0;
    }
    int shared = 0;
    for (String w : a) {
      if (b.contains(w)) {
        shared++;
      }
    }
    return (double) shared / (a.size() + b.size() - shared);
  }
}
