package dev.pastefix.knowledge;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads YAML text into a {@link YamlNode} tree with Jackson's streaming YAML parser, reporting
 * syntax errors, duplicate keys, empty files and extra documents as {@link Problem}s instead of
 * throwing.
 */
final class YamlTreeReader {
  private final YAMLFactory factory;

  YamlTreeReader(YAMLFactory factory) {
    this.factory = factory;
  }

  /** The root node, or empty when the text is not usable YAML (the reasons go to problems). */
  Optional<YamlNode> read(String file, String text, List<Problem> problems) {
    int before = problems.size();
    try (JsonParser parser = factory.createParser(text)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        problems.add(Problem.ofFile(file, 0, "the file is empty (it must hold an article and its entries)"));
        return Optional.empty();
      }
      YamlNode root = node(file, parser, problems);
      JsonToken next = parser.nextToken();
      if (next != null) {
        problems.add(
            Problem.ofFile(
                file,
                line(parser.currentTokenLocation()),
                "a second YAML document starts here; put one document per file"));
      }
      return problems.size() == before ? Optional.of(root) : Optional.empty();
    } catch (JsonProcessingException e) {
      problems.add(Problem.ofFile(file, line(e.getLocation()), "YAML syntax: " + firstLines(e)));
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      // SnakeYAML signals some malformed input (bad characters, deep nesting) with unchecked errors.
      problems.add(Problem.ofFile(file, 0, "cannot be read as YAML: " + e.getMessage()));
      return Optional.empty();
    }
  }

  private YamlNode node(String file, JsonParser parser, List<Problem> problems)
      throws IOException {
    JsonToken token = parser.currentToken();
    int line = line(parser.currentTokenLocation());
    if (token == JsonToken.START_OBJECT) {
      Map<String, YamlNode.Member> members = new LinkedHashMap<>();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String key = parser.currentName();
        int keyLine = line(parser.currentTokenLocation());
        parser.nextToken();
        YamlNode value = node(file, parser, problems);
        YamlNode.Member previous = members.get(key);
        if (previous != null) {
          problems.add(
              Problem.ofFile(
                  file,
                  keyLine,
                  "duplicate key '" + key + "' (first given on line " + previous.keyLine() + ")"));
        } else {
          members.put(key, new YamlNode.Member(key, keyLine, value));
        }
      }
      return new YamlNode.Mapping(line, members);
    }
    if (token == JsonToken.START_ARRAY) {
      List<YamlNode> items = new ArrayList<>();
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        items.add(node(file, parser, problems));
      }
      return new YamlNode.Sequence(line, items);
    }
    if (token == JsonToken.VALUE_NULL) {
      return new YamlNode.Scalar(line, "", true);
    }
    if (token != null && token.isScalarValue()) {
      return new YamlNode.Scalar(line, parser.getText(), false);
    }
    throw new IOException("unexpected YAML token " + token);
  }

  private static int line(JsonLocation location) {
    return location == null ? 0 : Math.max(0, location.getLineNr());
  }

  /** SnakeYAML messages repeat the offending line with a caret; keep the explanation only. */
  private static String firstLines(JsonProcessingException e) {
    String message = e.getOriginalMessage();
    if (message == null) {
      return e.getClass().getSimpleName();
    }
    List<String> kept = new ArrayList<>();
    for (String part : message.split("\\R")) {
      String trimmed = part.trim();
      if (trimmed.isEmpty() || trimmed.startsWith("^") || trimmed.startsWith("in 'reader'")) {
        continue;
      }
      if (part.startsWith("    ")) {
        continue;
      }
      kept.add(trimmed);
    }
    return kept.isEmpty() ? message.trim() : String.join(" ", kept);
  }
}
