package dev.pastefix.core.text;

import java.util.HashSet;
import java.util.Set;

/**
 * Reduces a message that repeats itself to one copy: a script loop's output pasted whole, or one
 * line pasted a thousand times, is the same error as a single copy and must read the same. Lines
 * seen before are dropped, then text made of copies of one piece keeps one piece. Linear time.
 */
final class Repetition {
  private Repetition() {}

  /** Longer texts are not searched for a period (the analysed length is cut anyway). */
  static final int MAX_PERIOD_SEARCH = 2_000_000;

  static String collapse(String text) {
    return onePeriod(distinctLines(text));
  }

  /** The text without lines (compared without surrounding spaces) that appeared before. */
  static String distinctLines(String text) {
    if (text.indexOf('\n') < 0) {
      return text;
    }
    Set<String> seen = new HashSet<>();
    StringBuilder out = new StringBuilder(text.length());
    int start = 0;
    int n = text.length();
    boolean dropped = false;
    while (start <= n) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        end = n;
      }
      String line = text.substring(start, end);
      String key = line.strip();
      if (key.isEmpty() || seen.add(key)) {
        if (out.length() > 0) {
          out.append('\n');
        }
        out.append(line);
      } else {
        dropped = true;
      }
      start = end + 1;
    }
    return dropped ? out.toString() : text;
  }

  /**
   * One copy of a text made of at least two copies of one piece (the last copy may be cut short);
   * the text itself otherwise. Uses the prefix function: the shortest period of a string of length
   * n is n minus its longest proper border.
   */
  static String onePeriod(String text) {
    String s = text.strip();
    int n = s.length();
    if (n < 4 || n > MAX_PERIOD_SEARCH) {
      return text;
    }
    int[] border = new int[n];
    for (int i = 1; i < n; i++) {
      int k = border[i - 1];
      while (k > 0 && s.charAt(i) != s.charAt(k)) {
        k = border[k - 1];
      }
      if (s.charAt(i) == s.charAt(k)) {
        k++;
      }
      border[i] = k;
    }
    int period = n - border[n - 1];
    if (period * 2 > n) {
      return text;
    }
    return s.substring(0, period).strip();
  }
}
