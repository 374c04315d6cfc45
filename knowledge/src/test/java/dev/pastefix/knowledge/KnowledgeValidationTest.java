package dev.pastefix.knowledge;

import static dev.pastefix.knowledge.BrokenFixtures.assertCount;
import static dev.pastefix.knowledge.BrokenFixtures.assertEntryProblem;
import static dev.pastefix.knowledge.BrokenFixtures.assertProblem;
import static dev.pastefix.knowledge.BrokenFixtures.dir;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One broken fixture per validation rule, under {@code src/test/resources/broken/<rule>/}. */
class KnowledgeValidationTest {
  private final KnowledgeLoader loader = new KnowledgeLoader();

  private List<Problem> problems(String rule) {
    return loader.validate(dir("broken/" + rule));
  }

  @Test
  void acceptsTheValidFixture() {
    assertEquals(List.of(), loader.validate(dir("valid")));
  }

  @Test
  void rejectsUnknownFieldsAtEveryLevel() {
    List<Problem> problems = problems("unknown-field");
    assertCount(6, problems);
    String file = "unknown.yaml";
    assertProblem(problems, file, 6, Optional.empty(), Optional.of("version"), "unknown field");
    assertProblem(
        problems, file, 5, Optional.empty(), Optional.of("article.author"), "unknown field");
    assertEntryProblem(problems, file, 14, "sample-error", "source.section", "unknown field");
    assertEntryProblem(problems, file, 16, "sample-error", "symptoms[0].language", "unknown field");
    assertEntryProblem(problems, file, 18, "sample-error", "remedy", "unknown field");
    assertEntryProblem(
        problems, file, 21, "sample-error", "steps[0].command", "did you mean 'commands'?");
  }

  @Test
  void rejectsSeedFileNamesInTextThatAnswersShow() {
    List<Problem> problems = problems("shown-text");
    assertCount(6, problems);
    String file = "internals.yaml";
    assertEntryProblem(problems, file, 14, "sample-error", "cause", "names a seed file");
    assertEntryProblem(problems, file, 18, "sample-error", "facts[0].name", "names a seed file");
    assertEntryProblem(
        problems, file, 18, "sample-error", "facts[0].ours.xx1", "not a language to translate");
    assertEntryProblem(problems, file, 20, "sample-error", "changes[0].since", "names a seed file");
    assertEntryProblem(
        problems, file, 21, "sample-error", "changes[1].since", "is not a version date");
    assertEntryProblem(
        problems, file, 21, "sample-error", "changes[1].ours.en", "not a language to translate");
  }

  @Test
  void reportsBrokenLinksLoopsAndNonRegularFilesInAnAdminDirectory(@TempDir Path dir)
      throws Exception {
    Files.copy(dir("valid").resolve("sample.yaml"), dir.resolve("good.yaml"));
    Files.createSymbolicLink(dir.resolve("dangling.yaml"), dir.resolve("missing.yaml"));
    Files.createSymbolicLink(dir.resolve("loop-a.yaml"), dir.resolve("loop-b.yaml"));
    Files.createSymbolicLink(dir.resolve("loop-b.yaml"), dir.resolve("loop-a.yaml"));
    Files.createDirectory(dir.resolve("folder.yaml"));
    List<Problem> problems = loader.validate(dir);
    String all = problems.toString();
    assertTrue(all.contains("dangling.yaml") && all.contains("broken symbolic link"), all);
    assertTrue(all.contains("loop-a.yaml") && all.contains("loop of symbolic links"), all);
    assertTrue(all.contains("loop-b.yaml"), all);
    assertTrue(all.contains("folder.yaml") && all.contains("not a regular file"), all);
    assertCount(4, problems);
  }

  @Test
  void readsAKnowledgeFileThroughASymbolicLinkWithinTheDirectory(@TempDir Path admin)
      throws Exception {
    Path real = Files.createDirectory(admin.resolve("real"));
    Files.copy(dir("valid").resolve("sample.yaml"), real.resolve("sample.yaml"));
    Files.createSymbolicLink(admin.resolve("linked.yaml"), real.resolve("sample.yaml"));
    assertEquals(List.of(), loader.validate(admin));
  }

  @Test
  void readsAKubernetesConfigMapVolume(@TempDir Path admin) throws Exception {
    // kubelet's layout: a timestamped folder, ..data pointing to it, each file a link through it.
    Path version = Files.createDirectory(admin.resolve("..2026_12_07_10_00_00.123456789"));
    Files.copy(dir("valid").resolve("sample.yaml"), version.resolve("sample.yaml"));
    Files.createSymbolicLink(admin.resolve("..data"), version.getFileName());
    Files.createSymbolicLink(admin.resolve("sample.yaml"), Path.of("..data/sample.yaml"));
    assertEquals(List.of(), loader.validate(admin));
    assertTrue(loader.load(Optional.of(admin)).entry("sample-error").isPresent());
  }

  @Test
  void refusesALinkOutOfTheDirectoryByNameWithoutReadingIt(@TempDir Path dir) throws Exception {
    Path secret =
        Files.writeString(
            dir.resolve("shadow"),
            "root:$6$saltsalt$Hunter2HashedValueXyz:19000:0:99999:7:::\n"
                + "admin:$6$pepper$AnotherHashValue:19000:0:99999:7:::\n");
    Path admin = Files.createDirectory(dir.resolve("admin"));
    Files.copy(dir("valid").resolve("sample.yaml"), admin.resolve("good.yaml"));
    Files.createSymbolicLink(admin.resolve("shadow.yaml"), secret);
    List<Problem> problems = loader.validate(admin);
    assertCount(1, problems);
    String all = problems.toString();
    assertTrue(all.contains("shadow.yaml"), all);
    assertTrue(all.contains("outside the knowledge directory; refused, not read"), all);
    assertFalse(all.contains("root"), all);
    assertFalse(all.contains("Hunter2"), all);
  }

  @Test
  void boundsWhatAStrayFileCanPutInProblems(@TempDir Path admin) throws Exception {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      text.append("line").append(i).append("_").append("x".repeat(300)).append(": value\n");
    }
    Files.writeString(admin.resolve("stray.yaml"), text);
    List<Problem> problems = loader.validate(admin);
    assertTrue(problems.size() <= KnowledgeLoader.MAX_PROBLEMS_PER_FILE + 1, problems::toString);
    for (Problem p : problems) {
      assertTrue(p.toString().length() < 600, p::toString);
      assertFalse(p.toString().contains("x".repeat(100)), p::toString);
    }
  }

  @Test
  void rejectsDuplicateIdsWithinAFile() {
    List<Problem> problems = problems("duplicate-id");
    assertCount(1, problems);
    Problem problem =
        assertEntryProblem(problems, "twice.yaml", 18, "sample-error", "id", "duplicate entry id");
    assertTrue(problem.message().contains("twice.yaml:6"), problem::toString);
  }

  @Test
  void rejectsDuplicateIdsAcrossFiles() {
    List<Problem> problems = problems("duplicate-id-across-files");
    assertCount(1, problems);
    Problem problem =
        assertEntryProblem(problems, "b.yaml", 6, "sample-error", "id", "duplicate entry id");
    assertTrue(problem.message().contains("a.yaml:6"), problem::toString);
  }

  @Test
  void rejectsDuplicateYamlKeys() {
    List<Problem> problems = problems("duplicate-key");
    assertCount(1, problems);
    assertEntryProblem(
        problems, "keys.yaml", 15, "sample-error", "cause", "first given on line 14");
  }

  @Test
  void rejectsAMissingRequiredField() {
    List<Problem> problems = problems("missing-field");
    assertCount(1, problems);
    assertEntryProblem(problems, "missing.yaml", 6, "sample-error", "cause", "is required");
  }

  @Test
  void rejectsAnEmptyRequiredField() {
    List<Problem> problems = problems("empty-field");
    assertCount(1, problems);
    assertEntryProblem(problems, "empty.yaml", 7, "sample-error", "title", "must not be empty");
  }

  @Test
  void rejectsAStepWithoutText() {
    List<Problem> problems = problems("step-without-text");
    assertCount(1, problems);
    assertEntryProblem(problems, "steps.yaml", 16, "sample-error", "steps[0].text", "is required");
  }

  @Test
  void rejectsAnEmptySymptomList() {
    List<Problem> problems = problems("empty-symptoms");
    assertCount(1, problems);
    assertEntryProblem(
        problems, "symptoms.yaml", 12, "sample-error", "symptoms", "at least one item");
  }

  @Test
  void rejectsASymptomWithBothTextAndPattern() {
    List<Problem> problems = problems("symptom-text-and-pattern");
    assertCount(1, problems);
    assertEntryProblem(
        problems, "both.yaml", 14, "sample-error", "symptoms[1]", "both 'text' and 'pattern'");
  }

  @Test
  void rejectsASymptomWithNeitherTextNorPattern() {
    List<Problem> problems = problems("symptom-neither");
    assertCount(1, problems);
    assertEntryProblem(problems, "neither.yaml", 14, "sample-error", "symptoms[1]", "needs 'text'");
  }

  @Test
  void rejectsAnUnknownLanguageCode() {
    List<Problem> problems = problems("unknown-language");
    assertCount(1, problems);
    assertEntryProblem(
        problems,
        "lang.yaml",
        13,
        "sample-error",
        "symptoms[0].lang",
        "'english' is not a two-letter");
  }

  @Test
  void rejectsATranslationIntoAnUnknownLanguage() {
    List<Problem> problems = problems("translation-language");
    assertCount(1, problems);
    assertEntryProblem(
        problems, "translation.yaml", 19, "sample-error", "translations.french", "two-letter");
  }

  @Test
  void rejectsMalformedUrls() {
    List<Problem> problems = problems("malformed-url");
    assertCount(4, problems);
    String file = "urls.yaml";
    assertEntryProblem(
        problems, file, 9, "sample-error", "source.url", "not an absolute http(s) URL");
    assertEntryProblem(problems, file, 19, "sample-error", "links[0].url", "not a valid URL");
    assertEntryProblem(
        problems, file, 20, "sample-error", "links[1].url", "not an absolute http(s) URL");
    assertEntryProblem(problems, file, 21, "sample-error", "links[2].url", "has no host name");
  }

  @Test
  void rejectsPatternsThatDoNotCompileInRe2() {
    List<Problem> problems = problems("pattern-does-not-compile");
    assertCount(2, problems);
    assertEntryProblem(
        problems, "patterns.yaml", 14, "sample-error", "symptoms[1].pattern", "does not compile");
    // Look-around is valid java.util.regex but not RE2: refused so matching stays linear-time.
    assertEntryProblem(
        problems, "patterns.yaml", 15, "sample-error", "symptoms[2].pattern", "does not compile");
  }

  @Test
  void rejectsAPatternThatMatchesEveryMessage() {
    List<Problem> problems = problems("pattern-matches-everything");
    assertCount(1, problems);
    assertEntryProblem(
        problems, "empty.yaml", 14, "sample-error", "symptoms[1].pattern", "matches empty text");
  }

  @Test
  void rejectsATranslationWithADifferentNumberOfSteps() {
    List<Problem> problems = problems("translation-step-count");
    assertCount(1, problems);
    assertEntryProblem(
        problems,
        "translation.yaml",
        22,
        "sample-error",
        "translations.fr.steps",
        "has 2 step(s) but the entry has 1");
  }

  @Test
  void rejectsAMalformedCheckId() {
    List<Problem> problems = problems("bad-check");
    assertCount(1, problems);
    assertEntryProblem(problems, "check.yaml", 18, "sample-error", "check", "not a check id");
  }

  @Test
  void rejectsAMalformedEntryId() {
    List<Problem> problems = problems("bad-id");
    assertCount(1, problems);
    assertEntryProblem(problems, "id.yaml", 6, "Sample_Error", "id", "is not an id");
  }

  @Test
  void rejectsAnUnknownLifecycleSeverity() {
    List<Problem> problems = problems("bad-severity");
    assertCount(1, problems);
    assertEntryProblem(
        problems,
        "severity.yaml",
        19,
        "sample-error",
        "lifecycle[0].severity",
        "use info or warning");
  }

  @Test
  void rejectsAValueOfTheWrongKind() {
    List<Problem> problems = problems("wrong-type");
    assertCount(1, problems);
    assertEntryProblem(problems, "types.yaml", 15, "sample-error", "steps", "must be a list");
  }

  @Test
  void rejectsAFileWithoutArticle() {
    List<Problem> problems = problems("missing-article");
    assertCount(1, problems);
    assertProblem(
        problems, "no-article.yaml", 1, Optional.empty(), Optional.of("article"), "is required");
  }

  @Test
  void reportsBrokenYamlSyntaxWithItsLine() {
    List<Problem> problems = problems("yaml-syntax");
    assertCount(1, problems);
    Problem problem =
        assertProblem(
            problems, "syntax.yaml", 17, Optional.empty(), Optional.empty(), "YAML syntax");
    // The unclosed quote opens inside the entry that starts on line 6.
    assertTrue(problem.message().contains("starts on line 6"), problem::toString);
  }

  @Test
  void rejectsASourceThatDisagreesWithItsUrlOrArticle() {
    List<Problem> problems = problems("source-mismatch");
    assertCount(2, problems);
    assertEntryProblem(
        problems, "source.yaml", 12, "sample-error", "source.anchor", "differs from the url");
    assertEntryProblem(
        problems, "source.yaml", 13, "sample-error", "source.seeds[1]", "not one of the article");
  }

  @Test
  void rejectsYamlAliasesInsteadOfReadingTheAnchorName() {
    List<Problem> problems = problems("yaml-alias");
    assertCount(1, problems);
    assertEntryProblem(
        problems, "alias.yaml", 14, "sample-error", "cause", "aliases are not supported");
  }

  @Test
  void reportsTabIndentationOnItsOwnLine() {
    List<Problem> problems = problems("tab-indentation");
    assertCount(1, problems);
    assertProblem(problems, "tabs.yaml", 2, Optional.empty(), Optional.empty(), "TAB");
  }

  @Test
  void refusesAFileLargerThanTheLimitUnread(@TempDir Path dir) throws IOException {
    Files.write(dir.resolve("huge.yaml"), new byte[KnowledgeFileReader.MAX_FILE_BYTES + 1]);
    List<Problem> problems = loader.validate(dir);
    assertCount(1, problems);
    assertProblem(problems, "huge.yaml", 0, Optional.empty(), Optional.empty(), "is larger than");
  }

  @Test
  void rejectsAMegabyteOfPlainText(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("text.yaml"), "lorem ipsum ".repeat(90_000));
    List<Problem> problems = loader.validate(dir);
    assertCount(1, problems);
    assertProblem(
        problems, "text.yaml", 1, Optional.empty(), Optional.empty(), "must be a mapping");
  }

  @Test
  void rejectsDeepNestingWithoutCrashing(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("deep.yaml"), "article: " + "[".repeat(5000) + "]".repeat(5000));
    List<Problem> problems = loader.validate(dir);
    assertCount(1, problems);
    assertTrue(problems.get(0).toString().contains("deep.yaml"), problems::toString);
  }

  @Test
  void rejectsAnEmptyFile() {
    List<Problem> problems = problems("empty-file");
    assertCount(1, problems);
    assertProblem(problems, "empty.yaml", 0, Optional.empty(), Optional.empty(), "is empty");
  }

  @Test
  void rejectsAFileOfCommentsOnlyAndReadsYmlFiles() {
    List<Problem> problems = problems("comments-only");
    assertCount(1, problems);
    assertProblem(problems, "comments.yml", 0, Optional.empty(), Optional.empty(), "is empty");
  }

  @Test
  void rejectsAFileThatIsNotAMapping() {
    List<Problem> problems = problems("not-a-mapping");
    assertCount(1, problems);
    assertProblem(
        problems, "list.yaml", 1, Optional.empty(), Optional.empty(), "must be a mapping");
  }

  @Test
  void rejectsASecondYamlDocument() {
    List<Problem> problems = problems("two-documents");
    assertCount(1, problems);
    assertProblem(
        problems, "docs.yaml", 19, Optional.empty(), Optional.empty(), "second YAML document");
  }

  @Test
  void rejectsBinaryJunk() {
    List<Problem> problems = problems("binary-junk");
    assertCount(1, problems);
    assertProblem(problems, "junk.yaml", 0, Optional.empty(), Optional.empty(), "not UTF-8 text");
  }

  @Test
  void rejectsControlCharactersWithTheirLine() {
    List<Problem> problems = problems("control-characters");
    assertCount(1, problems);
    assertProblem(problems, "ctrl.yaml", 14, Optional.empty(), Optional.empty(), "U+0000");
  }

  @Test
  void rejectsADirectoryWithoutKnowledgeFiles() {
    List<Problem> problems = problems("no-files");
    assertCount(1, problems);
    assertTrue(
        problems.get(0).toString().contains("no-files: holds no *.yaml"), problems::toString);
  }

  @Test
  void reportsAMissingDirectoryAsAProblem() {
    List<Problem> problems = loader.validate(dir("broken").resolve("does-not-exist"));
    assertCount(1, problems);
    assertTrue(problems.get(0).message().contains("does not exist"), problems::toString);
  }

  @Test
  void reportsEveryProblemOfADirectoryTogether() {
    List<Problem> problems = problems("several");
    assertCount(7, problems);
    assertEntryProblem(problems, "first.yaml", 6, "sample-error", "title", "is required");
    assertEntryProblem(problems, "first.yaml", 12, "sample-error", "symptoms[0].lang", "'xx1'");
    assertEntryProblem(problems, "first.yaml", 17, "sample-error", "colour", "unknown field");
    assertEntryProblem(
        problems, "first.yaml", 25, "other-error", "symptoms[0].pattern", "does not compile");
    assertEntryProblem(
        problems, "first.yaml", 28, "other-error", "steps[0].text", "must not be empty");
    assertEntryProblem(problems, "second.yaml", 14, "other-error", "cause", "must be text");
    assertProblem(problems, "third.yaml", 2, Optional.empty(), Optional.empty(), "YAML syntax");
    // Files in name order, each top to bottom.
    assertEquals(List.of(6, 12, 17, 25, 28, 14, 2), problems.stream().map(Problem::line).toList());
  }
}
