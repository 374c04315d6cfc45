package dev.pastefix.knowledge.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pastefix.knowledge.Entry;
import dev.pastefix.knowledge.KnowledgeBase;
import dev.pastefix.knowledge.KnowledgeLoader;
import dev.pastefix.knowledge.KnowledgeSources;
import dev.pastefix.knowledge.Translation;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The importer on each article format, on broken input, and on a re-import. */
class ArticleImporterTest {
  @TempDir Path tmp;

  private static Path fixture(String name) throws URISyntaxException {
    return Path.of(ArticleImporterTest.class.getResource("/articles/" + name).toURI());
  }

  private ImportTarget.Outcome importInto(Path out, Path... inputs) {
    ArticleImporter.Plan plan =
        new ArticleImporter()
            .plan(List.of(inputs), new ArticleImporter.Options(Optional.empty()), Set.of());
    assertEquals(List.of(), plan.problems());
    return new ImportTarget(out).apply(plan.files(), false, w -> {});
  }

  private static KnowledgeBase load(Path dir) throws Exception {
    assertEquals(List.of(), new KnowledgeLoader().validate(dir));
    return new KnowledgeLoader().load(KnowledgeSources.directoryOnly(dir));
  }

  private static Entry entry(KnowledgeBase kb, String anchor) {
    return kb.entries().stream()
        .filter(e -> e.source().anchor().equals(anchor))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no entry at #" + anchor + ": " + kb.entries()));
  }

  @Test
  void readsARunbookWithSymptomsCauseAndResolution() throws Exception {
    Path out = tmp.resolve("kb");
    assertTrue(importInto(out, fixture("runbook/disk-full.md")).ok());
    KnowledgeBase kb = load(out);
    assertEquals(1, kb.entries().size());
    Entry e = entry(kb, "build-agent-disk-is-full");
    assertTrue(
        e.symptoms().stream().anyMatch(s -> s.source().contains("No space left on device")),
        e.symptoms()::toString);
    assertTrue(e.cause().contains("never pruned"));
    assertEquals(List.of("systemctl stop build-agent"), e.steps().get(0).commands());
    assertTrue(e.steps().stream().anyMatch(s -> s.text().contains("Keep the work/config folder")));
    assertTrue(e.facts().stream().anyMatch(f -> f.value().equals("30 days")), e.facts()::toString);
    assertTrue(e.source().seeds().contains("disk-full.md"));
  }

  @Test
  void readsDocsAsCodeWithAnchorsRowsAlertsAndColonBlocks() throws Exception {
    Path out = tmp.resolve("kb");
    assertTrue(importInto(out, fixture("docs/widget-errors.txt")).ok());
    KnowledgeBase kb = load(out);
    Set<String> anchors =
        kb.entries().stream().map(e -> e.source().anchor()).collect(Collectors.toSet());
    // The explicit <a name> is ignored; the repeated heading gets -1; See also is no problem.
    assertTrue(anchors.contains("error-widget-token-expired"), anchors::toString);
    assertTrue(anchors.contains("error-widget-token-expired-1"), anchors::toString);
    assertFalse(anchors.contains("see-also"));
    Entry first = entry(kb, "error-widget-token-expired");
    assertEquals(List.of("Reset-WidgetToken -All"), first.steps().get(0).commands());
    assertTrue(first.source().url().toString().startsWith("https://learn.microsoft.com/"));
    Entry repeated = entry(kb, "error-widget-token-expired-1");
    assertTrue(
        repeated.symptoms().stream()
            .anyMatch(s -> s.source().contains("Widget token expired (code 0x80041234)")));
    // The row whose resolution names a section joins it; the other row is an entry of its own.
    Entry clock = entry(kb, "fix-the-clock");
    assertTrue(
        clock.symptoms().stream()
            .anyMatch(s -> s.source().equals("Clock out of sync with the widget server")));
    assertTrue(clock.steps().stream().noneMatch(s -> s.text().contains(":::")));
    Entry row =
        kb.entries().stream().filter(e -> e.source().row().isPresent()).findFirst().orElseThrow();
    assertEquals(Optional.of(1), row.source().row());
    assertEquals("common-causes", row.source().anchor());
    assertTrue(row.title().contains("Widget cache is stale"), row.title());
  }

  @Test
  void mergesALocalizedVersionWithTheSameNumberOfSteps() throws Exception {
    Path out = tmp.resolve("kb");
    assertTrue(importInto(out, fixture("localized")).ok());
    KnowledgeBase kb = load(out);
    assertEquals(1, kb.articles().size());
    Entry e = entry(kb, "job-does-not-start");
    Translation fr = e.translation("fr").orElseThrow();
    assertEquals(e.steps().size(), fr.steps().size());
    assertEquals("La tâche ne démarre pas", fr.title());
    assertTrue(fr.steps().get(1).contains("Redémarrez"));
    assertEquals("Start the job again.", e.steps().get(1).text());
    assertEquals(Set.of("jobs.md", "jobs.fr-FR.md"), Set.copyOf(e.source().seeds()));
    assertEquals("jobs", ArticleImporter.stem("jobs.fr-FR.md"));
  }

  @Test
  void reimportKeepsWhatAPersonAdded() throws Exception {
    Path out = tmp.resolve("kb");
    Path article = tmp.resolve("disk-full.md");
    Files.copy(fixture("runbook/disk-full.md"), article);
    assertTrue(importInto(out, article).ok());
    Path file = out.resolve("disk-full.yaml");
    String text = Files.readString(file, StandardCharsets.UTF_8);
    String edited =
        text.replace("title: Build agent disk is full", "title: Agent disk full (our wording)")
            .replace(
                "    cause:",
                "    examples:\n      - the build box ran out of disk again\n    cause:");
    assertFalse(edited.equals(text));
    Files.writeString(file, edited, StandardCharsets.UTF_8);
    // The article changes: a new step.
    Files.writeString(
        article,
        Files.readString(article, StandardCharsets.UTF_8)
            + "\n1. Add a nightly job that prunes the cache.\n",
        StandardCharsets.UTF_8);
    ImportTarget.Outcome again = importInto(out, article);
    assertTrue(again.ok(), again.problems()::toString);
    assertEquals(1, again.changed().size(), again.toString());
    Entry e = load(out).entries().get(0);
    assertEquals("Agent disk full (our wording)", e.title());
    assertEquals(List.of("the build box ran out of disk again"), e.examples());
    assertTrue(e.steps().stream().anyMatch(s -> s.text().contains("prunes the cache")));
    assertSchemaLineOnce(file, ImportTarget.SCHEMA_LINE);
  }

  @Test
  void everyWrittenFileNamesTheSchemaOnceAndKeepsAPersonsOwnSchemaLine() throws Exception {
    Path out = tmp.resolve("kb");
    Path article = fixture("runbook/disk-full.md");
    assertTrue(importInto(out, article).ok());
    Path file = out.resolve("disk-full.yaml");
    assertSchemaLineOnce(
        file, "# yaml-language-server: $schema=.pastefix-import/knowledge.schema.json");
    // The copy the line names is the schema published in docs/schema/.
    Path published = Path.of("..", "docs", "schema", "knowledge.schema.json");
    assertEquals(
        Files.readString(published, StandardCharsets.UTF_8),
        Files.readString(
            out.resolve(ImportTarget.LAST_IMPORT).resolve("knowledge.schema.json"),
            StandardCharsets.UTF_8));

    assertTrue(importInto(out, article).ok());
    assertSchemaLineOnce(file, ImportTarget.SCHEMA_LINE);

    // A person points the line at their checkout of the docs: a re-import keeps it, once.
    String own = "# yaml-language-server: $schema=../pastefix/docs/schema/knowledge.schema.json";
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    lines.set(0, own);
    Files.write(file, lines, StandardCharsets.UTF_8);
    assertTrue(importInto(out, article).ok());
    assertSchemaLineOnce(file, own);

    // A file whose schema line a person removed gets it back.
    lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    Files.write(file, lines.subList(1, lines.size()), StandardCharsets.UTF_8);
    assertTrue(importInto(out, article).ok());
    assertSchemaLineOnce(file, ImportTarget.SCHEMA_LINE);
    load(out);
  }

  private static void assertSchemaLineOnce(Path file, String line) throws Exception {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertEquals(line, lines.get(0), file.toString());
    assertEquals(
        1,
        lines.stream().filter(l -> l.contains("yaml-language-server")).count(),
        () -> "one schema line in " + file + ":\n" + String.join("\n", lines));
  }

  @Test
  void anErrorTextSharedBySectionsBelongsToTheSectionThatHasNothingElse() throws Exception {
    Path out = tmp.resolve("kb");
    assertTrue(importInto(out, fixture("owners")).ok());
    KnowledgeBase kb = load(out);
    // Two long messages that share their first sentence: each keeps the sentences that tell it
    // apart, neither keeps the shared one, and "Error:" labels make the message a symptom.
    Entry producer = entry(kb, "producer-quota-exceeded");
    Entry cluster = entry(kb, "cluster-quota-exceeded");
    for (Entry e : List.of(producer, cluster)) {
      assertTrue(
          e.symptoms().stream().noneMatch(s -> s.source().startsWith("Broker refused")),
          e.symptoms()::toString);
      assertTrue(
          e.steps().stream().noneMatch(s -> s.text().startsWith("Resolution")),
          e.steps()::toString);
    }
    assertTrue(
        producer.symptoms().stream().anyMatch(s -> s.source().contains("for this producer")),
        producer.symptoms()::toString);
    assertTrue(
        cluster.symptoms().stream().anyMatch(s -> s.source().contains("for this cluster")),
        cluster.symptoms()::toString);
    // One message quoted by an overview of several errors and by the article dedicated to it:
    // the dedicated article owns it, the overview keeps its other messages.
    Entry overview = entry(kb, "errors-when-publishing-to-the-broker");
    Entry dedicated = entry(kb, "channel-open-fails-because-the-token-expired");
    assertTrue(
        dedicated.symptoms().stream()
            .anyMatch(s -> s.source().contains("authentication token has expired")),
        dedicated.symptoms()::toString);
    assertTrue(
        overview.symptoms().stream()
            .noneMatch(s -> s.source().contains("authentication token has expired")),
        overview.symptoms()::toString);
    assertTrue(
        overview.symptoms().stream().anyMatch(s -> s.source().contains("larger than the frame")),
        overview.symptoms()::toString);
  }

  @Test
  void refusesBrokenInputAndWritesNothing() throws Exception {
    Path out = tmp.resolve("kb");
    Path binary = tmp.resolve("image.md");
    Files.write(binary, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2, (byte) 0xff});
    Path large = tmp.resolve("large.md");
    Files.write(large, new byte[ArticleFile.MAX_BYTES + 1]);
    Path notMarkdown = tmp.resolve("data.txt");
    Files.writeString(notMarkdown, "just,some,values\n1,2,3\n");
    ArticleImporter importer = new ArticleImporter();
    ArticleImporter.Options options = new ArticleImporter.Options(Optional.empty());
    for (Path bad :
        List.of(
            binary,
            large,
            notMarkdown,
            fixture("noproblem/overview.md"),
            tmp.resolve("missing.md"))) {
      ArticleImporter.Plan plan = importer.plan(List.of(bad), options, Set.of());
      assertEquals(1, plan.problems().size(), bad + ": " + plan.problems());
      assertTrue(plan.problems().get(0).startsWith(bad.toString()), plan.problems()::toString);
    }
    // Found in a directory, the same files are skipped with a note beside a good article.
    Files.copy(fixture("runbook/disk-full.md"), tmp.resolve("disk-full.md"));
    ArticleImporter.Plan mixed = importer.plan(List.of(tmp), options, Set.of());
    assertEquals(List.of(), mixed.problems());
    assertEquals(1, mixed.files().size());
    assertEquals(3, mixed.notes().size(), mixed.notes()::toString);
    assertFalse(Files.exists(out));
  }

  @Test
  void anUnwritableDirectoryIsAProblemAndKeepsItsFiles() throws Exception {
    Path out = tmp.resolve("kb");
    Files.createDirectories(out);
    Path blocker = out.resolve(ImportTarget.LAST_IMPORT);
    Files.writeString(blocker, "a file where the importer keeps its folder");
    ArticleImporter.Plan plan =
        new ArticleImporter()
            .plan(
                List.of(fixture("runbook/disk-full.md")),
                new ArticleImporter.Options(Optional.empty()),
                Set.of());
    ImportTarget.Outcome outcome = new ImportTarget(out).apply(plan.files(), false, w -> {});
    assertFalse(outcome.ok());
    assertFalse(Files.exists(out.resolve("disk-full.yaml")));
  }

  @Test
  void dryRunShowsTheFilesAndWritesNothing() throws Exception {
    Path out = tmp.resolve("kb");
    ArticleImporter.Plan plan =
        new ArticleImporter()
            .plan(
                List.of(fixture("runbook/disk-full.md")),
                new ArticleImporter.Options(Optional.empty()),
                Set.of());
    StringBuilder shown = new StringBuilder();
    ImportTarget.Outcome outcome =
        new ImportTarget(out).apply(plan.files(), true, w -> shown.append(w.text()));
    assertTrue(outcome.ok());
    assertTrue(shown.toString().contains("No space left on device"));
    assertTrue(shown.toString().startsWith(ImportTarget.SCHEMA_LINE + "\n"), shown::toString);
    assertFalse(Files.exists(out));
  }

  @Test
  void computesAnchorsAsTheDocsSiteDoes() {
    assertEquals(
        "error-were-still-processing-your-policy",
        Outline.anchor("Error: We're still processing your policy"));
    assertEquals(
        "510534-403-get-inbound-direct-routing---blocked-calling-number-for-customer",
        Outline.anchor(
            "510534 403 Get Inbound Direct routing - blocked calling number for customer"));
  }
}
