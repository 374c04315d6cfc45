package dev.pastefix.knowledge.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pastefix.knowledge.Entry;
import dev.pastefix.knowledge.KnowledgeBase;
import dev.pastefix.knowledge.KnowledgeLoader;
import dev.pastefix.knowledge.KnowledgeSources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The project's seed articles and the development articles beside the checkout (CI lays {@code
 * shared/} there too): every imported entry validates, with a signature and a step. A missing
 * folder fails the test rather than skipping it.
 */
class SharedArticlesImportTest {
  @TempDir Path tmp;

  @ParameterizedTest
  @ValueSource(strings = {"../../shared/seeds", "../../shared/eval/import-dev/articles"})
  void everyImportedEntryValidatesWithASignatureAndAStep(String folder) throws Exception {
    Path articles = Path.of(folder);
    assertTrue(Files.isDirectory(articles), articles.toAbsolutePath() + " is missing");
    ArticleImporter.Plan plan =
        new ArticleImporter()
            .plan(List.of(articles), new ArticleImporter.Options(Optional.empty()), Set.of());
    assertEquals(List.of(), plan.problems());
    ImportTarget.Outcome outcome = new ImportTarget(tmp).apply(plan.files(), false, w -> {});
    assertTrue(outcome.ok(), outcome.problems()::toString);
    assertEquals(List.of(), new KnowledgeLoader().validate(tmp));
    KnowledgeBase kb = new KnowledgeLoader().load(KnowledgeSources.directoryOnly(tmp));
    assertFalse(kb.entries().isEmpty());
    for (Entry e : kb.entries()) {
      assertFalse(e.symptoms().isEmpty(), e.id());
      assertFalse(e.steps().isEmpty(), e.id());
      assertFalse(e.source().seeds().isEmpty(), e.id());
    }
  }
}
