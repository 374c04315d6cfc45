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
  private static final Pattern MAILTO_WITH_LABEL = Pattern.compile("<mailto:([^>|\\s]+)\\|([^>\\n]*)>");
  private static final Pattern MAILTO = Pattern.compile("<mailto:([^>|\\s]+)>");
  private static final Pattern DISCORD_EMOJI = Pattern.compile("<a?:[A-Za-z0-9_~]+:\\d+>");
  private static final Pattern DISCORD_TIME = Pattern.compile("<t:-?\\d+(?::[A-Za-z])?>");
  private static final Pattern FENCE = Pattern.compile("```[A-Za-z0-9_+-]*(?=\\n)|```");
  private static final Pattern SHORTCODE =
      Pattern.compile("(?<=^|\\s):[a-z0-9_+'-]{2,40}:(?=\\s|$)", Pattern.MULTILINE);
  private static final Pattern QUOTE_PREFIX = Pattern.compile("^[ \\t]*(?:>+[ \\t]?)+", Pattern.MULTILINE);
  private static final Pattern PROMPT = Pattern.compile("^\\s*PS(?: [A-Za-z]:\\\\[^>\\n]*)?>\\s*");
  private static final Pattern AT_LINE =
      Pattern.compile(
          "^\\s*(?:At (?:line:\\s*\\d+|.{1,400}?:\\d+) char:\\s*\\d+"
              + "|Au caract[eè]re\\b.*|Au niveau de\\b.*|Caract[eè]re\\s*:\\s*\\d+.*"
              + "|위치\\b.*(?:줄|문자).*|In Zeile:.*|Bei Zeile:.*|En l[ií]nea:.*|Posizione:.*)\\s*$");
  private static final Pattern FRAMING_FIELD =
      Pattern.compile(
          "^\\s*\\+\\s*(?:CategoryInfo|FullyQualifiedErrorId|PSComputerName|InvocationInfo"
              + "|ScriptStackTrace)\\s*:.*$");
  private static final Pattern CONTINUATION = Pattern.compile("^\\s*\\+(?:\\s.*)?$");
  private static final Pattern UNDERLINE = Pattern.compile("^\\s*~{3,}\\s*$");
  private static final Pattern ERROR_ID =
      Pattern.compile("FullyQualifiedErrorId\\s*:\\s*([^\\s]+)");
  private static final Pattern CMDLET =
      Pattern.compile(
          "(?<![\\w-])(?:Get|Set|New|Remove|Import|Export|Enable|Disable|Grant|Revoke|Connect"
              + "|Disconnect|Enter|Exit|Start|Stop|Restart|Test|Install|Uninstall|Invoke|Add"
              + "|Update|Clear|Register|Unregister|Move|Select|Out|Write|Format|Measure|Resolve"
              + "|Use|Find|Save|Unblock|Block|Suspend|Resume|Wait|Search|Send|Receive|Request"
              + "|Reset|Restore|Sync|Push|Convert|ConvertTo|ConvertFrom)-[A-Za-z][A-Za-z0-9]{2,}",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern EMAIL =
      Pattern.compile("(?<![\\w.%+'-])[A-Za-z0-9._%+'-]+@((?:[A-Za-z0-9-]+\\.)+[A-Za-z]{2,24})");
  private static final Pattern HOST =
      Pattern.compile(
          "(?<![\\w@.-])((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+"
              + "(?:com|net|org|io|info|biz|fr|de|uk|kr|jp|us|ca|au|nl|be|ch|local|lan|corp"
              + "|internal|example|edu|gov|co|cloud))(?![\\w-])",
          Pattern.CASE_INSENSITIVE);

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
    String text = Normalizer.normalize(clean, Normalizer.Form.NFC);
    text = stripMarkup(text);
    text = foldPunctuation(text);
    List<String> errorIds = new ArrayList<>();
    Matcher ids = ERROR_ID.matcher(text);
    while (ids.find()) {
      addOnce(errorIds, ids.group(1).replaceAll("[,;]+$", ""));
    }
    text = stripFraming(text);
    MessageFacts facts =
        new MessageFacts(
            cmdlets(text, input), errorIds, hosts(text), signInAddress(text), languages.guess(text));
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
    t =
        t.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&nbsp;", " ")
            .replace("&amp;", "&");
    t = FENCE.matcher(t).replaceAll("\n");
    t = t.replace("`", " ").replace("**", "");
    t = QUOTE_PREFIX.matcher(t).replaceAll("");
    t = SHORTCODE.matcher(t).replaceAll(" ");
    return stripEmoji(t);
  }

  private static String stripEmoji(String t) {
    StringBuilder out = new StringBuilder(t.length());
    t.codePoints()
        .forEach(
            cp -> {
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
            });
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
    boolean lastBlank = true;
    for (String line : text.split("\n", -1)) {
      String l = line.replace("<<<<", " ");
      if (AT_LINE.matcher(l).matches()
          || FRAMING_FIELD.matcher(l).matches()
          || UNDERLINE.matcher(l).matches()
          || CONTINUATION.matcher(l).matches()) {
        continue;
      }
      l = PROMPT.matcher(l).replaceFirst("");
      l = l.replaceAll("[ \\t]{2,}", " ").strip();
      if (l.isEmpty()) {
        if (!lastBlank) {
          out.append('\n');
        }
        lastBlank = true;
        continue;
      }
      out.append(l).append('\n');
      lastBlank = false;
    }
    return out.toString().strip();
  }

  private static List<String> cmdlets(String text, String original) {
    Set<String> found = new LinkedHashSet<>();
    Matcher m = CMDLET.matcher(original.length() <= MAX_ANALYSED_CHARS ? original : text);
    while (m.find()) {
      found.add(m.group());
    }
    return List.copyOf(found);
  }

  private static List<String> hosts(String text) {
    Set<String> found = new LinkedHashSet<>();
    Matcher m = HOST.matcher(text);
    while (m.find() && found.size() < 20) {
      found.add(m.group(1).toLowerCase(Locale.ROOT));
    }
    return List.copyOf(found);
  }

  private static Optional<String> signInAddress(String text) {
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
