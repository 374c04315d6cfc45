package dev.pastefix.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JSON Schema published at docs/schema/ describes the knowledge format as it is: every shipped
 * file and every file {@code kb import} writes passes it (checked by a real validator), and files
 * with the mistakes people make fail it.
 */
class KnowledgeSchemaTest {
  static final Path SCHEMA = MarkdownPages.ROOT.resolve("docs/schema/knowledge.schema.json");
  static final Path SHIPPED = MarkdownPages.ROOT.resolve("knowledge/src/main/resources/knowledge");

  private static final Schema VALIDATOR = load();

  @TempDir Path tmp;

  private static Schema load() {
    try {
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
          .getSchema(Files.readString(SCHEMA, StandardCharsets.UTF_8), InputFormat.JSON);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> errors(Path file) throws IOException {
    return VALIDATOR
        .validate(Files.readString(file, StandardCharsets.UTF_8), InputFormat.YAML)
        .stream()
        .map(Error::toString)
        .collect(Collectors.toList());
  }

  private static List<Path> yamlFiles(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(p -> p.toString().endsWith(".yaml"))
          .sorted()
          .collect(Collectors.toList());
    }
  }

  @Test
  void everyShippedFilePasses() throws Exception {
    List<Path> files = yamlFiles(SHIPPED);
    assertTrue(files.size() >= 2, "shipped files: " + files);
    for (Path file : files) {
      assertEquals(List.of(), errors(file), file.toString());
    }
  }

  @Test
  void everyFileKbImportWritesPasses() throws Exception {
    // Every kind of article the importer's tests know: runbooks, tables of causes, other
    // languages, shared error texts, a plain-text file.
    Path articles = MarkdownPages.ROOT.resolve("knowledge/src/test/resources/articles");
    Path out = tmp.resolve("imported");
    TestingTerminal t = new TestingTerminal(Map.of("PASTEFIX_DATA_DIR", ":memory:"));
    List<String> importArgs =
        List.of(
            "kb",
            "import",
            "--out",
            out.toString(),
            "--base-url",
            "https://docs.example.com/troubleshoot/",
            articles.toString());
    int code = Main.standard().run(importArgs, t.terminal);
    assertEquals(ExitCodes.OK, code, t::err);

    List<Path> files = yamlFiles(out);
    assertTrue(files.size() >= 4, "imported files: " + files);
    List<String> failures = new ArrayList<>();
    for (Path file : files) {
      for (String error : errors(file)) {
        failures.add(file.getFileName() + ": " + error);
      }
    }
    assertEquals(List.of(), failures);
    assertEachNamesThePublishedSchemaOnce(files);

    // Imported again (nothing changed): still one schema line each, and kb validate accepts them.
    TestingTerminal again = new TestingTerminal(Map.of("PASTEFIX_DATA_DIR", ":memory:"));
    assertEquals(ExitCodes.OK, Main.standard().run(importArgs, again.terminal), again::err);
    assertEquals(files, yamlFiles(out));
    assertEachNamesThePublishedSchemaOnce(files);
    TestingTerminal validate = new TestingTerminal(Map.of("PASTEFIX_DATA_DIR", ":memory:"));
    assertEquals(
        ExitCodes.OK,
        Main.standard().run(List.of("kb", "validate", out.toString()), validate.terminal),
        validate::out);
  }

  /**
   * The first line of each file is the yaml-language-server schema line, and only it; the path it
   * names, relative to the file as an editor reads it, is the schema published in docs/schema/.
   */
  private static void assertEachNamesThePublishedSchemaOnce(List<Path> files) throws IOException {
    String prefix = "# yaml-language-server: $schema=";
    for (Path file : files) {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      assertTrue(lines.get(0).startsWith(prefix), file + " starts with: " + lines.get(0));
      assertEquals(
          1,
          lines.stream().filter(l -> l.contains("yaml-language-server")).count(),
          file + ": one schema line");
      Path named = file.resolveSibling(lines.get(0).substring(prefix.length()));
      assertTrue(Files.isRegularFile(named), file + " names " + named);
      assertEquals(
          Files.readString(SCHEMA, StandardCharsets.UTF_8),
          Files.readString(named, StandardCharsets.UTF_8),
          named + " is the published schema");
    }
  }

  @Test
  void rejectsTheMistakesPeopleMake() throws Exception {
    String good =
        String.join(
            "\n",
            "article:",
            "  id: my-runbook",
            "  title: My runbook",
            "  url: https://wiki.example.com/runbook",
            "entries:",
            "  - id: queue-stuck",
            "    title: Print jobs stay in the queue",
            "    source: {url: 'https://wiki.example.com/runbook', anchor: stuck, textDate: '2026-01-02'}",
            "    symptoms:",
            "      - {lang: en, text: 'The print spooler service terminated unexpectedly'}",
            "    cause: The spooler stopped.",
            "    steps:",
            "      - text: Restart it.",
            "        commands: ['Restart-Service Spooler']",
            "");
    Path file = tmp.resolve("good.yaml");
    Files.writeString(file, good, StandardCharsets.UTF_8);
    assertEquals(List.of(), errors(file), "the example itself is valid");

    Map<String, String> mistakes =
        Map.of(
            "a misspelt field",
            good.replace("    cause:", "    cuase:"),
            "a symptom with both text and pattern",
            good.replace("text: 'The print", "pattern: 'spooler.*', text: 'The print"),
            "an id with capitals and spaces",
            good.replace("id: queue-stuck", "id: Queue Stuck"),
            "a link without a host",
            good.replace("url: https://wiki.example.com/runbook\n", "url: wiki/runbook\n"),
            "no steps",
            good.substring(0, good.indexOf("    steps:")),
            "a language that is no code",
            good.replace("lang: en", "lang: english"));
    for (Map.Entry<String, String> mistake : mistakes.entrySet()) {
      assertTrue(!mistake.getValue().equals(good), mistake.getKey() + " changed nothing");
      Path bad = tmp.resolve("bad.yaml");
      Files.writeString(bad, mistake.getValue(), StandardCharsets.UTF_8);
      assertTrue(!errors(bad).isEmpty(), mistake.getKey() + " passed the schema");
    }
  }
}
