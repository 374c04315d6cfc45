package dev.pastefix.knowledge;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A YAML document as a tree whose every node keeps the line it starts on, so that validation
 * problems point at the exact line (Jackson's own trees drop locations).
 */
sealed interface YamlNode permits YamlNode.Mapping, YamlNode.Sequence, YamlNode.Scalar {
  /** The 1-based line where the node starts. */
  int line();

  /** A human name of the node's kind, for messages such as "must be a list, found text". */
  String kind();

  /**
   * A mapping; members keep file order and the line of their key. A key given twice keeps its first
   * value; the later ones are kept aside in {@code duplicates} so validation can report them with
   * their entry and field.
   */
  record Mapping(int line, Map<String, Member> members, List<Member> duplicates)
      implements YamlNode {
    public Mapping {
      members = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(members));
      duplicates = List.copyOf(duplicates);
    }

    Optional<Member> member(String key) {
      return Optional.ofNullable(members.get(key));
    }

    @Override
    public String kind() {
      return "a mapping";
    }
  }

  /** One key of a mapping with its value. */
  record Member(String key, int keyLine, YamlNode value) {}

  /** A list. */
  record Sequence(int line, List<YamlNode> items) implements YamlNode {
    public Sequence {
      items = List.copyOf(items);
    }

    @Override
    public String kind() {
      return "a list";
    }
  }

  /**
   * A scalar; {@code isNull} for an empty value or {@code ~}/{@code null}; {@code isAlias} for a
   * YAML alias ({@code *name}), whose text is the anchor's name, not its value.
   */
  record Scalar(int line, String text, boolean isNull, boolean isAlias) implements YamlNode {
    @Override
    public String kind() {
      if (isAlias) {
        return "the YAML alias '*" + text + "' (aliases are not supported; write the value out)";
      }
      return isNull ? "nothing" : "text";
    }
  }
}
