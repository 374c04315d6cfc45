package dev.pastefix.core.state;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.util.List;

/**
 * Replaces passwords and secrets in text with {@value #MARK} before the text is stored or logged:
 * {@code password:} / {@code pwd=} / {@code -Password} values, {@code ConvertTo-SecureString}
 * arguments, Slack and Discord tokens, bearer tokens, secrets in connection strings and credentials
 * in URLs. Linear-time patterns (RE2J), so hostile text cannot stall it.
 */
public final class Redaction {
  /** What a secret is replaced with. */
  public static final String MARK = "[redacted]";

  // A value: quoted, or a run of characters up to the next separator.
  private static final String VALUE = "(?:\"[^\"\\n]*\"|'[^'\\n]*'|[^\\s;,&\"']+)";

  private record Rule(Pattern pattern, String replacement) {}

  private static final List<Rule> RULES =
      List.of(
          // ConvertTo-SecureString 'Hunter2!' -AsPlainText, or -String "..."
          rule("(?i)(ConvertTo-SecureString\\s+(?:-String\\s+)?)" + VALUE, "$1" + MARK),
          // -Password 'x', -ClientSecret x, -AccessToken x (PowerShell parameters)
          rule(
              "(?i)(-(?:Password|Passwd|ClientSecret|Secret|AccessToken|ApiKey|Token)\\s*[: ]\\s*)"
                  + VALUE,
              "$1" + MARK),
          // password: x, pwd=x, client_secret=x, AccountKey=x in connection strings and configs
          rule(
              "(?i)((?:password|passwd|pwd|passphrase|client[_-]?secret|secret|api[_-]?key"
                  + "|access[_-]?token|auth[_-]?token|accountkey|sharedaccesskey)\\s*[:=]\\s*)"
                  + VALUE,
              "$1" + MARK),
          // Authorization: Bearer eyJ...
          rule("(?i)(\\bbearer\\s+)[A-Za-z0-9._~+/=-]{8,}", "$1" + MARK),
          // Slack tokens: xoxb-, xoxp-, xoxa-, xoxs-, xoxr-, xoxe-; app tokens xapp-
          rule("\\bxox[a-z]-[A-Za-z0-9-]{8,}", MARK),
          rule("\\bxapp-[A-Za-z0-9-]{8,}", MARK),
          // Discord bot tokens: three base64url parts joined by dots
          rule("\\b[A-Za-z0-9_-]{23,30}\\.[A-Za-z0-9_-]{6,7}\\.[A-Za-z0-9_-]{27,40}\\b", MARK),
          // scheme://user:password@host
          rule(
              "(?i)\\b([a-z][a-z0-9+.-]{1,20}://)[^/\\s:@]{1,200}:[^/\\s@]{1,200}@",
              "$1" + MARK + "@"));

  private Redaction() {}

  /** {@code text} with every secret the rules recognise replaced by {@value #MARK}. */
  public static String redact(String text) {
    String out = text;
    for (Rule rule : RULES) {
      Matcher m = rule.pattern().matcher(out);
      if (m.find()) {
        out = m.replaceAll(rule.replacement());
      }
    }
    return out;
  }

  /** A URL safe to log: any {@code user:password@} part replaced. */
  public static String url(String url) {
    return redact(url);
  }

  private static Rule rule(String regex, String replacement) {
    return new Rule(Pattern.compile(regex), replacement);
  }
}
