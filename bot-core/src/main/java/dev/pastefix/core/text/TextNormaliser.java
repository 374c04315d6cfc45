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
  static final int TAIL_CHARS = 4_000;

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
  private static final Pattern SHORTCODE =
      Pattern.compile("(?<=^|\\s):[a-z0-9_+'-]{2,40}:(?=\\s|$)", Pattern.MULTILINE);
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
  private static final Pattern REMOTE_HOST =
      Pattern.compile(
          "(?:^|\\s)\\[([A-Za-z0-9][A-Za-z0-9.-]*)\\]\\s+(?:Connecting|Processing|La connexion|Le"
              + " traitement|\\S*원격|다음)|(?:remote server|serveur distant|원격"
              + " 서버|-ComputerName|PSComputerName\\s*:)\\s+([A-Za-z0-9][A-Za-z0-9.-]*)",
          Pattern.CASE_INSENSITIVE);
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
            languages.guess(text));
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
      t = SHORTCODE.matcher(t).replaceAll(" ");
    }
    return stripEmoji(t);
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

  /** The hosts PowerShell names as the remote end of a session, lower-case, in order. */
  static List<String> remoteHosts(String text) {
    Set<String> found = new LinkedHashSet<>();
    if (text.indexOf('[') < 0
        && !text.contains("erver")
        && !text.contains("erveur")
        && !text.contains("ComputerName")
        && !text.contains("서버")) {
      return List.of();
    }
    Matcher m = REMOTE_HOST.matcher(text);
    while (m.find() && found.size() < 10) {
      String host = m.group(1) != null ? m.group(1) : m.group(2);
      host = host.toLowerCase(Locale.ROOT).replaceAll("[.-]+$", "");
      if (!host.isEmpty()) {
        found.add(host);
      }
    }
    return List.copyOf(found);
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
