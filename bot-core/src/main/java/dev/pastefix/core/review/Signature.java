package dev.pastefix.core.review;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.pastefix.core.text.TextNormaliser;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The shape of one message with its variable parts (GUIDs, dates, addresses, host names, paths,
 * user names, numbers) replaced by placeholders such as {@code <host>}, so that the same error
 * pasted by many people with their own tenants and machines reads the same. For an error paste the
 * shape is the error's lines (names in quotes after words such as user or policy become {@code
 * <user>} or {@code <name>}); for a question in plain words it is the whole question, and {@link
 * #errorText()} is false.
 *
 * @param text the shape, case kept, whitespace collapsed, at most {@link #MAX_CHARS} characters
 * @param key the lower-case shape, equal for messages that differ only in their variable parts
 * @param errorText whether the message quotes an error rather than asking in plain words
 */
public record Signature(String text, String key, boolean errorText) {
  /** Longest shape kept: the start of an error is what tells errors apart. */
  public static final int MAX_CHARS = 300;

  public Signature {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(key, "key");
  }

  /** A placeholder and what it stands for, applied in this order. */
  private record Placeholder(String name, Pattern pattern) {}

  private static final List<Placeholder> PLACEHOLDERS =
      List.of(
          placeholder(
              "guid", "\\{?\\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\b\\}?"),
          placeholder("url", "\\b(?:https?|ftp)://[^\\s'\"<>]+"),
          placeholder(
              "date",
              "\\b\\d{4}-\\d{2}-\\d{2}(?:[T ]\\d{1,2}:\\d{2}(?::\\d{2}(?:[.,]\\d+)?)?"
                  + "(?:Z|[+-]\\d{2}:?\\d{2})?)?\\b"
                  + "|\\b\\d{1,2}(?:/\\d{1,2}/\\d{2,4}|\\.\\d{1,2}\\.\\d{4})\\b"
                  + "(?:,? \\d{1,2}:\\d{2}(?::\\d{2})?"
                  + "(?: ?[AP]M)?)?"
                  + "|\\b\\d{1,2}:\\d{2}:\\d{2}(?: ?[AP]M)?"),
          placeholder("user", "\\b[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+\\b"),
          placeholder(
              "path",
              "\\b[A-Za-z]:\\\\[^\\s'\"<>|]*|\\\\\\\\[^\\s'\"<>|]+"
                  + "|(?:^|\\s)(?:~|\\.{1,2})?(?:/[A-Za-z0-9._-]+){2,}/?"),
          placeholder("address", "\\b\\d{1,3}(?:\\.\\d{1,3}){3}(?::\\d{1,5})?\\b"),
          placeholder(
              "host",
              "(?i)\\b(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+"
                  + "(?:com|net|org|edu|gov|io|local|lan|corp|internal|[a-z]{2})\\b"),
          // DOMAIN backslash name, and the name inside "user 'x'" / "for the user 'x'".
          placeholder("user", "\\b[A-Za-z0-9-]{2,15}\\\\[A-Za-z0-9._-]+"),
          // Hexadecimal codes (0x80070005) tell errors apart and stay.
          placeholder("number", "(?:^|[^A-Za-z0-9<])-?\\d+(?:[.,]\\d+)*\\b"));

  // Names in quotes after the word user / account / tenant; the quotes stay, the name goes.
  private static final Pattern QUOTED_USER =
      Pattern.compile("(?i)\\b(user|account|tenant|mailbox|identity|domain)(\\s+)'[^'\\n]{1,100}'");

  // Names people give things (policies, groups, teams): each tenant has its own.
  private static final Pattern QUOTED_NAME =
      Pattern.compile("(?i)\\b(policy|group|team|channel|site|pool|plan)(\\s+)'[^'\\n]{1,100}'");

  private static final Pattern ERROR_MARKERS =
      Pattern.compile(
          "(?i)\\b[A-Za-z]+-[A-Za-z]+\\s+:|\\berror\\b|\\bexception\\b|\\bfailed\\b|\\bfailure\\b"
              + "|\\bcannot\\b|\\bcan not\\b|\\bunable\\b|\\bdenied\\b|\\bnot recognized\\b"
              + "|\\binvalid\\b|\\bAADSTS\\d+|\\b0x[0-9a-f]{6,}\\b|\\bexceeded\\b|\\btimed? ?out\\b"
              + "|\\berreur\\b|échec|\\bimpossible\\b|오류|실패");

  private static final TextNormaliser NORMALISER = new TextNormaliser();

  /** The signature of one message's (redacted) text. */
  public static Signature of(String redactedText) {
    String normalised = NORMALISER.normalise(redactedText).text();
    List<String> lines = new ArrayList<>();
    for (String line : normalised.split("\n")) {
      String stripped = line.strip();
      if (!stripped.isEmpty()) {
        lines.add(stripped);
      }
    }
    int first = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (ERROR_MARKERS.matcher(lines.get(i)).find()) {
        first = i;
        break;
      }
    }
    String shape;
    boolean errorText = first >= 0;
    if (errorText) {
      // The error's lines: from the first that looks like an error, up to a line of chatter
      // ("any ideas?") that people add around a paste.
      StringBuilder sb = new StringBuilder(lines.get(first));
      for (int i = first + 1; i < lines.size() && sb.length() < MAX_CHARS; i++) {
        String line = lines.get(i);
        if (isChatter(line)) {
          break;
        }
        sb.append(' ').append(line);
      }
      shape = sb.toString();
    } else {
      shape = String.join(" ", lines);
    }
    shape = replaceVariableParts(shape);
    shape = collapse(shape);
    if (shape.length() > MAX_CHARS) {
      shape = cut(shape, MAX_CHARS);
    }
    return new Signature(shape, shape.toLowerCase(Locale.ROOT), errorText);
  }

  /** Whether the shape has placeholders, so a symptom for it must be a pattern. */
  public boolean variable() {
    return text.indexOf('<') >= 0 && PLACEHOLDER.matcher(text).find();
  }

  static final Pattern PLACEHOLDER =
      Pattern.compile("<(guid|url|date|user|name|path|address|host|number)>");

  private static Placeholder placeholder(String name, String regex) {
    return new Placeholder(name, Pattern.compile(regex));
  }

  private static boolean isChatter(String line) {
    if (ERROR_MARKERS.matcher(line).find()) {
      return false;
    }
    return line.endsWith("?") || line.split("\\s+").length <= 4;
  }

  static String replaceVariableParts(String text) {
    String out = QUOTED_USER.matcher(text).replaceAll("$1$2'<user>'");
    out = QUOTED_NAME.matcher(out).replaceAll("$1$2'<name>'");
    for (Placeholder p : PLACEHOLDERS) {
      Matcher m = p.pattern().matcher(out);
      if (!m.find()) {
        continue;
      }
      StringBuilder sb = new StringBuilder(out.length());
      int last = 0;
      m.reset();
      while (m.find()) {
        int start = m.start();
        // Patterns that must look one character back keep that character.
        while (start < m.end() && !isPartOf(out.charAt(start), p.name())) {
          start++;
        }
        sb.append(out, last, start).append('<').append(p.name()).append('>');
        last = m.end();
      }
      sb.append(out, last, out.length());
      out = sb.toString();
    }
    // Two placeholders of one kind in a row ("<number> <number>") read as one.
    return out.replaceAll("(<[a-z]+>)(?:[ ,.;:-]*\\1)+", "$1");
  }

  private static boolean isPartOf(char c, String placeholder) {
    switch (placeholder) {
      case "number":
        return Character.isDigit(c) || c == '-';
      case "path":
        return !Character.isWhitespace(c);
      default:
        return true;
    }
  }

  private static String collapse(String text) {
    return text.strip().replaceAll("\\s+", " ");
  }

  /** Cuts at a space at or before {@code max}, never inside a placeholder. */
  static String cut(String text, int max) {
    int at = text.lastIndexOf(' ', max);
    if (at <= 0) {
      at = max;
    }
    String head = text.substring(0, at);
    int open = head.lastIndexOf('<');
    if (open >= 0 && head.indexOf('>', open) < 0) {
      head = head.substring(0, open);
    }
    return head.strip();
  }
}
