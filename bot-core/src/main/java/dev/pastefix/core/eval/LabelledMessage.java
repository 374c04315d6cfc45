package dev.pastefix.core.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One labelled chat message of an evaluation file: its id, text, gold label (an entry id, {@code
 * none}, or ids joined by {@code |}), and optional kind and language for breakdowns.
 */
public record LabelledMessage(String id, String text, String label, String kind, String lang) {
  /** Kind or language of a line that does not say. */
  public static final String UNSPECIFIED = "unspecified";

  public LabelledMessage {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(lang, "lang");
    if (id.isBlank() || label.isBlank()) {
      throw new IllegalArgumentException("id and label must not be blank");
    }
  }

  /** The gold ids: the label split on {@code |}, without {@code none}, in order. */
  public Set<String> gold() {
    Set<String> ids = new LinkedHashSet<>();
    for (String part : label.split("\\|")) {
      String p = part.strip();
      if (!p.isEmpty() && !p.equals("none")) {
        ids.add(p);
      }
    }
    return ids;
  }

  /**
   * Reads a JSON-lines file; every bad line is reported with its number, all at once, in an {@link
   * IllegalArgumentException}. Blank lines are skipped.
   */
  public static List<LabelledMessage> readJsonl(Path file) throws IOException {
    // Just over 60 lines on purpose: one pass that collects every bad line's problem, so the file
    // is reported once with all of them; split, the problem list would travel through every part.
    ObjectMapper mapper = new ObjectMapper();
    List<LabelledMessage> out = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    Set<String> ids = new LinkedHashSet<>();
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        try {
          JsonNode node = mapper.readTree(line);
          if (node == null || !node.isObject()) {
            problems.add("line " + number + ": not a JSON object");
            continue;
          }
          String id = field(node, "id");
          String text = field(node, "text");
          String label = field(node, "label");
          List<String> missing = new ArrayList<>();
          if (id == null) {
            missing.add("id");
          }
          if (text == null) {
            missing.add("text");
          }
          if (label == null || label.isBlank()) {
            missing.add("label");
          }
          if (!missing.isEmpty()) {
            problems.add(
                "line " + number + ": missing or non-text field(s) " + String.join(", ", missing));
            continue;
          }
          if (!ids.add(id)) {
            problems.add("line " + number + ": duplicate id '" + id + "'");
            continue;
          }
          String kind = field(node, "kind");
          String lang = field(node, "lang");
          out.add(
              new LabelledMessage(
                  id,
                  text,
                  label,
                  kind == null || kind.isBlank() ? UNSPECIFIED : kind,
                  lang == null || lang.isBlank() ? UNSPECIFIED : lang));
        } catch (IOException e) {
          problems.add("line " + number + ": invalid JSON (" + firstLine(e.getMessage()) + ")");
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          file + ": " + problems.size() + " bad line(s):\n  " + String.join("\n  ", problems));
    }
    return out;
  }

  private static String field(JsonNode node, String name) {
    JsonNode value = node.get(name);
    return value != null && value.isTextual() ? value.asText() : null;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
