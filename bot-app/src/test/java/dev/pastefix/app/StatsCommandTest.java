package dev.pastefix.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pastefix.core.Channel;
import dev.pastefix.core.feedback.Vote;
import dev.pastefix.core.state.AnswerRecord;
import dev.pastefix.core.state.BotState;
import dev.pastefix.core.state.ConversationKey;
import dev.pastefix.core.state.OutcomeKind;
import dev.pastefix.storage.DatabaseTarget;
import dev.pastefix.storage.StateDatabase;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatsCommandTest {
  private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  @TempDir Path dataDir;

  private static AnswerRecord row(
      Instant at, String platform, OutcomeKind outcome, List<String> ids, long micros) {
    return new AnswerRecord(
        at,
        platform,
        Channel.MENTION,
        ConversationKey.of(platform, "T1", "C1"),
        "U1",
        outcome,
        ids,
        ids.isEmpty() ? 0 : 0.9,
        "en",
        Duration.ofNanos(micros * 1000),
        "text",
        List.of(),
        Optional.empty());
  }

  @Test
  void countsMessagesAnswersVotesAndLatencyOfThePeriod() throws Exception {
    try (StateDatabase db =
        StateDatabase.open(DatabaseTarget.embedded(dataDir), CLOCK, BotState.DEFAULT_RETENTION)) {
      BotState state = db.state();
      state
          .answerLog()
          .append(
              row(
                  NOW.minus(Duration.ofDays(10)),
                  "slack",
                  OutcomeKind.ANSWER,
                  List.of("old-entry"),
                  100));
      state
          .answerLog()
          .append(
              row(
                  NOW.minusSeconds(60),
                  "slack",
                  OutcomeKind.ANSWER,
                  List.of("execution-policy"),
                  1000));
      state
          .answerLog()
          .append(
              row(
                  NOW.minusSeconds(50),
                  "slack",
                  OutcomeKind.ANSWER,
                  List.of("execution-policy"),
                  2000));
      state
          .answerLog()
          .append(row(NOW.minusSeconds(40), "discord", OutcomeKind.UNKNOWN, List.of(), 3000));
      state
          .answerLog()
          .append(row(NOW.minusSeconds(30), "slack", OutcomeKind.SILENT, List.of(), 400_000));
      state
          .feedback()
          .record(new Vote("a1", List.of("execution-policy"), "U1", true, NOW.minusSeconds(20)));
      state
          .feedback()
          .record(new Vote("a1", List.of("execution-policy"), "U2", false, NOW.minusSeconds(10)));
    }
    InMemoryTerminal terminal =
        new InMemoryTerminal(new byte[0], Map.of("PASTEFIX_DATA_DIR", dataDir.toString()));
    assertEquals(
        ExitCodes.OK,
        TestingCommandLine.run(
            new StatsCommand(CLOCK), List.of("--since", "7d", "--json"), terminal.terminal()),
        terminal.err());

    JsonNode stats = new ObjectMapper().readTree(terminal.out());
    JsonStyle.check(stats, java.util.Set.of("by_platform", "entries"));
    assertEquals(4, stats.path("messages").asInt());
    assertEquals(2, stats.path("by_platform").path("slack").path("answer").asInt());
    assertEquals(1, stats.path("by_platform").path("slack").path("silent").asInt());
    assertEquals(1, stats.path("by_platform").path("discord").path("unknown").asInt());
    assertEquals(1, stats.path("unknowns").asInt());
    JsonNode entry = stats.path("entries").path("execution-policy");
    assertEquals(2, entry.path("answers").asInt());
    assertEquals(1, entry.path("helpful").asInt());
    assertEquals(1, entry.path("not_helpful").asInt());
    assertTrue(stats.path("entries").path("old-entry").isMissingNode(), "outside the period");
    assertEquals(2.0, stats.path("latency_median_ms").asDouble(), 1e-9);
    assertEquals(400.0, stats.path("latency_p99_ms").asDouble(), 1e-9);

    InMemoryTerminal text =
        new InMemoryTerminal(new byte[0], Map.of("PASTEFIX_DATA_DIR", dataDir.toString()));
    assertEquals(
        ExitCodes.OK, TestingCommandLine.run(new StatsCommand(CLOCK), List.of(), text.terminal()));
    assertTrue(text.out().contains("execution-policy"), text.out());
    assertTrue(text.out().contains("slack: answer 2 clarify 0 unknown 0 silent 1"), text.out());
  }

  @Test
  void refusesAPeriodItCannotRead() {
    InMemoryTerminal terminal =
        new InMemoryTerminal(new byte[0], Map.of("PASTEFIX_DATA_DIR", dataDir.toString()));
    assertEquals(
        ExitCodes.USAGE,
        TestingCommandLine.run(
            new StatsCommand(CLOCK), List.of("--since", "last week"), terminal.terminal()));
    assertTrue(terminal.err().contains("such as 30m, 12h, 7d or 2w"), terminal.err());
  }

  @Test
  void takesEveryPeriodReviewTakes() {
    for (String period : List.of("30m", "12h", "7d", "2w")) {
      InMemoryTerminal terminal =
          new InMemoryTerminal(new byte[0], Map.of("PASTEFIX_DATA_DIR", dataDir.toString()));

      int code =
          TestingCommandLine.run(
              new StatsCommand(CLOCK), List.of("--since", period), terminal.terminal());

      assertEquals(ExitCodes.OK, code, period + ": " + terminal.err());
      assertTrue(terminal.out().contains("the last " + period), terminal.out());
    }
  }
}
