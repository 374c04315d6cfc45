package dev.pastefix.discord;

/**
 * Cuts text to a platform limit, marking the cut with an ellipsis and keeping code fences closed.
 */
final class Truncation {
  static final String ELLIPSIS = "\u2026";
  private static final String FENCE = "```";
  private static final String CLOSE = ELLIPSIS + "\n" + FENCE;

  private Truncation() {}

  /** {@code text} unchanged when it fits in {@code max} characters, else cut and marked. */
  static String fit(String text, int max) {
    if (max < 1) {
      return "";
    }
    if (text.length() <= max) {
      return text;
    }
    if (max < CLOSE.length() + 1) {
      return whole(text.substring(0, max - 1)) + ELLIPSIS;
    }
    String cut = text.substring(0, max - ELLIPSIS.length());
    if (openFence(cut)) {
      // An unclosed fence would turn the rest of the message into code.
      cut = text.substring(0, max - CLOSE.length());
      if (openFence(cut)) {
        return whole(cut) + CLOSE;
      }
    }
    return whole(cut) + ELLIPSIS;
  }

  /** Never leaves half of a surrogate pair (an emoji) at the cut. */
  private static String whole(String cut) {
    if (!cut.isEmpty() && Character.isHighSurrogate(cut.charAt(cut.length() - 1))) {
      return cut.substring(0, cut.length() - 1);
    }
    return cut;
  }

  private static boolean openFence(String text) {
    int count = 0;
    for (int i = text.indexOf(FENCE); i >= 0; i = text.indexOf(FENCE, i + FENCE.length())) {
      count++;
    }
    return count % 2 == 1;
  }
}
