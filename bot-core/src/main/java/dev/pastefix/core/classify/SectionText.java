package dev.pastefix.core.classify;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits text into the word tokens that article retrieval and error-text alignment compare: lower
 * case, Latin accents removed, lightly stemmed, with the values that differ from one paste to the
 * next (addresses, URLs, paths, GUIDs, versions, host names) marked as variable, and Korean words
 * also as syllable pairs. Each token keeps where it starts and on which line, so an alignment can
 * tell a copy cut short at a line's end from one whose wording differs.
 */
final class SectionText {
  private SectionText() {}

  /**
   * One token: its normalised form, its start and end in the text, its line, and whether it varies.
   */
  record Token(String form, int start, int end, int line, boolean variable) {}

  /** Words that carry no meaning of their own for retrieval; alignment still sees them. */
  static final Set<String> STOP =
      Set.of(
          "the",
          "a",
          "an",
          "and",
          "or",
          "is",
          "are",
          "was",
          "were",
          "be",
          "been",
          "to",
          "of",
          "in",
          "on",
          "for",
          "with",
          "this",
          "that",
          "these",
          "it",
          "its",
          "i",
          "we",
          "you",
          "my",
          "our",
          "your",
          "me",
          "us",
          "they",
          "them",
          "their",
          "he",
          "she",
          "his",
          "her",
          "at",
          "by",
          "from",
          "as",
          "so",
          "if",
          "then",
          "there",
          "here",
          "just",
          "also",
          "some",
          "any",
          "all",
          "do",
          "does",
          "did",
          "have",
          "has",
          "had",
          "will",
          "would",
          "should",
          "could",
          "what",
          "which",
          "who",
          "how",
          "when",
          "why",
          "where",
          "about",
          "into",
          "out",
          "up",
          "get",
          "got",
          "now",
          "one",
          "anyone",
          "know",
          "im",
          "ive",
          "le",
          "la",
          "les",
          "de",
          "des",
          "du",
          "un",
          "une",
          "et",
          "ou",
          "est",
          "sont",
          "en",
          "au",
          "aux",
          "pour",
          "dans",
          "sur",
          "par",
          "avec",
          "que",
          "qui",
          "ce",
          "ces",
          "cette",
          "il",
          "elle",
          "nous",
          "vous",
          "je",
          "j",
          "d",
          "l",
          "c",
          "qu",
          "n",
          "s",
          "se",
          "ne",
          "mon",
          "ma",
          "mes",
          "notre",
          "nos",
          "y",
          "t",
          "re",
          "ll",
          "ve",
          "m",
          "e.g",
          "eg",
          "etc",
          "see",
          "following");

  /** The tokens of {@code text}, in order. */
  static List<Token> tokens(String text) {
    List<Token> out = new ArrayList<>();
    int n = text.length();
    int line = 0;
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (c == '\n') {
        line++;
        i++;
        continue;
      }
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      int j = i;
      while (j < n && !Character.isWhitespace(text.charAt(j))) {
        j++;
      }
      chunk(text, i, j, line, out);
      i = j;
    }
    return withPathWords(text, out);
  }

  /** Most words a path with spaces holds between two of its backslashed parts. */
  static final int MAX_PATH_WORDS = 4;

  /**
   * The words between two backslashed parts of one path ("C:\Program Files\Microsoft Lync Server
   * 2013\Modules") marked as variable too: they name an install folder, which differs from one
   * machine to the next, and are no words of the error.
   */
  private static List<Token> withPathWords(String text, List<Token> tokens) {
    int previousPath = -1;
    for (int k = 0; k < tokens.size(); k++) {
      Token t = tokens.get(k);
      boolean path = t.variable() && text.substring(t.start(), t.end()).indexOf('\\') >= 0;
      if (!path) {
        continue;
      }
      if (previousPath >= 0
          && k - previousPath - 1 <= MAX_PATH_WORDS
          && tokens.get(previousPath).line() == t.line()
          && insidePath(text, tokens.get(previousPath).end(), t.start())) {
        for (int w = previousPath + 1; w < k; w++) {
          Token word = tokens.get(w);
          tokens.set(w, new Token("", word.start(), word.end(), word.line(), true));
        }
      }
      previousPath = k;
    }
    return tokens;
  }

  /** Whether the text between two path parts holds only letters, digits, spaces and dashes. */
  private static boolean insidePath(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (!Character.isLetterOrDigit(c) && c != ' ' && c != '-' && c != '_' && c != '.') {
        return false;
      }
    }
    return true;
  }

  /** A run of non-space characters: one variable token, or its words. */
  private static void chunk(String text, int from, int to, int line, List<Token> out) {
    String raw = text.substring(from, to);
    String trimmed = trimEdges(raw);
    if ((!trimmed.isEmpty() && isVariable(trimmed)) || isQuotedValue(raw)) {
      out.add(new Token("", from, to, line, true));
      return;
    }
    int i = from;
    while (i < to) {
      char c = text.charAt(i);
      if (!Character.isLetterOrDigit(c)) {
        i++;
        continue;
      }
      int j = i;
      boolean hangul = isHangul(c);
      while (j < to) {
        char d = text.charAt(j);
        if (Character.isLetterOrDigit(d) && isHangul(d) == hangul) {
          j++;
        } else if ((d == '.' || d == '_')
            && !hangul
            && j + 1 < to
            && isWordChar(text.charAt(j + 1))
            && isWordChar(text.charAt(j - 1))) {
          j++;
        } else {
          break;
        }
      }
      String word = text.substring(i, j).toLowerCase(Locale.ROOT);
      if (!hangul && isVariable(word)) {
        out.add(new Token("", i, j, line, true));
      } else if (hangul) {
        out.add(new Token(word, i, j, line, false));
      } else {
        out.add(new Token(stem(unaccent(word)), i, j, line, false));
      }
      i = j;
    }
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) && !isHangul(c);
  }

  private static String trimEdges(String s) {
    int a = 0;
    int b = s.length();
    while (a < b && "'\"`([{<,;:.!?)]}>".indexOf(s.charAt(a)) >= 0) {
      a++;
    }
    while (b > a && "'\"`)]}>,;:.!?([{<".indexOf(s.charAt(b - 1)) >= 0) {
      b--;
    }
    return s.substring(a, b);
  }

  /**
   * Whether a chunk is one quoted word ('Contoso-Daily', "ProcessJob") or a braced value ({…}): the
   * name of something, which differs from one paste to the next.
   */
  static boolean isQuotedValue(String raw) {
    String s = raw;
    while (s.length() > 2 && ".,;:)]".indexOf(s.charAt(s.length() - 1)) >= 0) {
      s = s.substring(0, s.length() - 1);
    }
    while (s.length() > 2 && "([".indexOf(s.charAt(0)) >= 0) {
      s = s.substring(1);
    }
    if (s.length() < 3) {
      return false;
    }
    char a = s.charAt(0);
    char b = s.charAt(s.length() - 1);
    return (a == '\'' && b == '\'') || (a == '"' && b == '"') || (a == '{' && b == '}');
  }

  // Compiled once: every token of every entry and message is tested against them.
  private static final java.util.regex.Pattern VERSION =
      java.util.regex.Pattern.compile("\\d+(\\.\\d+){2,}");
  private static final java.util.regex.Pattern DOTTED =
      java.util.regex.Pattern.compile("[a-z0-9-]+(\\.[a-z0-9-]+)+");
  private static final java.util.regex.Pattern DECIMAL =
      java.util.regex.Pattern.compile("\\d+(\\.\\d+)?");
  private static final Set<String> HOST_ENDINGS =
      Set.of("com", "net", "org", "local", "io", "corp");

  /**
   * Whether a chunk is a value that differs between two pastes of one error: an address, a URL, a
   * path, a GUID, a version or a host name. Error codes (0x80070005, 1935, AADSTS50020) are kept.
   */
  static boolean isVariable(String s) {
    String lower = s.toLowerCase(Locale.ROOT);
    if (lower.contains("://") || lower.startsWith("www.")) {
      return true;
    }
    int at = lower.indexOf('@');
    if (at > 0 && lower.indexOf('.', at) > at) {
      return true;
    }
    if (lower.indexOf('\\') >= 0
        || (lower.length() > 2 && lower.charAt(1) == ':' && Character.isLetter(lower.charAt(0)))) {
      return true;
    }
    if (lower.chars().filter(ch -> ch == '/').count() >= 2) {
      return true;
    }
    if (isGuidLike(lower)) {
      return true;
    }
    if (lower.indexOf('.') < 0) {
      return false;
    }
    // 9.0.30729.4148, 16.0.21110.12000: a version.
    if (VERSION.matcher(lower).matches()) {
      return true;
    }
    // contoso.com, sbc01.corp.local, Microsoft.VC90.ATL: a dotted name of three parts or a host.
    if (DOTTED.matcher(lower).matches() && !DECIMAL.matcher(lower).matches()) {
      String[] parts = lower.split("\\.");
      String last = parts[parts.length - 1];
      return parts.length >= 3 || HOST_ENDINGS.contains(last);
    }
    return false;
  }

  private static boolean isGuidLike(String s) {
    String t = s.replace("{", "").replace("}", "");
    if (t.length() < 12) {
      return false;
    }
    int hex = 0;
    int dashes = 0;
    for (int k = 0; k < t.length(); k++) {
      char ch = t.charAt(k);
      if (ch == '-') {
        dashes++;
      } else if (Character.digit(ch, 16) >= 0) {
        hex++;
      } else if (ch != '.') {
        return false;
      }
    }
    return dashes >= 2 && hex >= 8;
  }

  static boolean isHangul(char c) {
    return c >= '\uAC00' && c <= '\uD7A3';
  }

  private static String unaccent(String word) {
    boolean plain = true;
    for (int k = 0; k < word.length(); k++) {
      if (word.charAt(k) >= 0xC0) {
        plain = false;
        break;
      }
    }
    if (plain) {
      return word;
    }
    String d = Normalizer.normalize(word, Normalizer.Form.NFD);
    StringBuilder sb = new StringBuilder(d.length());
    for (int k = 0; k < d.length(); k++) {
      char ch = d.charAt(k);
      if (Character.getType(ch) != Character.NON_SPACING_MARK) {
        sb.append(ch);
      }
    }
    return sb.toString();
  }

  /** A light suffix stripper for English and French: "sessions"/"session", "failed"/"failing". */
  static String stem(String word) {
    if (word.length() <= 4 || !Character.isLetter(word.charAt(word.length() - 1))) {
      return word;
    }
    for (String suffix : SUFFIXES) {
      if (word.endsWith(suffix) && word.length() - suffix.length() >= 4) {
        return word.substring(0, word.length() - suffix.length());
      }
    }
    return word;
  }

  private static final String[] SUFFIXES = {"ing", "ees", "ed", "ee", "es", "s", "e"};
}
