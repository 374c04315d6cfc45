package dev.pastefix.core.text;

import com.google.re2j.Pattern;
import java.text.Normalizer;

/**
 * Turns a chat message into {@link NormalisedText}: Slack and Discord markup, HTML entities, code
 * fences, quotes, emoji and PowerShell console framing (English, French and Korean) are removed;
 * the {@link FactExtractor} reads the facts. The analysed length is bounded, so a megabyte paste
 * costs no more than {@link #MAX_ANALYSED_CHARS}; nothing here throws on odd input. Instances are
 * immutable and thread-safe.
 */
public final class TextNormaliser {
  /** At most this many characters of a message are analysed (head and tail are kept). */
  public static final int MAX_ANALYSED_CHARS = 16_000;

  /** Characters kept from the end of an over-long message; errors are often at the bottom. */
  public static final int TAIL_CHARS = 4_000;

  /** Share of junk characters above which the input is treated as binary data. */
  static final double BINARY_JUNK_SHARE = 0.10;

  // Every pattern here runs on user text, so all are RE2 (linear time, no recursion): a crafted
  // message such as "> " repeated thousands of times cannot overflow the stack.
  private static final Pattern SLACK_USER = Pattern.compile("<@[A-Z0-9]+(?:\\|[^>\\n]*)?>");
  private static final Pattern DISCORD_USER = Pattern.compile("<@[!&]?\\d+>");
  private static final Pattern SLACK_CHANNEL = Pattern.compile("<#[A-Z0-9]+\\|([^>\\n]*)>");
  private static final Pattern DISCORD_CHANNEL = Pattern.compile("<#\\d+>");
  private static final Pattern SLACK_SPECIAL_WITH_LABEL =
      Pattern.compile("<![^>|\\n]*\\|([^>\\n]*)>");
  private static final Pattern SLACK_SPECIAL = Pattern.compile("<![^>|\\n]*>");
  private static final Pattern LINK_WITH_LABEL =
      Pattern.compile("<((?:https?|ftp)://[^>|\\s]+)\\|([^>\\n]*)>");
  private static final Pattern LINK = Pattern.compile("<((?:https?|ftp)://[^>|\\s]+)>");
  private static final Pattern MAILTO_WITH_LABEL =
      Pattern.compile("<mailto:([^>|\\s]+)\\|([^>\\n]*)>");
  private static final Pattern MAILTO = Pattern.compile("<mailto:([^>|\\s]+)>");
  private static final Pattern DISCORD_EMOJI = Pattern.compile("<a?:[A-Za-z0-9_~]+:\\d+>");
  private static final Pattern DISCORD_TIME = Pattern.compile("<t:-?\\d+(?::[A-Za-z])?>");
  private static final Pattern FENCE_AT_LINE_END =
      Pattern.compile("```[A-Za-z0-9_+-]*$", Pattern.MULTILINE);
  private static final Pattern QUOTE_PREFIX =
      Pattern.compile("^[ \\t]*(?:>+[ \\t]?)+", Pattern.MULTILINE);
  private static final Pattern PROMPT = Pattern.compile("^\\s*PS(?: [A-Za-z]:\\\\[^>\\n]*)?>\\s*");
  private static final Pattern AT_LINE =
      Pattern.compile(
          "^\\s*(?:At (?:line:\\s*\\d+|.+:\\d+) char:\\s*\\d+"
              + "|Au caract[eè]re\\b.*|Au niveau de\\b.*|Caract[eè]re\\s*:\\s*\\d+.*"
              + "|위치[\\s:].*(?:줄|문자).*|In Zeile:.*|Bei Zeile:.*|En l[ií]nea:.*|Posizione:.*)\\s*$");
  private static final Pattern UNDERLINE = Pattern.compile("^\\s*~{3,}\\s*$");

  /** Console framing lines are short; a longer line is content whatever it starts with. */
  static final int MAX_FRAMING_LINE = 1_000;

  private final FactExtractor facts;

  public TextNormaliser() {
    this(new FactExtractor());
  }

  public TextNormaliser(FactExtractor facts) {
    this.facts = facts;
  }

  /** Normalises one message; never throws, whatever the input. */
  public NormalisedText normalise(String raw) {
    String input = Repetition.collapse(raw == null ? "" : raw);
    boolean truncated = false;
    if (input.length() > MAX_ANALYSED_CHARS) {
      int head = MAX_ANALYSED_CHARS - TAIL_CHARS;
      input = input.substring(0, head) + "\n" + input.substring(input.length() - TAIL_CHARS);
      truncated = true;
    }
    int junk = 0;
    StringBuilder clean = new StringBuilder(input.length());
    for (int i = 0; i < input.length(); i++) {
      char c = input.charAt(i);
      if (c == '\r') {
        clean.append('\n');
        if (i + 1 < input.length() && input.charAt(i + 1) == '\n') {
          i++;
        }
      } else if (c == '\n' || c == '\t') {
        clean.append(c == '\t' ? ' ' : '\n');
      } else if (Character.isISOControl(c)
          || c == '\uFFFD'
          || (Character.isSurrogate(c) && !validPair(input, i))
          || (c >= '\uE000' && c <= '\uF8FF')) {
        junk++;
        clean.append(' ');
      } else {
        clean.append(c);
      }
    }
    boolean binary = input.length() > 0 && junk > BINARY_JUNK_SHARE * input.length();
    String cleaned = clean.toString();
    String text =
        Normalizer.isNormalized(clean, Normalizer.Form.NFC)
            ? cleaned
            : Normalizer.normalize(clean, Normalizer.Form.NFC);
    text = stripMarkup(text);
    String unmarked = foldPunctuation(text);
    text = stripFraming(unmarked);
    MessageFacts facts = this.facts.extract(input, cleaned, unmarked, text);
    return new NormalisedText(
        text,
        NormalisedText.lowerCollapsed(text),
        facts,
        truncated,
        binary,
        DataShape.isData(unmarked));
  }

  private static boolean validPair(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }
    return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
  }

  static String stripMarkup(String text) {
    String t = text;
    if (t.indexOf('<') >= 0) {
      t = SLACK_USER.matcher(t).replaceAll(" ");
      t = DISCORD_USER.matcher(t).replaceAll(" ");
      t = SLACK_CHANNEL.matcher(t).replaceAll("#$1");
      t = DISCORD_CHANNEL.matcher(t).replaceAll(" ");
      t = DISCORD_EMOJI.matcher(t).replaceAll(" ");
      t = DISCORD_TIME.matcher(t).replaceAll(" ");
      t = MAILTO_WITH_LABEL.matcher(t).replaceAll("$2");
      t = MAILTO.matcher(t).replaceAll("$1");
      t = LINK_WITH_LABEL.matcher(t).replaceAll("$2");
      t = LINK.matcher(t).replaceAll("$1");
      t = SLACK_SPECIAL_WITH_LABEL.matcher(t).replaceAll("$1");
      t = SLACK_SPECIAL.matcher(t).replaceAll(" ");
    }
    if (t.indexOf('&') >= 0) {
      t =
          t.replace("&lt;", "<")
              .replace("&gt;", ">")
              .replace("&quot;", "\"")
              .replace("&#39;", "'")
              .replace("&nbsp;", " ")
              .replace("&amp;", "&");
    }
    if (t.indexOf('`') >= 0) {
      t = FENCE_AT_LINE_END.matcher(t).replaceAll("");
      t = t.replace("```", "\n");
      t = t.replace("`", " ");
    }
    t = t.replace("**", "");
    if (t.indexOf('>') >= 0) {
      t = QUOTE_PREFIX.matcher(t).replaceAll("");
    }
    if (t.indexOf(':') >= 0) {
      t = stripShortcodes(t);
    }
    return stripEmoji(t);
  }

  /** Removes ":name:" emoji shortcodes that stand alone between spaces. */
  static String stripShortcodes(String t) {
    StringBuilder out = null;
    int last = 0;
    int n = t.length();
    for (int i = 0; i < n; i++) {
      if (t.charAt(i) != ':' || (i > 0 && !Character.isWhitespace(t.charAt(i - 1)))) {
        continue;
      }
      int j = i + 1;
      while (j < n && j - i <= 41 && isShortcodeChar(t.charAt(j))) {
        j++;
      }
      boolean closes = j < n && t.charAt(j) == ':' && j - i - 1 >= 2;
      if (closes && (j + 1 == n || Character.isWhitespace(t.charAt(j + 1)))) {
        if (out == null) {
          out = new StringBuilder(n);
        }
        out.append(t, last, i).append(' ');
        last = j + 1;
        i = j;
      }
    }
    if (out == null) {
      return t;
    }
    return out.append(t, last, n).toString();
  }

  private static boolean isShortcodeChar(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '_'
        || c == '+'
        || c == '\''
        || c == '-';
  }

  private static String stripEmoji(String t) {
    boolean any = false;
    for (int i = 0; i < t.length() && !any; i++) {
      char c = t.charAt(i);
      any =
          Character.isSurrogate(c)
              || (c >= '\u2600' && c <= '\u27BF')
              || c == '\uFE0F'
              || c == '\u200D'
              || c == '\u20E3';
    }
    if (!any) {
      return t;
    }
    StringBuilder out = new StringBuilder(t.length());
    int i = 0;
    while (i < t.length()) {
      int cp = t.codePointAt(i);
      i += Character.charCount(cp);
      boolean emoji =
          cp >= 0x1F000
              || (cp >= 0x2600 && cp <= 0x27BF)
              || cp == 0xFE0F
              || cp == 0x200D
              || cp == 0x20E3;
      if (emoji) {
        out.append(' ');
      } else {
        out.appendCodePoint(cp);
      }
    }
    return out.toString();
  }

  /** Typographic quotes and spaces become their plain forms, so signatures match either way. */
  public static String foldPunctuation(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\u2018', '\u2019', '\u02BC', '\u2032' -> out.append('\'');
        case '\u201C', '\u201D', '\u201E', '\u00AB', '\u00BB' -> out.append('"');
        case '\u00A0', '\u202F', '\u2007', '\u2009', '\u3000' -> out.append(' ');
        case '\u2026' -> out.append("...");
        case '\u2010', '\u2011' -> out.append('-');
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  static String stripFraming(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (String line : text.split("\n", -1)) {
      String l = line.indexOf('<') >= 0 ? line.replace("<<<<", " ") : line;
      if (isFraming(l)) {
        continue;
      }
      String stripped = l.strip();
      if (stripped.startsWith("PS")) {
        l = PROMPT.matcher(l).replaceFirst("");
      }
      l = collapseSpaces(l);
      if (!l.isEmpty()) {
        out.append(l).append('\n');
      }
    }
    return out.toString().strip();
  }

  private static boolean isFraming(String line) {
    String s = line.stripLeading();
    if (s.isEmpty()) {
      return false;
    }
    char c = s.charAt(0);
    if (c == '+') {
      return s.length() == 1 || Character.isWhitespace(s.charAt(1));
    }
    if (s.length() > MAX_FRAMING_LINE) {
      return false;
    }
    if (c == '~') {
      return UNDERLINE.matcher(s).matches();
    }
    if (c == 'A' || c == 'C' || c == 'I' || c == 'B' || c == 'E' || c == 'P' || c == '\uC704') {
      return AT_LINE.matcher(s).matches();
    }
    return false;
  }

  private static String collapseSpaces(String line) {
    StringBuilder out = new StringBuilder(line.length());
    boolean space = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == ' ' || c == '\t') {
        space = true;
        continue;
      }
      if (space && out.length() > 0) {
        out.append(' ');
      }
      space = false;
      out.append(c);
    }
    return out.toString();
  }
}
