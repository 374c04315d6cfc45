package dev.pastefix.core.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a chat message into {@link NormalisedText}: Slack and Discord markup, HTML entities, code
 * fences, quotes, emoji and PowerShell console framing (English, French and Korean) are removed,
 * and facts are extracted. The analysed length is bounded, so a megabyte paste costs no more than
 * {@link #MAX_ANALYSED_CHARS}; nothing here throws on odd input. Instances are immutable and
 * thread-safe.
 */
public final class TextNormaliser {
  /** At most this many characters of a message are analysed (head and tail are kept). */
  public static final int MAX_ANALYSED_CHARS = 16_000;

  /** Characters kept from the end of an over-long message; errors are often at the bottom. */
  public static final int TAIL_CHARS = 4_000;

  /** Share of junk characters above which the input is treated as binary data. */
  static final double BINARY_JUNK_SHARE = 0.10;

  private static final Pattern SLACK_USER = Pattern.compile("<@[A-Z0-9]+(?:\\|[^>\\n]*)?>");
  private static final Pattern DISCORD_USER = Pattern.compile("<@[!&]?\\d+>");
  private static final Pattern SLACK_CHANNEL = Pattern.compile("<#[A-Z0-9]+\\|([^>\\n]*)>");
  private static final Pattern DISCORD_CHANNEL = Pattern.compile("<#\\d+>");
  private static final Pattern SLACK_SPECIAL = Pattern.compile("<!([^>|\\n]*)(?:\\|([^>\\n]*))?>");
  private static final Pattern LINK_WITH_LABEL =
      Pattern.compile("<((?:https?|ftp)://[^>|\\s]+)\\|([^>\\n]*)>");
  private static final Pattern LINK = Pattern.compile("<((?:https?|ftp)://[^>|\\s]+)>");
  private static final Pattern MAILTO_WITH_LABEL =
      Pattern.compile("<mailto:([^>|\\s]+)\\|([^>\\n]*)>");
  private static final Pattern MAILTO = Pattern.compile("<mailto:([^>|\\s]+)>");
  private static final Pattern DISCORD_EMOJI = Pattern.compile("<a?:[A-Za-z0-9_~]+:\\d+>");
  private static final Pattern DISCORD_TIME = Pattern.compile("<t:-?\\d+(?::[A-Za-z])?>");
  private static final Pattern FENCE_AT_LINE_END = Pattern.compile("```[A-Za-z0-9_+-]*(?=\\n|$)");
  private static final Pattern QUOTE_PREFIX =
      Pattern.compile("^[ \\t]*(?:>+[ \\t]?)+", Pattern.MULTILINE);
  private static final Pattern PROMPT = Pattern.compile("^\\s*PS(?: [A-Za-z]:\\\\[^>\\n]*)?>\\s*");
  private static final Pattern AT_LINE =
      Pattern.compile(
          "^\\s*(?:At (?:line:\\s*\\d+|.{1,400}?:\\d+) char:\\s*\\d+"
              + "|Au caract[eè]re\\b.*|Au niveau de\\b.*|Caract[eè]re\\s*:\\s*\\d+.*"
              + "|위치\\b.*(?:줄|문자).*|In Zeile:.*|Bei Zeile:.*|En l[ií]nea:.*|Posizione:.*)\\s*$");
  private static final Pattern UNDERLINE = Pattern.compile("^\\s*~{3,}\\s*$");
  private static final Pattern ERROR_ID =
      Pattern.compile("FullyQualifiedErrorId\\s*:\\s*([^\\s]+)");
  private static final Set<String> VERBS =
      Set.of(
          "get",
          "set",
          "new",
          "remove",
          "import",
          "export",
          "enable",
          "disable",
          "grant",
          "revoke",
          "connect",
          "disconnect",
          "enter",
          "exit",
          "start",
          "stop",
          "restart",
          "test",
          "install",
          "uninstall",
          "invoke",
          "add",
          "update",
          "clear",
          "register",
          "unregister",
          "move",
          "select",
          "out",
          "write",
          "format",
          "measure",
          "resolve",
          "use",
          "find",
          "save",
          "unblock",
          "block",
          "suspend",
          "resume",
          "wait",
          "search",
          "send",
          "receive",
          "request",
          "reset",
          "restore",
          "sync",
          "push",
          "convert",
          "convertto",
          "convertfrom");
  private static final Set<String> TLDS =
      Set.of(
          "com",
          "net",
          "org",
          "io",
          "info",
          "biz",
          "fr",
          "de",
          "uk",
          "kr",
          "jp",
          "us",
          "ca",
          "au",
          "nl",
          "be",
          "ch",
          "local",
          "lan",
          "corp",
          "internal",
          "example",
          "edu",
          "gov",
          "co",
          "cloud");

  /** Quoted fragments kept per message; a paste rarely quotes more. */
  static final int MAX_QUOTED = 20;

  /** Length bounds of a quoted fragment worth keeping. */
  static final int MIN_QUOTE_CHARS = 10;

  static final int MAX_QUOTE_CHARS = 400;

  private static final Pattern EMAIL =
      Pattern.compile(
          "(?<![\\w.%+-])[A-Za-z0-9][A-Za-z0-9._%+'-]*@((?:[A-Za-z0-9-]+\\.)+[A-Za-z]{2,24})");
  private final LanguageGuesser languages;

  public TextNormaliser() {
    this(new LanguageGuesser());
  }

  TextNormaliser(LanguageGuesser languages) {
    this.languages = languages;
  }

  /** Normalises one message; never throws, whatever the input. */
  public NormalisedText normalise(String raw) {
    String input = raw == null ? "" : raw;
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
    List<String> quoted = quoted(clean.toString());
    String text =
        Normalizer.isNormalized(clean, Normalizer.Form.NFC)
            ? clean.toString()
            : Normalizer.normalize(clean, Normalizer.Form.NFC);
    text = stripMarkup(text);
    text = foldPunctuation(text);
    List<String> errorIds = new ArrayList<>();
    if (text.contains("FullyQualifiedErrorId")) {
      Matcher ids = ERROR_ID.matcher(text);
      while (ids.find()) {
        addOnce(errorIds, ids.group(1).replaceAll("[,;]+$", ""));
      }
    }
    List<String> remote = remoteHosts(text);
    text = stripFraming(text);
    MessageFacts facts =
        new MessageFacts(
            cmdlets(input),
            errorIds,
            hosts(text),
            remote,
            signInAddress(text),
            languages.guess(text),
            quoted);
    return new NormalisedText(text, NormalisedText.lowerCollapsed(text), facts, truncated, binary);
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
      Matcher special = SLACK_SPECIAL.matcher(t);
      t = special.replaceAll(m -> Matcher.quoteReplacement(m.group(2) == null ? " " : m.group(2)));
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

  /** Verb-Noun words with an approved PowerShell verb, in order of appearance. */
  static List<String> cmdlets(String text) {
    Set<String> found = new LinkedHashSet<>();
    int from = 0;
    while (found.size() < 50) {
      int dash = text.indexOf('-', from);
      if (dash < 0) {
        break;
      }
      from = dash + 1;
      int start = dash;
      while (start > 0 && Character.isLetter(text.charAt(start - 1))) {
        start--;
      }
      int end = dash + 1;
      while (end < text.length() && Character.isLetterOrDigit(text.charAt(end))) {
        end++;
      }
      if (start == dash || end - dash < 4) {
        continue;
      }
      if (start > 0
          && (text.charAt(start - 1) == '-' || Character.isDigit(text.charAt(start - 1)))) {
        continue;
      }
      if (end < text.length() && text.charAt(end) == '-') {
        continue;
      }
      String verb = text.substring(start, dash).toLowerCase(Locale.ROOT);
      if (VERBS.contains(verb) && Character.isLetter(text.charAt(dash + 1))) {
        found.add(text.substring(start, end));
      }
    }
    return List.copyOf(found);
  }

  /** Fragments in backticks or quotes, folded, lower case, whitespace collapsed. */
  static List<String> quoted(String text) {
    Set<String> found = new LinkedHashSet<>();
    int n = text.length();
    for (int i = 0; i < n && found.size() < MAX_QUOTED; i++) {
      char open = text.charAt(i);
      char close = closingQuote(open);
      if (close == 0 || (open == '`' && i + 1 < n && text.charAt(i + 1) == '`')) {
        if (open == '`') {
          while (i + 1 < n && text.charAt(i + 1) == '`') {
            i++;
          }
        }
        continue;
      }
      // An apostrophe inside a word ("can't") opens nothing and closes nothing.
      boolean apostrophe = open == '\'';
      if (apostrophe && i > 0 && Character.isLetterOrDigit(text.charAt(i - 1))) {
        continue;
      }
      int limit = Math.min(n, i + 1 + MAX_QUOTE_CHARS);
      int end = -1;
      for (int j = i + 1; j < limit; j++) {
        char c = text.charAt(j);
        if (c == '\n') {
          break;
        }
        if (c == close
            && !(apostrophe && j + 1 < n && Character.isLetterOrDigit(text.charAt(j + 1)))) {
          end = j;
          break;
        }
      }
      if (end < 0) {
        continue;
      }
      if (end - i - 1 >= MIN_QUOTE_CHARS) {
        String q =
            NormalisedText.lowerCollapsed(foldPunctuation(text.substring(i + 1, end)))
                .replaceAll("[.,;:!?]+$", "")
                .strip();
        if (!q.isEmpty()) {
          found.add(q);
        }
        i = end;
      }
    }
    return List.copyOf(found);
  }

  private static char closingQuote(char open) {
    switch (open) {
      case '`':
        return '`';
      case '\'':
        return '\'';
      case '"':
        return '"';
      case '\u00AB':
        return '\u00BB';
      case '\u201C':
        return '\u201D';
      case '\u2018':
        return '\u2019';
      default:
        return 0;
    }
  }

  /** The hosts PowerShell names as the remote end of a session, lower-case, in order. */
  static List<String> remoteHosts(String text) {
    Set<String> found = new LinkedHashSet<>();
    String lower = text.toLowerCase(Locale.ROOT);
    for (String key : REMOTE_KEYS) {
      int from = 0;
      while (found.size() < 10) {
        int at = lower.indexOf(key, from);
        if (at < 0) {
          break;
        }
        from = at + key.length();
        int start = from;
        while (start < lower.length()
            && (lower.charAt(start) == ' ' || lower.charAt(start) == ':')) {
          start++;
        }
        addHost(lower, start, found);
      }
    }
    int from = 0;
    while (found.size() < 10) {
      int open = lower.indexOf('[', from);
      if (open < 0) {
        break;
      }
      from = open + 1;
      int close = lower.indexOf(']', from);
      if (close < 0 || close - open > 260) {
        continue;
      }
      String after =
          lower.substring(close + 1, Math.min(lower.length(), close + 40)).stripLeading();
      boolean session =
          after.startsWith("connecting")
              || after.startsWith("processing")
              || after.startsWith("la connexion")
              || after.startsWith("le traitement")
              || after.startsWith("다음")
              || after.contains("원격");
      if (session) {
        addHost(lower, open + 1, found);
      }
    }
    return List.copyOf(found);
  }

  private static final List<String> REMOTE_KEYS =
      List.of("remote server ", "serveur distant ", "원격 서버 ", "-computername ", "pscomputername");

  private static void addHost(String lower, int start, Set<String> found) {
    int end = start;
    while (end < lower.length() && isHostChar(lower.charAt(end))) {
      end++;
    }
    String host = lower.substring(start, end).replaceAll("[.-]+$", "");
    if (!host.isEmpty() && Character.isLetterOrDigit(host.charAt(0))) {
      found.add(host);
    }
  }

  /** Host names with a known top-level domain, lower-case, in order of appearance. */
  static List<String> hosts(String text) {
    Set<String> found = new LinkedHashSet<>();
    int i = 0;
    int n = text.length();
    while (i < n && found.size() < 20) {
      char c = text.charAt(i);
      if (!isHostChar(c)) {
        i++;
        continue;
      }
      int start = i;
      while (i < n
          && (isHostChar(text.charAt(i)) || text.charAt(i) == '@' || text.charAt(i) == '_')) {
        i++;
      }
      String token = text.substring(start, i).toLowerCase(Locale.ROOT);
      if (token.indexOf('@') >= 0 || token.indexOf('_') >= 0 || token.indexOf('.') < 0) {
        continue;
      }
      while (token.endsWith(".") || token.endsWith("-")) {
        token = token.substring(0, token.length() - 1);
      }
      while (token.startsWith(".") || token.startsWith("-")) {
        token = token.substring(1);
      }
      int dot = token.lastIndexOf('.');
      if (dot <= 0 || token.contains("..")) {
        continue;
      }
      if (TLDS.contains(token.substring(dot + 1))) {
        found.add(token);
      }
    }
    return List.copyOf(found);
  }

  private static boolean isHostChar(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '.'
        || c == '-';
  }

  private static Optional<String> signInAddress(String text) {
    if (text.indexOf('@') < 0) {
      return Optional.empty();
    }
    Matcher m = EMAIL.matcher(text);
    if (m.find()) {
      String address = m.group();
      if (address.startsWith("sip:")) {
        address = address.substring(4);
      }
      return Optional.of(address.toLowerCase(Locale.ROOT));
    }
    return Optional.empty();
  }

  private static void addOnce(List<String> list, String value) {
    if (!value.isEmpty() && !list.contains(value)) {
      list.add(value);
    }
  }
}
