package dev.pastefix.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pastefix.knowledge.Entry;
import dev.pastefix.knowledge.KnowledgeLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KbCommandTest {
  private static final String ADMIN_ARTICLE =
      "article:\n"
          + "  id: our-notes\n"
          + "  title: Our own notes\n"
          + "  url: https://wiki.example.org/skype\n"
          + "entries:\n";

  private static final String ADMIN_ENTRY =
      "  - id: proxy-blocks-connector\n"
          + "    title: Our proxy blocks the connector\n"
          + "    source: {url: \"https://wiki.example.org/skype#proxy\", anchor: proxy, textDate:"
          + " \"2025-01\"}\n"
          + "    symptoms: [{lang: en, text: \"proxy authentication required\"}]\n"
          + "    cause: The office proxy needs authentication.\n"
          + "    steps: [{text: Use the admin network., commands: [\"netsh winhttp show"
          + " proxy\"]}]\n";

  @TempDir Path dir;

  private final Main main = Main.standard();

  private int run(TestingTerminal t, String... args) {
    return main.run(List.of(args), t.terminal);
  }

  private static List<String> lines(String text) {
    return text.lines().filter(l -> !l.isBlank()).toList();
  }

  @Test
  void listPrintsOneLinePerShippedEntry() throws Exception {
    TestingTerminal t = new TestingTerminal();
    assertEquals(0, run(t, "kb", "list"), t::err);
    List<String> lines = lines(t.out());
    assertEquals(24, lines.size(), t::out);
    Set<String> ids = lines.stream().map(l -> l.split("\\s+")[0]).collect(Collectors.toSet());
    // The exact 24 ids are pinned by the knowledge module's ShippedKnowledgeTest.
    Set<String> shipped =
        new KnowledgeLoader()
            .loadShipped().entries().stream().map(Entry::id).collect(Collectors.toSet());
    assertEquals(new TreeSet<>(shipped), new TreeSet<>(ids));
    assertTrue(
        lines.stream().anyMatch(l -> l.matches("max-shells-tenant\\s+connector\\s+\\S.*")), t::out);
    assertTrue(lines.stream().anyMatch(l -> l.matches("clock-skew\\s+sign-in\\s+\\S.*")), t::out);
  }

  @Test
  void showMaxShellsTenantGivesTheLimitTheStepAndTheArticleLink() {
    TestingTerminal t = new TestingTerminal();
    assertEquals(0, run(t, "kb", "show", "max-shells-tenant"), t::err);
    String out = t.out();
    assertTrue(out.contains("20"), out);
    assertTrue(out.contains("Remove-PSSession"), out);
    assertTrue(out.contains("Source: "), out);
    assertTrue(out.contains("<https://"), out);
    assertTrue(out.contains("#"), out);
    // The chat's entry view, rendered as the console renders it.
    for (String heading :
        List.of("Id: max-shells-tenant", "Error texts:", "Cause:", "1. ", "Translations: fr, ko")) {
      assertTrue(out.contains(heading), () -> heading + " missing in\n" + out);
    }
  }

  @Test
  void showUnknownIdSuggestsTheClosestIds() {
    TestingTerminal t = new TestingTerminal();
    assertEquals(1, run(t, "kb", "show", "max-shells"));
    assertTrue(t.err().contains("no entry 'max-shells'"), t::err);
    assertTrue(t.err().contains("max-shells-tenant"), t::err);
    assertTrue(t.err().contains("max-shells-user"), t::err);
    assertEquals("", t.out());
  }

  @Test
  void validateWithoutDirectoryChecksTheShippedKnowledge() {
    TestingTerminal t = new TestingTerminal();
    assertEquals(0, run(t, "kb", "validate"), t::out);
    assertTrue(t.out().startsWith("valid: 24 entries from 2 articles"), t::out);
  }

  @Test
  void validateBrokenDirectoryListsEveryProblemAndFails() throws IOException {
    Files.writeString(
        dir.resolve("a.yaml"),
        ADMIN_ARTICLE
            + ADMIN_ENTRY
                .replace("    cause: The office proxy needs authentication.\n", "")
                .replace("{lang: en, text:", "{lang: en, pattern: \"(proxy\", text:"));
    Files.writeString(dir.resolve("b.yml"), "entries: [\n");
    Files.write(dir.resolve("c.yaml"), new byte[] {(byte) 0xff, 0, 1, 2});
    TestingTerminal t = new TestingTerminal();
    assertEquals(1, run(t, "kb", "validate", dir.toString()));
    String out = t.out();
    assertTrue(
        out.contains("a.yaml:6: entry 'proxy-blocks-connector', field 'cause': is required"), out);
    assertTrue(
        out.contains("a.yaml:9: entry 'proxy-blocks-connector', field 'symptoms[0]': has both"),
        out);
    assertTrue(out.contains("b.yml:"), out);
    assertTrue(out.contains("YAML syntax"), out);
    assertTrue(out.contains("c.yaml: is not UTF-8 text"), out);
    assertTrue(out.contains("4 problems"), out);
  }

  @Test
  void validateValidDirectoryAlonePasses() throws IOException {
    Files.writeString(dir.resolve("ours.yaml"), ADMIN_ARTICLE + ADMIN_ENTRY);
    TestingTerminal t = new TestingTerminal();
    assertEquals(0, run(t, "kb", "validate", dir.toString()), t::out);
    assertTrue(t.out().contains("valid: " + dir), t::out);
  }

  @Test
  void validateMissingDirectoryIsAUsageError() {
    TestingTerminal t = new TestingTerminal();
    assertEquals(2, run(t, "kb", "validate", dir.resolve("nope").toString()));
    assertTrue(t.err().contains("is not a directory"), t::err);
  }

  @Test
  void environmentDirectoryAddsEntries() throws IOException {
    Files.writeString(dir.resolve("ours.yaml"), ADMIN_ARTICLE + ADMIN_ENTRY);
    TestingTerminal t = new TestingTerminal(Map.of("PASTEFIX_KNOWLEDGE_DIR", dir.toString()));
    assertEquals(0, run(t, "kb", "list"), t::err);
    List<String> lines = lines(t.out());
    assertEquals(25, lines.size(), t::out);
    assertTrue(lines.get(24).startsWith("proxy-blocks-connector"), t::out);
  }

  @Test
  void knowledgeOptionOverridesTheEnvironment(@TempDir Path other) throws IOException {
    Files.writeString(dir.resolve("ours.yaml"), ADMIN_ARTICLE + ADMIN_ENTRY);
    Files.writeString(other.resolve("broken.yaml"), "article: {id: x}\n");
    TestingTerminal t = new TestingTerminal(Map.of("PASTEFIX_KNOWLEDGE_DIR", other.toString()));
    assertEquals(
        0, run(t, "--knowledge", dir.toString(), "kb", "show", "proxy-blocks-connector"), t::err);
    assertTrue(t.out().contains("    netsh winhttp show proxy"), t::out);

    TestingTerminal broken = new TestingTerminal();
    assertEquals(1, run(broken, "--knowledge=" + other, "kb", "validate"));
    assertTrue(
        broken.out().contains("broken.yaml:1: field 'article.title': is required"), broken::out);
  }

  @Test
  void adminEntryOverridesAShippedOneById() throws IOException {
    Files.writeString(
        dir.resolve("ours.yaml"),
        ADMIN_ARTICLE + ADMIN_ENTRY.replace("proxy-blocks-connector", "clock-skew"));
    TestingTerminal t = new TestingTerminal();
    assertEquals(0, run(t, "--knowledge", dir.toString(), "kb", "show", "clock-skew"), t::err);
    assertTrue(t.out().startsWith("Our proxy blocks the connector"), t::out);
  }

  @Test
  void wrongUsageExitsWithTwo() {
    for (String[] args :
        List.of(
            new String[] {"kb"},
            new String[] {"kb", "show"},
            new String[] {"kb", "show", "a", "b"},
            new String[] {"kb", "list", "x"},
            new String[] {"kb", "validate", "a", "b"},
            new String[] {"kb", "frobnicate"},
            new String[] {"--knowledge"})) {
      TestingTerminal t = new TestingTerminal();
      assertEquals(2, run(t, args), () -> Arrays.toString(args));
      assertTrue(!t.err().isBlank(), () -> Arrays.toString(args));
    }
  }
}
