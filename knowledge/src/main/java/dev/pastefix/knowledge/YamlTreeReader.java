package dev.pastefix.knowledge;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
        problems.add(
            Problem.ofFile(file, 0, "the file is empty (it must hold an article and its entries)"));
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
      problems.add(syntaxProblem(file, e));
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      // SnakeYAML signals some malformed input (bad characters, deep nesting) with unchecked
      // errors.
      problems.add(Problem.ofFile(file, 0, "cannot be read as YAML: " + e.getMessage()));
      return Optional.empty();
    }
  }

  private YamlNode node(String file, JsonParser parser, List<Problem> problems) throws IOException {
    JsonToken token = parser.currentToken();
    int line = line(parser.currentTokenLocation());
    if (token == JsonToken.START_OBJECT) {
      Map<String, YamlNode.Member> members = new LinkedHashMap<>();
      List<YamlNode.Member> duplicates = new ArrayList<>();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String key = parser.currentName();
        int keyLine = line(parser.currentTokenLocation());
        parser.nextToken();
        YamlNode.Member member = new YamlNode.Member(key, keyLine, node(file, parser, problems));
        if (members.containsKey(key)) {
          duplicates.add(member);
        } else {
          members.put(key, member);
        }
      }
      return new YamlNode.Mapping(line, members, duplicates);
    }
    if (token == JsonToken.START_ARRAY) {
      List<YamlNode> items = new ArrayList<>();
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        items.add(node(file, parser, problems));
      }
      return new YamlNode.Sequence(line, items);
    }
    if (parser instanceof YAMLParser && ((YAMLParser) parser).isCurrentAlias()) {
      // Jackson hands an alias over as the anchor's name, which would pass as text silently.
      return new YamlNode.Scalar(line, parser.getText(), false, true);
    }
    if (token == JsonToken.VALUE_NULL) {
      return new YamlNode.Scalar(line, "", true, false);
    }
    if (token != null && token.isScalarValue()) {
      return new YamlNode.Scalar(line, parser.getText(), false, false);
    }
    throw new IOException("unexpected YAML token " + token);
  }

  private static int line(JsonLocation location) {
    return location == null ? 0 : Math.max(0, location.getLineNr());
  }

  /**
   * SnakeYAML messages quote the offending lines with a caret under them; keep the explanation, the
   * line and column of the problem (Jackson's own location is sometimes a line early), and the line
   * where the enclosing block started, which is often where the real mistake (an unclosed quote, a
   * wrong indentation) is.
   */
  private static Problem syntaxProblem(String file, JsonProcessingException e) {
    JsonLocation location = e.getLocation();
    int line = line(location);
    int column = location == null ? 0 : Math.max(0, location.getColumnNr());
    String message = e.getOriginalMessage();
    if (message == null || message.isBlank()) {
      return Problem.ofFile(file, line, "YAML syntax: " + e.getClass().getSimpleName());
    }
    List<String> texts = new ArrayList<>();
    List<Matcher> marks = new ArrayList<>();
    String[] lines = message.split("\\R");
    for (int i = 0; i < lines.length; i++) {
      Matcher mark = MARK.matcher(lines[i]);
      if (mark.matches()) {
        marks.add(mark);
        i += 2; // the quoted line and its caret
      } else if (!lines[i].isBlank()) {
        texts.add(lines[i].trim());
      }
    }
    if (!marks.isEmpty()) {
      Matcher last = marks.get(marks.size() - 1);
      line = Integer.parseInt(last.group(1));
      column = Integer.parseInt(last.group(2));
    }
    String at = column > 0 ? " at column " + column : "";
    String text;
    if (texts.size() == 2 && marks.size() == 2) {
      text =
          texts.get(1)
              + at
              + " ("
              + texts.get(0)
              + " that starts on line "
              + marks.get(0).group(1)
              + ")";
    } else if (texts.isEmpty()) {
      text = message.trim();
    } else {
      text = String.join(" ", texts) + at;
    }
    return Problem.ofFile(file, line, "YAML syntax: " + text);
  }

  private static final Pattern MARK =
      Pattern.compile("\\s*in '[^']*', line (\\d+), column (\\d+):?\\s*");
}
