package dev.pastefix.core.admin;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who may use the admin commands: people named by platform and platform user id, such as {@code
 * slack:U0123ABC}, {@code discord:123456789012345678} or {@code teams:29:1AbC...}. Nobody is an
 * admin unless listed.
 */
public record Admins(Set<String> members) {
  private static final Pattern MEMBER =
      // Teams ids hold colons themselves (29:1AbC...): everything after the first one is the id.
      Pattern.compile("([a-z][a-z0-9-]{0,19}):([A-Za-z0-9._:-]{1,256})");

  public Admins {
    members = Set.copyOf(members);
    for (String member : members) {
      if (!MEMBER.matcher(member).matches()) {
        throw new IllegalArgumentException("not platform:id: " + member);
      }
    }
  }

  /** Nobody. */
  public static Admins none() {
    return new Admins(Set.of());
  }

  /**
   * Reads a comma-separated list such as {@code slack:U0123ABC,discord:123456789012345678}; every
   * malformed item is named in one exception.
   */
  public static Admins parse(String list) {
    Set<String> members = new LinkedHashSet<>();
    List<String> bad = new ArrayList<>();
    for (String raw : list.split(",")) {
      String item = raw.strip();
      if (item.isEmpty()) {
        continue;
      }
      int colon = item.indexOf(':');
      String normalised =
          colon < 0
              ? item
              : item.substring(0, colon).toLowerCase(Locale.ROOT) + item.substring(colon);
      if (MEMBER.matcher(normalised).matches()) {
        members.add(normalised);
      } else {
        bad.add("'" + item + "'");
      }
    }
    if (!bad.isEmpty()) {
      throw new IllegalArgumentException(
          "each admin must be platform:user-id (such as slack:U0123ABC or"
              + " discord:123456789012345678); not understood: "
              + String.join(", ", bad));
    }
    return new Admins(members);
  }

  /** Whether the person {@code senderId} on {@code platform} is an admin. */
  public boolean allows(String platform, String senderId) {
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(senderId, "senderId");
    return members.contains(platform.toLowerCase(Locale.ROOT) + ":" + senderId);
  }
}
