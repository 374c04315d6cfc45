package dev.pastefix.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The one style of every {@code --json} output: snake_case keys and a {@code schema_version}. */
final class JsonStyle {
  private static final Pattern SNAKE_CASE = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");

  private JsonStyle() {}

  /**
   * Checks {@code root}; the objects under {@code dataKeys} are keyed by data (entry ids, platform
   * names, kinds), so only their values are checked.
   */
  static void check(JsonNode root, Set<String> dataKeys) {
    assertEquals(JsonOption.SCHEMA_VERSION, root.path("schema_version").asInt(-1), root.toString());
    walk(root, dataKeys, false);
  }

  private static void walk(JsonNode node, Set<String> dataKeys, boolean keyedByData) {
    if (node.isArray()) {
      node.forEach(child -> walk(child, dataKeys, false));
    } else if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        if (!keyedByData) {
          assertTrue(SNAKE_CASE.matcher(field.getKey()).matches(), "key " + field.getKey());
        }
        walk(field.getValue(), dataKeys, !keyedByData && dataKeys.contains(field.getKey()));
      }
    }
  }
}
