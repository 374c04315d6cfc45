package dev.pastefix.core.classify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Hints that tell apart entries sharing one error text ({@code shared-hints.txt}): concepts that
 * point to an entry and concepts that rule it out. When exactly one entry of a group is pointed to,
 * the message is answered with it; otherwise the bot asks which cause fits. Immutable.
 */
public final class SharedErrorHints {
  private record Hint(List<Set<String>> pointing, List<Set<String>> excluding) {}

  private final Map<String, Hint> hints;

  SharedErrorHints(List<String> lines) {
    Map<String, Hint> parsed = new LinkedHashMap<>();
    for (String line : lines) {
      String[] parts = line.split("\\|", -1);
      if (parts.length != 3) {
        throw new IllegalArgumentException(
            "hint line needs 'entry | pointing | excluding': " + line);
      }
      parsed.put(parts[0].strip(), new Hint(alternatives(parts[1]), alternatives(parts[2])));
    }
    this.hints = Map.copyOf(parsed);
  }

  /** The hints shipped with the engine. */
  public static SharedErrorHints shipped() {
    return new SharedErrorHints(Resources.lines("shared-hints.txt"));
  }

  private static List<Set<String>> alternatives(String field) {
    List<Set<String>> out = new ArrayList<>();
    for (String alt : field.split(",")) {
      if (!alt.isBlank()) {
        Set<String> all = new java.util.LinkedHashSet<>();
        for (String c : alt.split("\\+")) {
          all.add(c.strip());
        }
        out.add(Set.copyOf(all));
      }
    }
    return List.copyOf(out);
  }

  /** The one entry of {@code group} the concepts point to, if exactly one. */
  public Optional<String> resolve(List<String> group, Set<String> concepts) {
    List<String> pointed = new ArrayList<>();
    for (String id : group) {
      Hint hint = hints.get(id);
      if (hint == null) {
        continue;
      }
      boolean points = hint.pointing.stream().anyMatch(concepts::containsAll);
      boolean excluded = hint.excluding.stream().anyMatch(concepts::containsAll);
      if (points && !excluded) {
        pointed.add(id);
      }
    }
    return pointed.size() == 1 ? Optional.of(pointed.get(0)) : Optional.empty();
  }
}
