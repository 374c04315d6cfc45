package dev.pastefix.core.eval;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pastefix.core.state.BotState;
import dev.pastefix.core.testing.TestingPipelines;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The project's own held-out messages ({@code eval/held-out.jsonl}: pastes, questions in the
 * admin's words, French and Korean, several errors at once, chatter, look-alike errors of other
 * services, data without an error), written for this test and never used for tuning, scored with
 * the same figures as {@code pastefix eval}.
 */
class HeldOutEvaluationTest {
  static final int MIN_MESSAGES = 150;
  static final double MIN_DIRECT_EXACT = 0.95;
  static final double MAX_PASSIVE_FALSE_REPLY = 0.01;
  static final double MAX_PASSIVE_WRONG_REPLY = 0.01;

  @Test
  void meetsTheTargetsOnTheHeldOutMessages() throws Exception {
    List<LabelledMessage> messages = LabelledMessage.readJsonl(file());
    assertTrue(messages.size() >= MIN_MESSAGES, "only " + messages.size() + " messages");
    EvalReport report =
        new Evaluator(TestingPipelines.shipped(BotState.inMemory(Clock.systemUTC()))).run(messages);
    List<String> misses = new ArrayList<>();
    if (report.direct().exact() < MIN_DIRECT_EXACT) {
      misses.add("direct.exact " + report.direct().exact() + " < " + MIN_DIRECT_EXACT);
    }
    if (report.passive().falseReply() > MAX_PASSIVE_FALSE_REPLY) {
      misses.add(
          "passive.false_reply " + report.passive().falseReply() + " > " + MAX_PASSIVE_FALSE_REPLY);
    }
    if (report.passive().wrongReply() > MAX_PASSIVE_WRONG_REPLY) {
      misses.add(
          "passive.wrong_reply " + report.passive().wrongReply() + " > " + MAX_PASSIVE_WRONG_REPLY);
    }
    assertTrue(misses.isEmpty(), String.join("\n", misses) + "\n\n" + report.toTable());
  }

  private static Path file() throws URISyntaxException {
    return Path.of(HeldOutEvaluationTest.class.getResource("/eval/held-out.jsonl").toURI());
  }
}
