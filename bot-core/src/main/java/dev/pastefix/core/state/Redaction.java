package dev.pastefix.core.state;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one redactor: replaces passwords, keys and tokens in text with {@value #MARK} before the text
 * is stored, handed over, shared or logged. It knows secrets by their shape (cloud and chat tokens,
 * JWTs, private keys, webhook URLs, credentials in URLs) and by what names them ({@code password:},
 * {@code -NewPassword}, {@code $pass = "..."}, {@code net user NAME PASSWORD}, {@code mot de passe
 * :}, {@code 비밀번호:} ...), and leaves look-alikes (GUIDs, hashes, {@code -Credential $cred}, {@code
 * password} in prose) alone.
 *
 * <p>It costs a few microseconds on a paste: one pass over the text finds the keywords (looked up
 * by their first two characters), and each rule reads a bounded window after its keyword with a
 * pattern that cannot backtrack far, so the time grows with the length of the text, never faster,
 * whatever the text holds.
 */
public final class Redaction {
  /** What a secret is replaced with. */
  public static final String MARK = "[redacted]";

  private static final Pattern BASE64_LINE = Pattern.compile("[a-z0-9+/=]+");

  /** How far after its keyword a rule reads. */
  private static final int WINDOW = 600;

  /** A value named by a key: quoted, or a run of characters up to the next separator. */
  private static final String VALUE =
      "(\"[^\"\\n]{1,300}\"|'[^'\\n]{1,300}'|[^\\s;,&\"'<>]{1,300})";

  /** Values that are a setting, a placeholder or a variable rather than a secret. */
  private static final String NOT_A_SECRET =
      "(?!(?:true|false|null|none|yes|no|\\$true|\\$false|required|optional|expired|reset)"
          + "(?![^\\s;,&\"'<>)\\]}]))(?![$<{*(\\[%])";

  /** {@code key: value}, {@code key = value}, {@code "key": "value"}, {@code key => value}. */
  private static final String SEPARATOR = "[\"']?[ \\t]{0,3}(?::=|=>|[:=：])[ \\t]{0,3}";

  /** A token's value: at least eight characters, so a word such as "expired" never is one. */
  private static final String TOKEN_VALUE =
      "(\"[^\"\\n]{8,2000}\"|'[^'\\n]{8,2000}'|[^\\s;,&\"'<>]{8,2000})";

  /** Where a keyword may start. */
  private enum Start {
    /** Anywhere, such as {@code password} inside {@code NewPassword}. */
    ANYWHERE,
    /** Not right after a letter, so {@code pass} never matches inside {@code bypass}. */
    AFTER_NON_LETTER,
    /** Not right after a letter, digit, {@code _} or {@code -}: a token's own first character. */
    TOKEN_START,
    /** Inside a PowerShell parameter name: {@code -NewPassword}, {@code -ClientSecret}. */
    PARAMETER,
    /** Inside a variable name: {@code $pass}, {@code $AdminPassword}. */
    VARIABLE,
    /** Inside an XML element name: {@code <Password>}, {@code <ClientSecret>}. */
    ELEMENT
  }

  /**
   * One shape of secret: where {@code keyword} is found (and may start), the {@code pattern} read
   * from {@code back} characters before it; the secret is every group that took part (or the whole
   * match when the pattern has no group). {@code words} splits the group into PowerShell arguments
   * and redacts the ones that are literal values. {@code keyed} rules skip variables ({@code
   * $password = Read-Host}): a variable's value is a secret only when it is a quoted literal.
   */
  private record Rule(
      String keyword, Start start, int back, Pattern pattern, boolean words, boolean keyed) {}

  /** A keyword and the rules that start from it. */
  private record Keyword(String text, List<Rule> rules) {}

  private static final int ASCII = 128;

  private static final Map<String, List<Rule>> RULES = rules();

  /** The keywords that start with two ASCII characters, by those two (index {@code c << 7 | d}). */
  private static final Keyword[][] BY_PAIR = new Keyword[ASCII * ASCII][];

  /**
   * For each ASCII character {@code c}, the ASCII characters {@code d} that follow it at the start
   * of a keyword: bit {@code d % 64} of {@code SECOND[c * 2 + d / 64]}.
   */
  private static final long[] SECOND = new long[ASCII * 2];

  /** The keywords that do not, such as {@code 비밀번호}. */
  private static final Keyword[] OTHER_KEYWORDS;

  static {
    Map<Integer, List<Keyword>> pairs = new LinkedHashMap<>();
    List<Keyword> others = new ArrayList<>();
    for (Map.Entry<String, List<Rule>> e : RULES.entrySet()) {
      String text = e.getKey();
      if (text.length() < 2) {
        throw new IllegalStateException("a keyword needs two characters: " + text);
      }
      Keyword keyword = new Keyword(text, e.getValue());
      char c = text.charAt(0);
      char d = text.charAt(1);
      if (c < ASCII && d < ASCII) {
        pairs.computeIfAbsent((c << 7) | d, k -> new ArrayList<>()).add(keyword);
        SECOND[(c << 1) | (d >>> 6)] |= 1L << d;
      } else {
        others.add(keyword);
      }
    }
    pairs.forEach((pair, keywords) -> BY_PAIR[pair] = keywords.toArray(new Keyword[0]));
    OTHER_KEYWORDS = others.toArray(new Keyword[0]);
  }

  private Redaction() {}

  /** {@code text} with every secret the rules recognise replaced by {@value #MARK}. */
  public static String redact(String text) {
    if (text.isEmpty()) {
      return text;
    }
    char[] chars = asciiLowerCase(text);
    String lower = new String(chars);
    Spans spans = new Spans();
    // One pass over the text finds every keyword at every place it occurs: the pair of characters
    // at each place is looked up in a bit set first (most pairs start no keyword), then the
    // keywords starting with that pair are tried; keywords not starting with two ASCII characters
    // are tried wherever a character is not ASCII. Each rule adds spans that are merged at the end,
    // so the order does not matter.
    int last = chars.length - 1;
    for (int at = 0; at < last; at++) {
      char c = chars[at];
      char d = chars[at + 1];
      Keyword[] candidates;
      if (c < ASCII && d < ASCII) {
        if ((SECOND[(c << 1) | (d >>> 6)] & (1L << d)) == 0) {
          continue;
        }
        candidates = BY_PAIR[(c << 7) | d];
      } else {
        candidates = OTHER_KEYWORDS;
      }
      for (Keyword keyword : candidates) {
        if (lower.startsWith(keyword.text(), at)) {
          for (Rule rule : keyword.rules()) {
            apply(rule, lower, at, spans);
          }
        }
      }
    }
    privateKeys(lower, spans);
    dottedTokens(lower, spans);
    return spans.applyTo(text);
  }

  /** A URL safe to log: any {@code user:password@} part replaced. */
  public static String url(String url) {
    return redact(url);
  }

  private static void apply(Rule rule, String lower, int at, Spans spans) {
    int from = at - rule.back();
    if (from < 0 || !startsHere(rule.start(), lower, from, at)) {
      return;
    }
    if (rule.keyed() && nameStartsWith(lower, at, '$', false)) {
      return;
    }
    Matcher m = rule.pattern().matcher(lower);
    m.region(from, Math.min(lower.length(), at + rule.keyword().length() + WINDOW));
    m.useTransparentBounds(true);
    m.useAnchoringBounds(false);
    if (!m.lookingAt()) {
      return;
    }
    if (m.groupCount() == 0) {
      spans.add(m.start(), m.end());
      return;
    }
    for (int g = 1; g <= m.groupCount(); g++) {
      if (m.start(g) < 0) {
        continue;
      }
      if (rule.words()) {
        arguments(lower, m.start(g), m.end(g), spans);
      } else {
        spans.add(m.start(g), m.end(g));
      }
    }
  }

  private static boolean startsHere(Start start, String lower, int from, int keywordAt) {
    char before = from == 0 ? ' ' : lower.charAt(from - 1);
    switch (start) {
      case ANYWHERE:
        return true;
      case AFTER_NON_LETTER:
        return !Character.isLetter(before);
      case TOKEN_START:
        return !isTokenChar(before);
      case PARAMETER:
        return nameStartsWith(lower, keywordAt, '-', true);
      case VARIABLE:
        return nameStartsWith(lower, keywordAt, '$', false);
      case ELEMENT:
        return nameStartsWith(lower, keywordAt, '<', false);
      default:
        throw new IllegalStateException("unknown start " + start);
    }
  }

  /**
   * Whether the name holding the keyword at {@code at} begins with {@code sigil}: {@code
   * -NewPassword}, {@code $adminPass}. A parameter's dash follows a space or an opening bracket,
   * never a letter (so the cmdlet name {@code Set-MsolUserPassword} is no parameter).
   */
  private static boolean nameStartsWith(String lower, int at, char sigil, boolean parameter) {
    int i = at - 1;
    while (i >= 0 && at - i <= 40 && isNameChar(lower.charAt(i), parameter)) {
      i--;
    }
    if (i < 0 || lower.charAt(i) != sigil) {
      return false;
    }
    if (!parameter) {
      return true;
    }
    char before = i == 0 ? ' ' : lower.charAt(i - 1);
    return Character.isWhitespace(before) || before == '(' || before == '@' || before == '{';
  }

  private static boolean isNameChar(char c, boolean parameter) {
    return (c >= 'a' && c <= 'z') || (!parameter && ((c >= '0' && c <= '9') || c == '_'));
  }

  /** The literal arguments among PowerShell words: not parameters, variables or sub-expressions. */
  private static void arguments(String lower, int from, int to, Spans spans) {
    int i = from;
    while (i < to) {
      char c = lower.charAt(i);
      if (Character.isWhitespace(c) || c == ',') {
        i++;
        continue;
      }
      int end;
      if (c == '"' || c == '\'') {
        int close = lower.indexOf(c, i + 1);
        end = close < 0 || close >= to ? to : close + 1;
      } else {
        end = i;
        while (end < to && !Character.isWhitespace(lower.charAt(end))) {
          end++;
        }
      }
      if (c != '-' && c != '$' && c != '(' && c != '@') {
        spans.add(i, end);
      }
      i = end;
    }
  }

  /** PEM private keys: everything between the BEGIN and END lines (or to the end of the text). */
  private static void privateKeys(String lower, Spans spans) {
    int at = lower.indexOf("-----begin");
    while (at >= 0) {
      int headerEnd = lower.indexOf("-----", at + 10);
      if (headerEnd > 0
          && headerEnd - at < 60
          && lower.startsWith("private key", headerEnd - "private key".length())) {
        int bodyStart = headerEnd + 5;
        int end = lower.indexOf("-----end", bodyStart);
        int bodyEnd = end < 0 ? keyMaterialEnd(lower, bodyStart) : end;
        if (bodyEnd > bodyStart) {
          spans.add(bodyStart, bodyEnd);
        }
        at = end < 0 ? -1 : lower.indexOf("-----begin", end + 8);
      } else {
        at = lower.indexOf("-----begin", at + 10);
      }
    }
  }

  /**
   * Where a key cut off before its END line stops: at the first line that is neither base64 nor a
   * header such as {@code Proc-Type: 4,ENCRYPTED}.
   */
  private static int keyMaterialEnd(String lower, int from) {
    int lineStart = from;
    while (lineStart < lower.length()) {
      int newline = lower.indexOf('\n', lineStart);
      int lineEnd = newline < 0 ? lower.length() : newline;
      String line = lower.substring(lineStart, lineEnd).strip();
      if (!line.isEmpty() && !line.contains(":") && !BASE64_LINE.matcher(line).matches()) {
        return lineStart;
      }
      if (line.isEmpty() && lineStart > from) {
        return lineStart;
      }
      lineStart = lineEnd + 1;
    }
    return lower.length();
  }

  /**
   * Discord bot tokens and the like: three base64url parts joined by dots, 23-30, 6-7 and 27-40
   * characters long, found from their dots.
   */
  private static void dottedTokens(String lower, Spans spans) {
    int dot = lower.indexOf('.');
    while (dot >= 0) {
      int start = dot;
      while (start > 0 && dot - start < 31 && isTokenChar(lower.charAt(start - 1))) {
        start--;
      }
      int first = dot - start;
      if (first >= 23 && first <= 30 && (start == 0 || !isTokenChar(lower.charAt(start - 1)))) {
        int second = run(lower, dot + 1, 8);
        int secondDot = dot + 1 + second;
        if (second >= 6
            && second <= 7
            && secondDot < lower.length()
            && lower.charAt(secondDot) == '.') {
          int third = run(lower, secondDot + 1, 41);
          if (third >= 27 && third <= 40) {
            spans.add(start, secondDot + 1 + third);
          }
        }
      }
      dot = lower.indexOf('.', dot + 1);
    }
  }

  private static int run(String lower, int from, int max) {
    int i = from;
    while (i < lower.length() && i - from < max && isTokenChar(lower.charAt(i))) {
      i++;
    }
    return i - from;
  }

  private static boolean isTokenChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  }

  /** Lower case for ASCII letters only, so every index in it is an index in the text. */
  private static char[] asciiLowerCase(String text) {
    char[] chars = text.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      char c = chars[i];
      if (c >= 'A' && c <= 'Z') {
        chars[i] = (char) (c + 32);
      }
    }
    return chars;
  }

  private static Map<String, List<Rule>> rules() {
    List<Rule> all = new ArrayList<>();
    // --- named by a key: password: x, "password": "x", Pwd=x;, client_secret=x, sig=x ...
    String passwordValue = SEPARATOR + NOT_A_SECRET + VALUE;
    for (String key : List.of("password", "passwd", "passphrase", "pwd")) {
      all.add(keyed(key, Start.ANYWHERE, passwordValue));
    }
    all.add(keyed("pass", Start.AFTER_NON_LETTER, passwordValue));
    all.add(keyed("mot de passe", Start.ANYWHERE, passwordValue));
    all.add(keyed("mdp", Start.AFTER_NON_LETTER, passwordValue));
    for (String key : List.of("passwort", "kennwort", "contraseña", "contrasena", "senha")) {
      all.add(keyed(key, Start.ANYWHERE, passwordValue));
    }
    for (String key : List.of("비밀번호", "암호", "패스워드")) {
      all.add(keyed(key, Start.ANYWHERE, "[ \\t]{0,3}(?:는|은)?" + passwordValue));
    }
    String tokenValue = SEPARATOR + NOT_A_SECRET + TOKEN_VALUE;
    all.add(
        keyed(
            "secret",
            Start.ANYWHERE,
            "(?:[_-]?(?:access[_-]?)?key|[_-]?value|[_-]?string)?" + tokenValue));
    all.add(keyed("token", Start.ANYWHERE, tokenValue));
    for (String key :
        List.of(
            "apikey",
            "api_key",
            "api-key",
            "accountkey",
            "account_key",
            "accesskey",
            "access_key",
            "private_key",
            "privatekey",
            "subscription-key",
            "subscription_key",
            "signingkey",
            "signing_key",
            "encryptionkey")) {
      all.add(keyed(key, Start.ANYWHERE, tokenValue));
    }
    // A SAS signature is URL-encoded base64 and may start with %2B.
    all.add(keyed("sig", Start.AFTER_NON_LETTER, SEPARATOR + TOKEN_VALUE));
    // --- PowerShell: -Password x, -NewPassword "x", -ClientSecret x, -AccessToken x
    String parameterValue = "(?:[ \\t]+|:[ \\t]*)(?![-$(@]|true\\b|false\\b)" + VALUE;
    for (String key :
        List.of(
            "password", "passwd", "secret", "token", "apikey", "accountkey", "accesskey", "pwd")) {
      all.add(rule(key, Start.PARAMETER, 0, Pattern.quote(key) + parameterValue));
    }
    // --- PowerShell variables: $pass = "x", $adminPassword = 'x'
    String variableValue = "[a-z0-9_]{0,30}[ \\t]*=[ \\t]*(\"[^\"\\n]{1,300}\"|'[^'\\n]{1,300}')";
    for (String key : List.of("pass", "pwd", "secret", "token", "apikey")) {
      all.add(rule(key, Start.VARIABLE, 0, Pattern.quote(key) + variableValue));
    }
    // --- XML elements: <Password>x</Password>, <ClientSecret>x</ClientSecret>
    for (String key :
        List.of("password", "passwd", "pwd", "secret", "token", "apikey", "accountkey")) {
      all.add(
          rule(key, Start.ELEMENT, 0, Pattern.quote(key) + "[a-z0-9_]{0,20}>([^<\\n]{1,300})</"));
    }
    // --- ConvertTo-SecureString 'x' -AsPlainText -Force, or -String "x": every literal argument
    all.add(
        new Rule(
            "convertto-securestring",
            Start.AFTER_NON_LETTER,
            0,
            Pattern.compile("convertto-securestring([^\\n|;)}]{0,400})"),
            true,
            false));
    // --- net user NAME PASSWORD [/add]
    all.add(
        rule(
            "net",
            Start.AFTER_NON_LETTER,
            0,
            "net[ \\t]+user[ \\t]+(?:\"[^\"\\n]{1,100}\"|[^\\s/\"]{1,100})[ \\t]+(?![/*])"
                + "(\"[^\"\\n]{1,300}\"|[^\\s\"]{1,300})"));
    // --- authorization headers
    all.add(
        rule(
            "authorization",
            Start.ANYWHERE,
            0,
            "authorization[\"']?[ \\t]*[:=][ \\t]*[\"']?(?:(?:basic|bearer|digest|negotiate|ntlm"
                + "|token|sharedkey|sas)[ \\t]+)?([a-z0-9._~+/=:%-]{8,4000})"));
    all.add(
        rule(
            "bearer",
            Start.AFTER_NON_LETTER,
            0,
            "bearer[ \\t]+(?=[a-z0-9._~+/=-]{0,200}[0-9])([a-z0-9._~+/=-]{12,4000})"));
    // --- tokens known by their own shape
    all.add(token("eyj", "(eyj[a-z0-9_-]{4,2000}\\.[a-z0-9_-]{4,8000}\\.[a-z0-9_-]{0,2000})"));
    all.add(token("akia", "(akia[a-z0-9]{16})(?![a-z0-9])"));
    all.add(token("asia", "(asia[a-z0-9]{16})(?![a-z0-9])"));
    all.add(token("gh", "(gh[pousr]_[a-z0-9]{30,255})"));
    all.add(token("github_pat_", "(github_pat_[a-z0-9_]{30,255})"));
    all.add(token("glpat-", "(glpat-[a-z0-9_-]{20,100})"));
    all.add(token("xox", "(xox[a-z]-[a-z0-9-]{8,300})"));
    all.add(token("xapp-", "(xapp-[a-z0-9-]{8,300})"));
    all.add(token("npm_", "(npm_[a-z0-9]{36})"));
    all.add(token("aiza", "(aiza[a-z0-9_-]{35})"));
    all.add(token("sk_live_", "(sk_live_[a-z0-9]{16,200})"));
    // Microsoft Entra client secrets: three characters, a digit, "Q~", then 31 to 34 more.
    all.add(
        new Rule(
            "q~",
            Start.TOKEN_START,
            4,
            Pattern.compile("([a-z0-9_~.-]{3}[0-9]q~[a-z0-9_~.-]{31,34})(?![a-z0-9_~.-])"),
            false,
            false));
    // --- webhook URLs: the path is the secret
    all.add(
        rule(
            "hooks.slack.com/",
            Start.ANYWHERE,
            0,
            "hooks\\.slack\\.com/(?:services|workflows|triggers)/([a-z0-9/_-]{8,300})"));
    all.add(
        rule(
            "webhook",
            Start.ANYWHERE,
            0,
            "webhooks?/([0-9]{5,30}/[a-z0-9_-]{20,200})|webhook\\.office\\.com/webhookb2/"
                + "([a-z0-9@/_-]{20,600})"));
    // --- scheme://user:password@host: everything up to the last @ of the authority
    all.add(rule("://", Start.ANYWHERE, 0, "://([^/\\s@:]{1,200}:[^/\\s]{0,300})@"));

    Map<String, List<Rule>> byKeyword = new LinkedHashMap<>();
    for (Rule rule : all) {
      byKeyword.computeIfAbsent(rule.keyword(), k -> new ArrayList<>()).add(rule);
    }
    byKeyword.replaceAll((k, v) -> List.copyOf(v));
    return byKeyword;
  }

  private static Rule keyed(String key, Start start, String after) {
    return new Rule(key, start, 0, Pattern.compile(Pattern.quote(key) + after), false, true);
  }

  private static Rule token(String keyword, String regex) {
    return rule(keyword, Start.TOKEN_START, 0, regex);
  }

  private static Rule rule(String keyword, Start start, int back, String regex) {
    return new Rule(keyword, start, back, Pattern.compile(regex), false, false);
  }

  /** The character ranges to replace, merged where they touch or overlap. */
  private static final class Spans {
    private int[] starts = new int[8];
    private int[] ends = new int[8];
    private int size;

    void add(int start, int end) {
      if (end <= start) {
        return;
      }
      if (size == starts.length) {
        starts = Arrays.copyOf(starts, size * 2);
        ends = Arrays.copyOf(ends, size * 2);
      }
      starts[size] = start;
      ends[size] = end;
      size++;
    }

    String applyTo(String text) {
      if (size == 0) {
        return text;
      }
      long[] sorted = new long[size];
      for (int i = 0; i < size; i++) {
        sorted[i] = ((long) starts[i] << 32) | ends[i];
      }
      Arrays.sort(sorted);
      StringBuilder out = new StringBuilder(text.length());
      int written = 0;
      int i = 0;
      while (i < sorted.length) {
        int start = (int) (sorted[i] >>> 32);
        int end = (int) sorted[i];
        i++;
        while (i < sorted.length && (int) (sorted[i] >>> 32) <= end) {
          end = Math.max(end, (int) sorted[i]);
          i++;
        }
        if (start < written) {
          start = written;
        }
        out.append(text, written, start).append(MARK);
        written = Math.max(written, end);
      }
      out.append(text, written, text.length());
      return out.toString();
    }
  }
}
