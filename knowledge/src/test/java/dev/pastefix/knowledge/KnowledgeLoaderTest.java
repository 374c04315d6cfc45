package dev.pastefix.knowledge;

import static dev.pastefix.knowledge.BrokenFixtures.assertCount;
import static dev.pastefix.knowledge.BrokenFixtures.dir;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnowledgeLoaderTest {
  @TempDir Path classpath;
  @TempDir Path admin;

  private KnowledgeLoader shippingSample() {
    return new KnowledgeLoader(
        TestingClasspath.withShipped(classpath, List.of(dir("valid").resolve("sample.yaml"))));
  }

  private static final String ADMIN_ARTICLE =
      "article:\n"
          + "  id: our-notes\n"
          + "  title: Our own notes\n"
          + "  url: https://wiki.example.org/skype\n"
          + "entries:\n";

  @Test
  void buildsEveryFieldOfTheValidFixture() throws Exception {
    KnowledgeBase kb = shippingSample().loadShipped();
    assertEquals(
        List.of("sample-error", "other-error"), kb.entries().stream().map(Entry::id).toList());
    Entry entry = kb.entry("sample-error").orElseThrow();
    Article article = kb.articleOf(entry);
    assertEquals("sample", article.id());
    assertEquals(URI.create("https://example.com/sample"), article.url());
    assertEquals(new SeedFile("002_sample.txt", "fr", "2021-05"), article.seeds().get(1));
    assertEquals(LifecycleNote.Severity.WARNING, article.lifecycle().get(0).severity());
    assertEquals(
        Optional.of(URI.create("https://example.com/retired")), article.lifecycle().get(0).link());
    assertEquals("sample-error", entry.source().anchor());
    assertEquals(List.of("001_sample.txt", "002_sample.txt"), entry.source().seeds());
    assertEquals("2021-03", entry.source().textDate());
    assertEquals(
        Symptom.text("fr", "Le widget d’exemple n’a pas pu être frobé"), entry.symptoms().get(1));
    assertEquals(
        new Step("Turn the widget on.", List.of("Enable-Widget -Name sample")),
        entry.steps().get(0));
    assertEquals(new Step("Try again.", List.of()), entry.steps().get(1));
    assertEquals(
        new Link("Widgets", URI.create("https://example.com/widgets")), entry.links().get(0));
    Fact fact = entry.facts().get(0);
    assertEquals("widgets per tenant", fact.name());
    assertEquals("widgets par client", fact.name("fr"));
    assertEquals("20", fact.value("fr"));
    assertEquals("widgets per tenant", fact.name("ko"));
    assertEquals(List.of("why does my widget not frob"), entry.examples());
    Change change = entry.changes().get(0);
    assertEquals("2021-03", change.since());
    assertEquals(List.of("002_sample.txt"), change.seeds());
    assertTrue(change.text("fr").startsWith("La limite"));
    assertEquals(change.text(), change.text("ko"));
    LifecycleNote note = entry.lifecycle().get(0);
    assertEquals(LifecycleNote.Severity.INFO, note.severity());
    assertEquals("위젯은 더 이상 사용되지 않습니다.", note.text("ko"));
    assertEquals("Widgets are deprecated.", note.text("fr"));
    assertEquals(Optional.of("widget-state"), entry.check());
    Translation fr = entry.translation("fr").orElseThrow();
    assertEquals(List.of("Allumez le widget.", "Réessayez."), fr.steps());
    assertEquals(List.of("pourquoi mon widget ne marche pas"), fr.examples());
    assertEquals(
        Symptom.pattern("en", "gizmo \\d+ is stuck"),
        kb.entry("other-error").orElseThrow().symptoms().get(0));
  }

  @Test
  void adminEntryWithAShippedIdReplacesItInPlace() throws Exception {
    Files.writeString(
        admin.resolve("override.yaml"),
        ADMIN_ARTICLE
            + "  - id: sample-error\n"
            + "    title: Our widget error\n"
            + "    source: {url: \"https://wiki.example.org/skype#widgets\", anchor: widgets,"
            + " textDate: \"2025-01\"}\n"
            + "    symptoms: [{lang: en, text: our widget broke}]\n"
            + "    cause: Our proxy blocks widgets.\n"
            + "    steps: [{text: Call the network team.}]\n");
    KnowledgeBase kb = shippingSample().load(Optional.of(admin));
    assertEquals(
        List.of("sample-error", "other-error"), kb.entries().stream().map(Entry::id).toList());
    Entry entry = kb.entry("sample-error").orElseThrow();
    assertEquals("Our widget error", entry.title());
    assertEquals("our-notes", kb.articleOf(entry).id());
    assertEquals(
        List.of("sample-error"), kb.symptomMatcher().matchingIds("help, our widget broke"));
    assertEquals(
        List.of(), kb.symptomMatcher().matchingIds("The sample widget could not be frobbed"));
  }

  @Test
  void adminEntryWithANewIdIsAdded() throws Exception {
    Files.writeString(
        admin.resolve("extra.yml"),
        ADMIN_ARTICLE
            + "  - id: proxy-blocks-widgets\n"
            + "    title: The proxy blocks widgets\n"
            + "    source: {url: \"https://wiki.example.org/skype#proxy\", anchor: proxy, textDate:"
            + " \"2025-01\"}\n"
            + "    symptoms: [{lang: en, pattern: \"proxy .*denied\"}]\n"
            + "    cause: Our proxy blocks widgets.\n"
            + "    steps: [{text: Call the network team., commands: [Test-NetConnection"
            + " widgets.example.org]}]\n");
    KnowledgeBase kb = shippingSample().load(Optional.of(admin));
    assertEquals(
        List.of("sample-error", "other-error", "proxy-blocks-widgets"),
        kb.entries().stream().map(Entry::id).toList());
    assertEquals(List.of("sample", "our-notes"), kb.articles().stream().map(Article::id).toList());
    assertEquals(
        List.of("proxy-blocks-widgets"), kb.symptomMatcher().matchingIds("Proxy access DENIED"));
  }

  @Test
  void adminDuplicatesWithinTheAdminDirectoryAreStillErrors() throws Exception {
    String entry =
        "  - id: proxy-blocks-widgets\n"
            + "    title: The proxy blocks widgets\n"
            + "    source: {url: \"https://wiki.example.org/skype#proxy\", anchor: proxy, textDate:"
            + " \"2025-01\"}\n"
            + "    symptoms: [{lang: en, text: proxy denied}]\n"
            + "    cause: Our proxy blocks widgets.\n"
            + "    steps: [{text: Call the network team.}]\n";
    Files.writeString(admin.resolve("a.yaml"), ADMIN_ARTICLE + entry);
    Files.writeString(
        admin.resolve("b.yaml"), ADMIN_ARTICLE.replace("our-notes", "more-notes") + entry);
    InvalidKnowledgeException e =
        assertThrows(
            InvalidKnowledgeException.class, () -> shippingSample().load(Optional.of(admin)));
    assertCount(1, e.problems());
    assertTrue(
        e.problems()
            .get(0)
            .toString()
            .contains("b.yaml:6: entry 'proxy-blocks-widgets', field 'id'"),
        e::getMessage);
  }

  @Test
  void invalidAdminDirectoryFailsWithEveryProblemInTheMessage() throws IOException {
    Path broken = dir("broken/several");
    InvalidKnowledgeException e =
        assertThrows(
            InvalidKnowledgeException.class, () -> shippingSample().load(Optional.of(broken)));
    assertCount(7, e.problems());
    assertTrue(e.getMessage().startsWith("7 problems in the knowledge base:"), e::getMessage);
    for (Problem problem : e.problems()) {
      assertTrue(e.getMessage().contains(problem.toString()), problem::toString);
    }
  }

  @Test
  void missingAdminDirectoryIsReported() {
    InvalidKnowledgeException e =
        assertThrows(
            InvalidKnowledgeException.class,
            () -> shippingSample().load(Optional.of(admin.resolve("nope"))));
    assertTrue(e.getMessage().contains("nope: does not exist"), e::getMessage);
  }

  @Test
  void shippedFileMissingFromTheClasspathIsReported() throws IOException {
    Path folder = Files.createDirectories(classpath.resolve("knowledge"));
    Files.writeString(folder.resolve("index.txt"), "gone.yaml\n");
    KnowledgeLoader loader =
        new KnowledgeLoader(
            new java.net.URLClassLoader(new java.net.URL[] {classpath.toUri().toURL()}, null));
    InvalidKnowledgeException e =
        assertThrows(InvalidKnowledgeException.class, loader::loadShipped);
    assertTrue(
        e.getMessage().contains("gone.yaml: is listed in knowledge/index.txt"), e::getMessage);
  }

  @Test
  void problemReadsLikeACompilerMessage() {
    Problem problem =
        new Problem(
            "connector.yaml",
            123,
            Optional.of("max-shells-tenant"),
            Optional.of("symptoms[2].pattern"),
            "does not compile: missing closing )");
    assertEquals(
        "connector.yaml:123: entry 'max-shells-tenant', field 'symptoms[2].pattern': does not"
            + " compile: missing closing )",
        problem.toString());
    assertEquals("x.yaml: is empty", Problem.ofFile("x.yaml", 0, "is empty").toString());
  }
}
