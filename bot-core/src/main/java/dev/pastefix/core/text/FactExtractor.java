package dev.pastefix.core.text;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Extracts the structured facts of a message ({@link MessageFacts}): cmdlets,
 * FullyQualifiedErrorIds, host names, the remote hosts of a PowerShell session, the sign-in
 * address, the language and the quoted fragments. Every scan is a single pass or an RE2 pattern, so
 * the cost stays linear in the length of the message. Immutable and thread-safe.
 */
public final class FactExtractor {
  private static final Pattern ERROR_ID = Pattern.compile("FullyQualifiedErrorId\\s*:\\s*(\\S+)");

  // RE2 has no look-behind: the character before the address is matched (or the start) instead.
  private static final Pattern EMAIL =
      Pattern.compile(
          "(?:^|[^\\w.%+-])([A-Za-z0-9][A-Za-z0-9._%+'-]*@(?:[A-Za-z0-9-]+\\.)+[A-Za-z]{2,24})");

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

  private final LanguageGuesser languages;

  public FactExtractor() {
    this(new LanguageGuesser());
  }

  FactExtractor(LanguageGuesser languages) {
    this.languages = languages;
  }

  /**
   * The facts of one message, read from the stage of normalisation where each is clearest.
   *
   * @param raw the message as received (cmdlets keep their spelling there)
   * @param cleaned the message with control characters and line ends cleaned, markup still in
   *     (quotes and backticks mark the fragments the writer quoted)
   * @param unmarked the text without chat markup, console framing still in (error ids, remote
   *     hosts)
   * @param text the fully normalised text (hosts, sign-in address, language)
   */
  public MessageFacts extract(String raw, String cleaned, String unmarked, String text) {
    return new MessageFacts(
        cmdlets(raw),
        errorIds(unmarked),
        hosts(text),
        remoteHosts(unmarked),
        signInAddress(text),
        languages.guess(text),
        quoted(cleaned),
        errorRecord(unmarked));
  }

  /** Words that only an error record or a stack trace prints. */
  private static final List<String> ERROR_RECORD_MARKERS =
      List.of("categoryinfo", "fullyqualifiederrorid", "exception", "npm err!", "traceback (");

  /**
   * Whether the text holds an error record: PowerShell's framing (CategoryInfo,
   * FullyQualifiedErrorId, "At line:"), an exception, or a line where a cmdlet reports its failure
   * ("Verb-Noun : ...").
   */
  static boolean errorRecord(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    for (String marker : ERROR_RECORD_MARKERS) {
      if (lower.contains(marker)) {
        return true;
      }
    }
    for (String line : lower.split("\n")) {
      String l = line.strip();
      if (l.startsWith("at line:") || (l.startsWith("at ") && l.contains(" char:"))) {
        return true;
      }
      int colon = l.indexOf(" : ");
      if (colon > 3 && colon < 60) {
        String head = l.substring(0, colon);
        int dash = head.indexOf('-');
        if (dash > 0 && head.indexOf(' ') < 0 && VERBS.contains(head.substring(0, dash))) {
          return true;
        }
      }
    }
    return false;
  }

  static List<String> errorIds(String text) {
    List<String> ids = new ArrayList<>();
    if (text.contains("FullyQualifiedErrorId")) {
      Matcher m = ERROR_ID.matcher(text);
      while (m.find()) {
        addOnce(ids, stripTrailing(m.group(1), ",;"));
      }
    }
    return ids;
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
            stripTrailing(
                    NormalisedText.lowerCollapsed(
                        TextNormaliser.foldPunctuation(text.substring(i + 1, end))),
                    ".,;:!?")
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
    String host = stripTrailing(lower.substring(start, end), ".-");
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

  static Optional<String> signInAddress(String text) {
    if (text.indexOf('@') < 0) {
      return Optional.empty();
    }
    Matcher m = EMAIL.matcher(text);
    if (m.find()) {
      String address = m.group(1);
      if (address.startsWith("sip:")) {
        address = address.substring(4);
      }
      return Optional.of(address.toLowerCase(Locale.ROOT));
    }
    return Optional.empty();
  }

  /** {@code s} without the run of {@code chars} at its end. */
  static String stripTrailing(String s, String chars) {
    int end = s.length();
    while (end > 0 && chars.indexOf(s.charAt(end - 1)) >= 0) {
      end--;
    }
    return s.substring(0, end);
  }

  private static void addOnce(List<String> list, String value) {
    if (!value.isEmpty() && !list.contains(value)) {
      list.add(value);
    }
  }
}
