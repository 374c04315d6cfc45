package dev.pastefix.app;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A period back from now, as {@code --since} takes it: a positive number of minutes, hours, days or
 * weeks ({@code 30m}, {@code 12h}, {@code 7d}, {@code 2w}); {@code text} is how it was written.
 */
record LookBack(Duration duration, String text) {
  /**
   * At most this many units, so that any period fits an {@link java.time.Instant} back from now.
   */
  static final int MAX_AMOUNT = 999_999;

  private static final Pattern FORM = Pattern.compile("(\\d{1,6})([mhdw])");

  LookBack {
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(text, "text");
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("a period must be positive: " + duration);
    }
  }

  /** {@code value} read as a period; the message of the exception says what is accepted. */
  static LookBack parse(String value) {
    String v = value.strip().toLowerCase(Locale.ROOT);
    Matcher m = FORM.matcher(v);
    if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
      throw new IllegalArgumentException(
          "--since takes a positive number of minutes, hours, days or weeks, such as 30m, 12h, 7d"
              + " or 2w; got '"
              + value
              + "'");
    }
    long n = Long.parseLong(m.group(1));
    Duration duration;
    switch (m.group(2)) {
      case "m":
        duration = Duration.ofMinutes(n);
        break;
      case "h":
        duration = Duration.ofHours(n);
        break;
      case "d":
        duration = Duration.ofDays(n);
        break;
      default:
        duration = Duration.ofDays(7 * n);
        break;
    }
    return new LookBack(duration, v);
  }
}
