package dev.pastefix.core.telemetry;

/**
 * Text that came from outside (a card's data, a button's value, a user's words) as a log line may
 * show it: quoted, control characters escaped, cut to {@link #MAX_CHARS}, so it can neither forge a
 * line of its own nor flood the log.
 */
public final class LoggedText {
  /** The longest excerpt shown. */
  public static final int MAX_CHARS = 120;

  private LoggedText() {}

  /** {@code text} quoted and escaped, such as {@code "a\nb"}. */
  public static String quoted(String text) {
    StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_CHARS) + 8).append('"');
    int i = 0;
    for (; i < text.length() && i < MAX_CHARS; i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c == '\n') {
        out.append("\\n");
      } else if (c == '\r') {
        out.append("\\r");
      } else if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    out.append('"');
    if (i < text.length()) {
      out.append("…(").append(text.length()).append(" chars)");
    }
    return out.toString();
  }
}
