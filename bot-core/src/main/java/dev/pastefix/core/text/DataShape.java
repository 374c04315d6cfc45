package dev.pastefix.core.text;

/**
 * Tells data from words: a message whose lines are nearly all JSON, table rows, lists of addresses
 * or log lines without an error holds no evidence of a cause, however many user names or "SIP"
 * columns it shows. Single pass over the lines.
 */
final class DataShape {
  private DataShape() {}

  /** Lines a message needs before it can count as data; a short message is read as words. */
  static final int MIN_LINES = 3;

  /** Share of data lines from which the whole message counts as data. */
  static final double DATA_SHARE = 0.8;

  static boolean isData(String text) {
    int lines = 0;
    int data = 0;
    int start = 0;
    int n = text.length();
    while (start < n) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        end = n;
      }
      String line = text.substring(start, end).strip();
      start = end + 1;
      if (line.isEmpty()) {
        continue;
      }
      lines++;
      if (isDataLine(line)) {
        data++;
      }
    }
    return lines >= MIN_LINES && data >= DATA_SHARE * lines;
  }

  static boolean isDataLine(String line) {
    char first = line.charAt(0);
    if (first == '{' || first == '}' || first == '[' || first == ']' || first == '"') {
      return true;
    }
    if (isRule(line) || isAddress(line) || isLogWithoutError(line)) {
      return true;
    }
    return columns(line) >= 3 || commas(line) >= 3 && !line.contains(". ");
  }

  /** A table's rule ("-- ----", "|---|---|", "====="). */
  private static boolean isRule(String line) {
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c != '-' && c != '=' && c != '|' && c != '+' && c != ' ' && c != ':') {
        return false;
      }
    }
    return true;
  }

  /** One address (or a few separated by commas or semicolons) and nothing else. */
  private static boolean isAddress(String line) {
    int at = line.indexOf('@');
    if (at <= 0) {
      return false;
    }
    for (String part : line.split("[,;]")) {
      String p = part.strip();
      if (!p.isEmpty() && (p.indexOf(' ') >= 0 || p.indexOf('@') <= 0)) {
        return false;
      }
    }
    return true;
  }

  /** A log line that starts with a date or time and reports no error or warning. */
  private static boolean isLogWithoutError(String line) {
    if (line.length() < 8 || !Character.isDigit(line.charAt(0)) && line.charAt(0) != '[') {
      return false;
    }
    int digits = 0;
    for (int i = 0; i < Math.min(12, line.length()); i++) {
      if (Character.isDigit(line.charAt(i))) {
        digits++;
      }
    }
    if (digits < 4) {
      return false;
    }
    String lower = line.toLowerCase(java.util.Locale.ROOT);
    return !(lower.contains("error")
        || lower.contains("fail")
        || lower.contains("warn")
        || lower.contains("exception")
        || lower.contains("cannot")
        || lower.contains("denied")
        || lower.contains("exceeded"));
  }

  /** Columns separated by runs of two or more spaces or by '|'. */
  private static int columns(String line) {
    int columns = 1;
    for (int i = 1; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '|') {
        columns++;
      } else if (c == ' '
          && line.charAt(i - 1) == ' '
          && i + 1 < line.length()
          && line.charAt(i + 1) != ' ') {
        columns++;
      }
    }
    return columns;
  }

  private static int commas(String line) {
    int commas = 0;
    for (int i = 0; i < line.length(); i++) {
      if (line.charAt(i) == ',') {
        commas++;
      }
    }
    return commas;
  }
}
