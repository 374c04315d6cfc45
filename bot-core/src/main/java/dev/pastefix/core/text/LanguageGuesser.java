package dev.pastefix.core.text;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Guesses the language of a message's prose among {@code en}, {@code fr} and {@code ko} from its
 * script and stop-words. Pasted server errors stay English on every console, so a few French words
 * beside a long English error are enough to call the prose French.
 */
public final class LanguageGuesser {
  /** Hangul syllables from which a message counts as Korean. */
  static final int MIN_HANGUL = 4;

  /** French evidence needed, and its minimum share of the English evidence. */
  static final int MIN_FRENCH = 2;

  static final double FRENCH_SHARE = 0.25;

  private static final Set<String> FRENCH =
      Set.copyOf(
          List.of(
              "le",
              "la",
              "les",
              "des",
              "du",
              "une",
              "est",
              "sont",
              "avec",
              "pour",
              "dans",
              "sur",
              "pas",
              "je",
              "j",
              "nous",
              "vous",
              "ils",
              "elle",
              "mais",
              "ou",
              "donc",
              "quand",
              "depuis",
              "qui",
              "que",
              "quoi",
              "quel",
              "quelle",
              "ça",
              "ca",
              "c",
              "d",
              "l",
              "qu",
              "n",
              "aux",
              "au",
              "mon",
              "ma",
              "mes",
              "notre",
              "nos",
              "votre",
              "leur",
              "leurs",
              "bonjour",
              "salut",
              "merci",
              "utilisateur",
              "utilisateurs",
              "erreur",
              "connexion",
              "serveur",
              "impossible",
              "fait",
              "faut",
              "peut",
              "comment",
              "pourquoi",
              "cette",
              "ce",
              "ces",
              "très",
              "déjà",
              "encore",
              "toujours",
              "aussi",
              "lorsque",
              "si",
              "en",
              "un",
              "et",
              "il",
              "on",
              "se",
              "ne",
              "me",
              "moi"));

  private static final Set<String> ENGLISH =
      Set.copyOf(
          List.of(
              "the", "a", "an", "and", "or", "is", "are", "was", "were", "to", "of", "in", "on",
              "for", "with", "this", "that", "it", "i", "we", "you", "my", "our", "your", "not",
              "can", "cannot", "can't", "don't", "does", "do", "be", "has", "have", "had", "get",
              "gets", "got", "when", "what", "why", "how", "from", "by", "at", "but", "if", "so",
              "any", "all", "there", "after", "since", "still", "anyone", "just", "only", "users",
              "user", "please", "make", "sure", "again", "failed", "error"));

  /** The language code of {@code text}: {@code ko}, {@code fr} or {@code en}. */
  public String guess(String text) {
    int hangul = 0;
    int letters = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '\uAC00' && c <= '\uD7A3') {
        hangul++;
      }
      if (Character.isLetter(c)) {
        letters++;
      }
    }
    if (hangul >= MIN_HANGUL && hangul * 20 >= letters) {
      return "ko";
    }
    int french = 0;
    int english = 0;
    String lower = text.toLowerCase(Locale.ROOT);
    int i = 0;
    while (i < lower.length()) {
      int cp = lower.codePointAt(i);
      if (!Character.isLetter(cp)) {
        i += Character.charCount(cp);
        continue;
      }
      int start = i;
      while (i < lower.length() && Character.isLetter(cp = lower.codePointAt(i))) {
        i += Character.charCount(cp);
      }
      String word = lower.substring(start, i);
      boolean fr = FRENCH.contains(word);
      boolean en = ENGLISH.contains(word);
      if (fr && !en) {
        french++;
      } else if (en && !fr) {
        english++;
      }
      if (word.indexOf('é') >= 0
          || word.indexOf('è') >= 0
          || word.indexOf('à') >= 0
          || word.indexOf('ç') >= 0
          || word.indexOf('ê') >= 0) {
        french++;
      }
    }
    if (french >= MIN_FRENCH && french >= FRENCH_SHARE * english) {
      return "fr";
    }
    return "en";
  }
}
