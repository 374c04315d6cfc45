package dev.pastefix.core.check;

import java.net.IDN;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A public domain name an administrator typed, validated strictly (letters, digits and hyphens,
 * labels of 1-63 characters, at most 253 in all, at least two labels). Internationalised names are
 * converted to their ASCII (punycode) form.
 */
public record DomainName(String ascii) {
  /** Longest text we even try to read as a domain, so junk is refused before any work. */
  public static final int MAX_INPUT = 300;

  public static final int MAX_LENGTH = 253;
  public static final int MAX_LABEL = 63;

  private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
  private static final Pattern TLD = Pattern.compile("[a-z]{2,63}|xn--[a-z0-9-]{1,59}");
  // Slack turns a typed domain into <http://contoso.com|contoso.com>.
  private static final Pattern SLACK_LINK = Pattern.compile("<https?://[^|>]*\\|([^>]*)>");

  public DomainName {
    Objects.requireNonNull(ascii, "ascii");
    String problem = problem(ascii);
    if (!problem.isEmpty()) {
      throw new IllegalArgumentException(problem);
    }
  }

  /** The name with a trailing dot, so resolvers append no search domain. */
  public String absolute() {
    return ascii + ".";
  }

  @Override
  public String toString() {
    return ascii;
  }

  /** Thrown by {@link #parse(String)} with a message an administrator can act on. */
  public static final class InvalidDomain extends Exception {
    private static final long serialVersionUID = 1L;

    InvalidDomain(String message) {
      super(message);
    }
  }

  /** Reads typed input: trims it, lower-cases it, drops one trailing dot and chat link markup. */
  public static DomainName parse(String input) throws InvalidDomain {
    Objects.requireNonNull(input, "input");
    String text = input.strip();
    if (text.isEmpty()) {
      throw new InvalidDomain("a domain name is required, for example contoso.com");
    }
    if (text.length() > MAX_INPUT) {
      throw new InvalidDomain(
          "that is too long to be a domain name (" + text.length() + " characters)");
    }
    Matcher link = SLACK_LINK.matcher(text);
    if (link.matches()) {
      text = link.group(1).strip();
    }
    if (text.endsWith(".")) {
      text = text.substring(0, text.length() - 1);
    }
    String ascii = text;
    if (!text.chars().allMatch(c -> c < 128)) {
      try {
        ascii = IDN.toASCII(text, IDN.USE_STD3_ASCII_RULES);
      } catch (IllegalArgumentException e) {
        throw new InvalidDomain("'" + shorten(text) + "' is not a valid domain name");
      }
    }
    ascii = ascii.toLowerCase(Locale.ROOT);
    String problem = problem(ascii);
    if (!problem.isEmpty()) {
      throw new InvalidDomain("'" + shorten(text) + "' is not a domain name: " + problem);
    }
    return new DomainName(ascii);
  }

  private static String problem(String ascii) {
    if (ascii.isEmpty()) {
      return "it is empty";
    }
    if (ascii.length() > MAX_LENGTH) {
      return "longer than " + MAX_LENGTH + " characters";
    }
    if (!ascii.matches("[a-z0-9.-]+")) {
      return "only letters, digits, hyphens and dots are allowed";
    }
    String[] labels = ascii.split("\\.", -1);
    if (labels.length < 2) {
      return "a domain needs at least two labels, such as contoso.com";
    }
    for (String label : labels) {
      if (label.isEmpty()) {
        return "it has an empty label (two dots in a row)";
      }
      if (label.length() > MAX_LABEL) {
        return "a label is longer than " + MAX_LABEL + " characters";
      }
      if (!LABEL.matcher(label).matches()) {
        return "labels use only letters, digits and inner hyphens ('" + shorten(label) + "')";
      }
    }
    if (!TLD.matcher(labels[labels.length - 1]).matches()) {
      return "the last label must be a top-level domain such as com";
    }
    return "";
  }

  private static String shorten(String text) {
    String clean = text.replaceAll("\\p{Cntrl}", "?");
    return clean.length() > 60 ? clean.substring(0, 57) + "..." : clean;
  }
}
