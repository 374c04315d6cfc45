package dev.pastefix.core.eval;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.pastefix.core.state.BotState;
import dev.pastefix.core.testing.TestingPipelines;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The targets on the public development set, overall and for English, French and Korean
 * alike. The development set is not shipped: without the shared evaluation folder next to the
 * checkout the test is skipped, and says so on standard error and in the skip reason.
 */
class DevSetAccuracyTest {
  private static final Path DEV = Path.of("../../shared/eval/dev.jsonl");

  @Test
  void meetsTheTargetsOnTheDevelopmentSetInEveryLanguage() throws Exception {
    if (!Files.isRegularFile(DEV)) {
      String notice =
          "DevSetAccuracyTest SKIPPED: no development set at "
              + DEV.toAbsolutePath().normalize()
              + " (the shared evaluation folder is not next to this checkout); the accuracy"
              + " targets were NOT checked.";
      System.err.println(notice);
      assumeTrue(false, notice);
    }
    EvalReport report =
        new Evaluator(TestingPipelines.shipped(BotState.inMemory(Clock.systemUTC())))
            .run(LabelledMessage.readJsonl(DEV));
    List<String> misses = new ArrayList<>();
    check(
        "all",
        new EvalReport.Slice(
            report.n(), report.labelled(), report.none(), report.direct(), report.passive()),
        misses);
    for (String lang : List.of("en", "fr", "ko")) {
      check(lang, report.byLang().get(lang), misses);
    }
    assertTrue(misses.isEmpty(), String.join("\n", misses) + "\n\n" + report.toTable());
  }

  private static void check(String name, EvalReport.Slice s, List<String> misses) {
    if (s == null) {
      misses.add(name + ": no lines");
      return;
    }
    Map<String, Double> atLeast =
        Map.of(
            "direct.exact", 0.95,
            "direct.none_abstain", 0.95,
            "passive.exact", 0.80);
    Map<String, Double> atMost = Map.of("passive.false_reply", 0.01, "passive.wrong_reply", 0.02);
    Map<String, Double> values = new java.util.HashMap<>();
    values.put("direct.exact", s.direct().exact());
    values.put("direct.none_abstain", s.direct().noneAbstain());
    values.put("passive.exact", s.passive().exact());
    values.put("passive.false_reply", s.passive().falseReply());
    values.put("passive.wrong_reply", s.passive().wrongReply());
    atLeast.forEach(
        (k, min) -> {
          Double v = values.get(k);
          if (v != null && v < min) {
            misses.add(name + " " + k + " = " + v + " < " + min);
          }
        });
    atMost.forEach(
        (k, max) -> {
          Double v = values.get(k);
          if (v != null && v > max) {
            misses.add(name + " " + k + " = " + v + " > " + max);
          }
        });
  }
}
