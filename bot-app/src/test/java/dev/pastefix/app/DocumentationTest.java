package dev.pastefix.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The documentation holds together: every link of every page reaches a file and a heading that
 * exist, and the README stays one screen that keeps the two commands CI and a newcomer run.
 */
class DocumentationTest {
  static final int README_LINES = 80;

  private final MarkdownPages markdown = new MarkdownPages();

  @Test
  void everyLinkReachesAFileAndAnchorThatExist() {
    List<Path> pages = MarkdownPages.pages();
    List<String> broken = new ArrayList<>();
    int links = 0;
    for (Path page : pages) {
      for (MarkdownPages.PageLink link : MarkdownPages.links(page)) {
        links++;
        markdown.problem(link).ifPresent(p -> broken.add(link + " " + p));
      }
    }
    assertTrue(pages.size() >= 10, "README, docs/ and knowledge/README.md: " + pages);
    assertTrue(links > 50, "links found: " + links);
    assertEquals(List.of(), broken, "broken links");
  }

  @Test
  void reportsAMissingFileAndAMissingAnchor(@TempDir Path dir) throws Exception {
    Path page = MarkdownPages.ROOT.resolve("docs").resolve("quickstart.md");
    List<String> problems = new ArrayList<>();
    for (String destination :
        List.of(
            "no-such-page.md",
            "configuration.md#no-such-heading",
            "#prerequisites",
            "operations.md#where-the-state-lives",
            "https://example.org/x")) {
      problems.add(
          markdown.problem(new MarkdownPages.PageLink(page, 1, destination)).orElse("fine"));
    }
    assertTrue(problems.get(0).startsWith("no such file: docs/no-such-page.md"), problems.get(0));
    assertTrue(problems.get(1).startsWith("no heading '#no-such-heading'"), problems.get(1));
    assertEquals(List.of("fine", "fine", "fine"), problems.subList(2, 5));
  }

  @Test
  void findsTheBrokenLinksOfAPage() throws Exception {
    // Inside the repository (links may not leave it), in the build's own directory.
    Path dir = Files.createTempDirectory(MarkdownPages.ROOT.resolve("bot-app/target"), "links-");
    Files.writeString(dir.resolve("other.md"), "# Other page\n\n## A section\n");
    Path page = dir.resolve("page.md");
    Files.writeString(
        page,
        String.join(
            "\n",
            "# Page",
            "",
            "[fine](other.md#a-section), [fine too](#page), ![img](other.md),",
            "[gone](missing.md), [no such heading](other.md#b-section),",
            "[nor here](#nowhere), [web](https://example.org/#x).",
            ""),
        StandardCharsets.UTF_8);

    List<String> broken = new ArrayList<>();
    for (MarkdownPages.PageLink link : MarkdownPages.links(page)) {
      markdown.problem(link).ifPresent(p -> broken.add(link.destination()));
    }

    assertEquals(List.of("missing.md", "other.md#b-section", "#nowhere"), broken);
  }

  @Test
  void makesAnchorsTheWayGitHubDoes(@TempDir Path dir) throws Exception {
    assertEquals(
        "checking-the-deployment-files-deploytestsh",
        MarkdownPages.slug("Checking the deployment files: deploy/test.sh"));
    assertEquals("editor-support-json-schema", MarkdownPages.slug("Editor support: JSON Schema"));
    assertEquals(
        "1-create-the-app-from-the-manifest",
        MarkdownPages.slug("1. Create the app from the manifest"));
    assertEquals(
        "the-projects-own-translations-ours",
        MarkdownPages.slug("The project's own translations: ours"));
    Path page = dir.resolve("page.md");
    Files.writeString(
        page, "# Logs\n\n## Logs\n\n### `deploy/test.sh` — run it\n", StandardCharsets.UTF_8);
    assertEquals(Set.of("logs", "logs-1", "deploytestsh--run-it"), markdown.anchors(page));
  }

  @Test
  void theReadmeFitsOnOneScreen() throws Exception {
    List<String> lines =
        Files.readAllLines(MarkdownPages.ROOT.resolve("README.md"), StandardCharsets.UTF_8);
    assertTrue(lines.size() <= README_LINES, "README.md has " + lines.size() + " lines");
  }

  @Test
  void theReadmeHoldsTheTestCommandCiRunsAndTheBuildAndRunCommand() throws Exception {
    List<String> blocks = MarkdownPages.codeBlocks(MarkdownPages.ROOT.resolve("README.md"));
    List<String> ciCommands = new ArrayList<>();
    for (String line :
        Files.readAllLines(MarkdownPages.ROOT.resolve(".ci/run"), StandardCharsets.UTF_8)) {
      if (line.strip().startsWith("mvn ")) {
        ciCommands.add(line.strip());
      }
    }
    assertEquals(List.of("mvn -B clean verify"), ciCommands, ".ci/run");
    assertTrue(blocks.contains(ciCommands.get(0) + "\n"), "README's test command: " + blocks);
    assertTrue(
        blocks.stream()
            .anyMatch(
                b ->
                    b.startsWith("mvn -B -q package -DskipTests && java ")
                        && b.contains("-jar bot-app/target/pastefix.jar")),
        "README's build-and-run command: " + blocks);
  }
}
