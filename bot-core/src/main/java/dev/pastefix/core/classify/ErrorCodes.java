package dev.pastefix.core.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds the error codes a message shows: hexadecimal result codes ({@code 0x8004de90}), prefixed
 * codes ({@code AADSTS65001}) and numbers of four digits or more right after a word that introduces
 * a code ({@code Error 1603}, {@code HRESULT}, {@code Ms-Diagnostics: 510536}). A code is the most
 * specific thing an error says about itself, so one that no entry knows marks someone else's error.
 */
final class ErrorCodes {
  private ErrorCodes() {}

  /** Words (as {@link SectionText} forms them) after which a long number is an error code. */
  private static final Set<String> INTRODUCERS =
      Set.of("error", "erreur", "code", "hresult", "diagnostic", "오류");

  /** The code-like tokens of {@code text}, in order, as {@link SectionText} forms them. */
  static List<String> find(String text) {
    List<SectionText.Token> tokens = SectionText.tokens(text);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      SectionText.Token t = tokens.get(i);
      if (t.variable()) {
        continue;
      }
      String f = t.form();
      boolean introduced =
          i > 0
              && INTRODUCERS.contains(tokens.get(i - 1).form())
              && tokens.get(i - 1).line() == t.line()
              && isNumber(f)
              && f.length() >= 4;
      if (introduced || isHex(f) || isPrefixed(f)) {
        out.add(f);
      }
    }
    return out;
  }

  private static boolean isNumber(String f) {
    for (int i = 0; i < f.length(); i++) {
      if (!Character.isDigit(f.charAt(i))) {
        return false;
      }
    }
    return !f.isEmpty();
  }

  /** {@code 0x} and at least six hexadecimal digits. */
  private static boolean isHex(String f) {
    if (f.length() < 8 || !f.startsWith("0x")) {
      return false;
    }
    for (int i = 2; i < f.length(); i++) {
      if (Character.digit(f.charAt(i), 16) < 0) {
        return false;
      }
    }
    return true;
  }

  /** Three or more letters then four or more digits, nothing else: AADSTS50020. */
  private static boolean isPrefixed(String f) {
    int letters = 0;
    while (letters < f.length() && Character.isLetter(f.charAt(letters))) {
      letters++;
    }
    int digits = f.length() - letters;
    return letters >= 3 && digits >= 4 && isNumber(f.substring(letters));
  }
}
