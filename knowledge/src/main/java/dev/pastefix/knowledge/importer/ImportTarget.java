package dev.pastefix.knowledge.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.pastefix.knowledge.KnowledgeLoader;
import dev.pastefix.knowledge.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The knowledge directory an import writes to. It keeps the text of the last import of each file in
 * {@value #LAST_IMPORT}/, so that a re-import tells a person's edits from generated text: a field
 * that differs from the last import was changed by a person and stays; a field nobody touched takes
 * the new text; list items a person added (symptoms, examples, links, facts, changes) stay beside
 * the new ones, and items a person deleted stay deleted. Files are checked with the knowledge
 * loader before anything is written, then each is moved into place whole.
 *
 * <p>Every file it writes starts with a {@value #SCHEMA_LINE_START} line for editors that run
 * yaml-language-server: {@link #SCHEMA_LINE}, the JSON Schema of the format (docs/schema/) that
 * every import copies into {@value #LAST_IMPORT}/, so the line works offline, wherever the
 * directory is, and describes the format of the pastefix that wrote the file. A schema line a
 * person changed (to point at a checkout or a URL) is kept on re-import.
 */
public final class ImportTarget {
  /** The folder of the directory that holds what the last import generated, file by file. */
  public static final String LAST_IMPORT = ".pastefix-import";

  /** The schema's file name, in {@value #LAST_IMPORT}/ and on the classpath beside this class. */
  public static final String SCHEMA_FILE = "knowledge.schema.json";

  /** How a yaml-language-server schema line starts. */
  public static final String SCHEMA_LINE_START = "# yaml-language-server: $schema=";

  /** The first line of every file an import writes, unless a person changed it. */
  public static final String SCHEMA_LINE = SCHEMA_LINE_START + LAST_IMPORT + "/" + SCHEMA_FILE;

  /** List fields whose items a person adds or removes one by one. */
  private static final Set<String> ITEM_LISTS =
      Set.of("symptoms", "examples", "links", "facts", "changes", "lifecycle");

  private static final ObjectMapper YAML =
      new ObjectMapper(
          YAMLFactory.builder()
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
              .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
              .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
              .disable(YAMLGenerator.Feature.SPLIT_LINES)
              .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
              .build());

  private final Path dir;

  public ImportTarget(Path dir) {
    this.dir = Objects.requireNonNull(dir, "dir");
  }

  /** What an import did, or would do, entry by entry, and why it could not (problems). */
  public record Outcome(
      List<String> added,
      List<String> changed,
      List<String> removed,
      List<String> kept,
      List<String> files,
      List<String> problems) {
    public Outcome {
      added = List.copyOf(added);
      changed = List.copyOf(changed);
      removed = List.copyOf(removed);
      kept = List.copyOf(kept);
      files = List.copyOf(files);
      problems = List.copyOf(problems);
    }

    public boolean ok() {
      return problems.isEmpty();
    }
  }

  /** One file as it would be written. */
  public record Written(String name, String text) {}

  /** The ids of entries in the directory's files that this plan does not write. */
  public Set<String> idsOutside(Set<String> names) {
    Set<String> ids = new LinkedHashSet<>();
    for (Path file : knowledgeFiles()) {
      if (names.contains(file.getFileName().toString())) {
        continue;
      }
      readTree(file)
          .ifPresent(tree -> tree.path("entries").forEach(e -> ids.add(e.path("id").asText())));
    }
    return ids;
  }

  /** The entry ids of every knowledge file in the directory. */
  public Set<String> ids() {
    return idsOutside(Set.of());
  }

  /**
   * Merges the plan with the directory and, unless {@code dryRun}, writes it. {@code show} receives
   * each file's new text (for a dry run).
   */
  public Outcome apply(
      List<ArticleImporter.GeneratedFile> files,
      boolean dryRun,
      java.util.function.Consumer<Written> show) {
    List<String> added = new ArrayList<>();
    List<String> changed = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    List<String> kept = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      return failed(dir + " is not a directory");
    }
    if (!dryRun) {
      try {
        Files.createDirectories(dir);
      } catch (IOException e) {
        return failed("cannot create " + dir + ": " + e.getMessage());
      }
      if (!Files.isWritable(dir)) {
        return failed(dir + " is not writable");
      }
    }
    Map<String, String> texts = new LinkedHashMap<>();
    Map<String, String> bases = new LinkedHashMap<>();
    for (ArticleImporter.GeneratedFile file : files) {
      Path current = dir.resolve(file.name());
      Path base = dir.resolve(LAST_IMPORT).resolve(file.name());
      Optional<JsonNode> ours = Files.exists(current) ? readTree(current) : Optional.empty();
      if (Files.exists(current) && ours.isEmpty()) {
        problems.add(
            current + " exists but is not readable YAML; fix or remove it, then import again");
        continue;
      }
      Optional<JsonNode> last = Files.exists(base) ? readTree(base) : Optional.empty();
      ObjectNode merged = merge(file, ours, last, added, changed, removed, kept);
      texts.put(file.name(), schemaLine(current) + "\n" + file.header() + yaml(merged));
      bases.put(file.name(), yaml(file.tree()));
    }
    if (!problems.isEmpty()) {
      return new Outcome(added, changed, removed, kept, List.of(), problems);
    }
    if (dryRun) {
      texts.forEach((name, text) -> show.accept(new Written(name, text)));
      return new Outcome(added, changed, removed, kept, List.copyOf(texts.keySet()), problems);
    }
    Path staging;
    try {
      Files.createDirectories(dir.resolve(LAST_IMPORT));
      staging = Files.createTempDirectory(dir.resolve(LAST_IMPORT), "staging-");
    } catch (IOException e) {
      return failed("cannot write into " + dir + ": " + e.getMessage());
    }
    try {
      // The whole directory as it will be, checked before anything in it changes.
      for (Path file : knowledgeFiles()) {
        if (!texts.containsKey(file.getFileName().toString())) {
          Files.copy(file, staging.resolve(file.getFileName()));
        }
      }
      for (Map.Entry<String, String> t : texts.entrySet()) {
        Files.writeString(staging.resolve(t.getKey()), t.getValue(), StandardCharsets.UTF_8);
      }
      List<Problem> invalid = new KnowledgeLoader().validate(staging);
      if (!invalid.isEmpty()) {
        for (Problem p : invalid) {
          problems.add(p.toString().replace(staging.toString(), dir.toString()));
        }
        return new Outcome(added, changed, removed, kept, List.of(), problems);
      }
      Path lastDir = dir.resolve(LAST_IMPORT);
      Path schema = lastDir.resolve(SCHEMA_FILE + ".new");
      Files.write(schema, schema());
      move(schema, lastDir.resolve(SCHEMA_FILE));
      for (Map.Entry<String, String> t : texts.entrySet()) {
        Path staged = lastDir.resolve(t.getKey() + ".new");
        Files.writeString(staged, bases.get(t.getKey()), StandardCharsets.UTF_8);
        move(staging.resolve(t.getKey()), dir.resolve(t.getKey()));
        move(staged, lastDir.resolve(t.getKey()));
      }
      return new Outcome(added, changed, removed, kept, List.copyOf(texts.keySet()), problems);
    } catch (IOException e) {
      problems.add("cannot write into " + dir + ": " + e.getMessage());
      return new Outcome(added, changed, removed, kept, List.of(), problems);
    } finally {
      delete(staging);
    }
  }

  /**
   * The schema line for a file: the one it starts with when a person changed it, else {@link
   * #SCHEMA_LINE}. Only the first line counts, so the line is never written twice.
   */
  private static String schemaLine(Path current) {
    if (Files.isRegularFile(current)) {
      try (var lines = Files.lines(current, StandardCharsets.UTF_8)) {
        Optional<String> first = lines.findFirst().map(String::strip);
        if (first.isPresent()
            && first.get().startsWith(SCHEMA_LINE_START)
            && first.get().length() > SCHEMA_LINE_START.length()) {
          return first.get();
        }
      } catch (IOException | java.io.UncheckedIOException e) {
        // Unreadable: the file is reported as such by the merge.
      }
    }
    return SCHEMA_LINE;
  }

  /** The JSON Schema of the format, as published in docs/schema/ and packaged with this class. */
  static byte[] schema() throws IOException {
    try (var in = ImportTarget.class.getResourceAsStream(SCHEMA_FILE)) {
      if (in == null) {
        throw new IllegalStateException(
            SCHEMA_FILE + " is not packaged beside " + ImportTarget.class);
      }
      return in.readAllBytes();
    }
  }

  private static Outcome failed(String problem) {
    return new Outcome(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(problem));
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void delete(Path tree) {
    try (Stream<Path> walk = Files.walk(tree)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // A staging folder left behind is ignored by the loader and replaced by the next import.
    }
  }

  private List<Path> knowledgeFiles() {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> list = Files.list(dir)) {
      return list.filter(Files::isRegularFile)
          .filter(
              p -> {
                String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return n.endsWith(".yaml") || n.endsWith(".yml");
              })
          .sorted()
          .toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  private static Optional<JsonNode> readTree(Path file) {
    try {
      JsonNode tree = YAML.readTree(Files.readString(file, StandardCharsets.UTF_8));
      return tree != null && tree.isObject() ? Optional.of(tree) : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  static String yaml(JsonNode tree) {
    try {
      return YAML.writeValueAsString(tree);
    } catch (IOException e) {
      throw new IllegalStateException("a generated tree cannot be written as YAML", e);
    }
  }

  // ---- the three-way merge ----

  private static ObjectNode merge(
      ArticleImporter.GeneratedFile file,
      Optional<JsonNode> ours,
      Optional<JsonNode> last,
      List<String> added,
      List<String> changed,
      List<String> removed,
      List<String> kept) {
    ObjectNode theirs = file.tree();
    if (ours.isEmpty()) {
      theirs.path("entries").forEach(e -> added.add(file.name() + ": " + e.path("id").asText()));
      return theirs.deepCopy();
    }
    // Without a record of the last import every difference counts as a person's edit.
    JsonNode base = last.orElse(JsonNodeFactory.instance.objectNode());
    ObjectNode result = JsonNodeFactory.instance.objectNode();
    result.set(
        "article",
        mergeObject(
            base.path("article"),
            ours.get().path("article"),
            theirs.path("article"),
            new ArrayList<>()));
    Map<String, JsonNode> baseEntries = byId(base.path("entries"));
    Map<String, JsonNode> ourEntries = byId(ours.get().path("entries"));
    Map<String, JsonNode> theirEntries = byId(theirs.path("entries"));
    ArrayNode entries = result.putArray("entries");
    Set<String> order = new LinkedHashSet<>(theirEntries.keySet());
    order.addAll(ourEntries.keySet());
    for (String id : order) {
      JsonNode b = baseEntries.get(id);
      JsonNode o = ourEntries.get(id);
      JsonNode t = theirEntries.get(id);
      String where = file.name() + ": " + id;
      if (t != null && o != null) {
        List<String> yours = new ArrayList<>();
        ObjectNode m =
            mergeObject(b == null ? JsonNodeFactory.instance.objectNode() : b, o, t, yours);
        alignTranslations(m, o);
        entries.add(m);
        if (!m.equals(o)) {
          changed.add(where);
        }
        if (!yours.isEmpty()) {
          kept.add(where + " (your " + String.join(", ", yours) + ")");
        }
      } else if (t != null) {
        if (b != null) {
          kept.add(where + " (you removed it; it stays removed)");
        } else {
          entries.add(t.deepCopy());
          added.add(where);
        }
      } else if (o != null) {
        if (b == null) {
          entries.add(o.deepCopy());
          kept.add(where + " (your own entry)");
        } else if (!o.equals(b)) {
          entries.add(o.deepCopy());
          kept.add(where + " (the article no longer has it, but you changed it)");
        } else {
          removed.add(where);
        }
      }
    }
    return result;
  }

  private static Map<String, JsonNode> byId(JsonNode entries) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    entries.forEach(e -> out.put(e.path("id").asText(), e));
    return out;
  }

  /** Field by field: a person's change wins; untouched fields take the new text. */
  private static ObjectNode mergeObject(
      JsonNode base, JsonNode ours, JsonNode theirs, List<String> yours) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    Set<String> fields = new LinkedHashSet<>();
    theirs.fieldNames().forEachRemaining(fields::add);
    ours.fieldNames().forEachRemaining(fields::add);
    for (String field : fields) {
      JsonNode b = base.get(field);
      JsonNode o = ours.get(field);
      JsonNode t = theirs.get(field);
      if (Objects.equals(o, b)) {
        if (t != null) {
          out.set(field, t.deepCopy());
        }
        continue;
      }
      yours.add(field);
      if (ITEM_LISTS.contains(field) && (t == null || t.isArray()) && (o == null || o.isArray())) {
        ArrayNode items = JsonNodeFactory.instance.arrayNode();
        Set<JsonNode> deleted = new LinkedHashSet<>();
        if (b != null && b.isArray()) {
          b.forEach(deleted::add);
        }
        Set<JsonNode> mine = new LinkedHashSet<>();
        if (o != null) {
          o.forEach(mine::add);
        }
        deleted.removeAll(mine);
        Set<JsonNode> all = new LinkedHashSet<>();
        if (t != null) {
          t.forEach(all::add);
        }
        all.removeAll(deleted);
        all.addAll(mine);
        all.forEach(items::add);
        if (!items.isEmpty()) {
          out.set(field, items);
        }
      } else if (o != null) {
        out.set(field, o.deepCopy());
      }
    }
    return out;
  }

  /**
   * Translations follow their entry's steps: when the merged steps are a person's, a generated
   * translation with another number of steps gives way to the person's own, or is left out.
   */
  private static void alignTranslations(ObjectNode entry, JsonNode ours) {
    JsonNode translations = entry.get("translations");
    if (translations == null || !translations.isObject()) {
      return;
    }
    int steps = entry.path("steps").size();
    ObjectNode aligned = JsonNodeFactory.instance.objectNode();
    for (Map.Entry<String, JsonNode> t : translations.properties()) {
      if (t.getValue().path("steps").size() == steps) {
        aligned.set(t.getKey(), t.getValue());
      } else {
        JsonNode mine = ours.path("translations").path(t.getKey());
        if (mine.path("steps").size() == steps) {
          aligned.set(t.getKey(), mine);
        }
      }
    }
    if (aligned.isEmpty()) {
      entry.remove("translations");
    } else {
      entry.set("translations", aligned);
    }
  }
}
