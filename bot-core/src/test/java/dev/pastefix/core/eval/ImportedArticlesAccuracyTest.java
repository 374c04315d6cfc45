package dev.pastefix.core.eval;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.pastefix.core.Engine;
import dev.pastefix.core.state.BotState;
import dev.pastefix.core.testing.TestingPipelines;
import dev.pastefix.knowledge.KnowledgeBase;
import dev.pastefix.knowledge.KnowledgeLoader;
import dev.pastefix.knowledge.KnowledgeSources;
import dev.pastefix.knowledge.importer.ArticleImporter;
import dev.pastefix.knowledge.importer.ImportTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression floors for answering from imported article text alone: the shared import development
 * set and the seeds, each imported into an empty directory and used without the shipped knowledge,
 * as {@code kb import} and {@code --no-shipped} do. The floors sit a little below what the engine
 * reaches today (the targets are higher and reported by {@code eval}); a change that costs
 * more than that fails here. Skipped when the shared evaluation folder is not next to the project.
 */
class ImportedArticlesAccuracyTest {
  private static final Path SHARED = Path.of("../../shared");

  private record Floors(double exact, double noneAbstain, double falseReply, double wrongReply) {}

  @Test
  void answersTheImportDevelopmentSetFromItsArticlesAlone(@TempDir Path dir) throws Exception {
    Path articles = SHARED.resolve("eval/import-dev/articles");
    Path messages = SHARED.resolve("eval/import-dev/dev.jsonl");
    assumeTrue(Files.isDirectory(articles) && Files.isRegularFile(messages), "no import-dev set");
    check(articles, messages, dir, false, new Floors(0.84, 0.94, 0.01, 0.04));
  }

  @Test
  void answersTheSeedsLabelledMessagesFromTheImportedSeedsAlone(@TempDir Path dir)
      throws Exception {
    Path seeds = SHARED.resolve("seeds");
    Path messages = SHARED.resolve("eval/dev.jsonl");
    assumeTrue(Files.isDirectory(seeds) && Files.isRegularFile(messages), "no seeds");
    check(seeds, messages, dir, true, new Floors(0.72, 0.95, 0.01, 0.06));
  }

  private static void check(
      Path input, Path messages, Path dir, boolean shippedLabels, Floors floors) throws Exception {
    ArticleImporter.Plan plan =
        new ArticleImporter()
            .plan(List.of(input), new ArticleImporter.Options(Optional.empty()), Set.of());
    assertTrue(plan.problems().isEmpty(), String.join("\n", plan.problems()));
    ImportTarget.Outcome written = new ImportTarget(dir).apply(plan.files(), false, w -> {});
    assertTrue(written.ok(), String.join("\n", written.problems()));
    KnowledgeBase kb = new KnowledgeLoader().load(KnowledgeSources.directoryOnly(dir));
    List<LabelledMessage> labelled = LabelledMessage.readJsonl(messages);
    Set<String> labels = new HashSet<>();
    labelled.forEach(m -> labels.addAll(m.gold()));
    Optional<KnowledgeBase> shipped =
        shippedLabels ? Optional.of(new KnowledgeLoader().loadShipped()) : Optional.empty();
    EvalReport report =
        new Evaluator(
                TestingPipelines.over(BotState.inMemory(Clock.systemUTC()))
                    .engine(Engine.create(kb))
                    .build(),
                LabelVocabulary.of(kb, shipped, labels))
            .run(labelled);
    List<String> misses = new ArrayList<>();
    atLeast("direct.exact", report.direct().exact(), floors.exact(), misses);
    atLeast("direct.none_abstain", report.direct().noneAbstain(), floors.noneAbstain(), misses);
    atMost("passive.false_reply", report.passive().falseReply(), floors.falseReply(), misses);
    atMost("passive.wrong_reply", report.passive().wrongReply(), floors.wrongReply(), misses);
    assertTrue(misses.isEmpty(), String.join("\n", misses) + "\n\n" + report.toTable());
  }

  private static void atLeast(String name, Double value, double floor, List<String> misses) {
    if (value == null || value < floor) {
      misses.add(name + " = " + value + " < " + floor);
    }
  }

  private static void atMost(String name, Double value, double ceiling, List<String> misses) {
    if (value == null || value > ceiling) {
      misses.add(name + " = " + value + " > " + ceiling);
    }
  }
}
