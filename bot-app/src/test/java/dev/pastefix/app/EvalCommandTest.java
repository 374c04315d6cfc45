package dev.pastefix.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvalCommandTest {
  /** Two article error texts and two lines of ordinary chat. */
  static final Path ARTICLES = Path.of("src", "test", "resources", "eval", "articles.jsonl");

  private final EvalCommand command = new EvalCommand(new Startup());

  @Test
  void scoresTheArticleFixtureAsOneJsonObject() throws Exception {
    InMemoryTerminal terminal = new InMemoryTerminal();

    int code =
        TestingCommandLine.run(
            command, List.of(ARTICLES.toString(), "--json"), terminal.terminal());

    assertEquals(ExitCodes.OK, code, terminal.err());
    JsonNode report = new ObjectMapper().readTree(terminal.out());
    JsonStyle.check(report, java.util.Set.of("by_kind", "by_lang"));
    assertEquals(4, report.get("n").asInt());
    assertEquals(2, report.get("labelled").asInt());
    assertEquals(2, report.get("none").asInt());
    JsonNode direct = report.get("direct");
    assertEquals(1.0, direct.get("exact").asDouble(), 1e-9);
    assertEquals(1.0, direct.get("top1_hit").asDouble(), 1e-9);
    assertEquals(1.0, direct.get("none_abstain").asDouble(), 1e-9);
    JsonNode passive = report.get("passive");
    assertEquals(1.0, passive.get("exact").asDouble(), 1e-9);
    assertEquals(0.0, passive.get("false_reply").asDouble(), 1e-9);
    assertEquals(0.0, passive.get("wrong_reply").asDouble(), 1e-9);
    for (String kind : List.of("paste", "negative")) {
      JsonNode slice = report.get("by_kind").get(kind);
      assertTrue(slice.has("direct") && slice.has("passive"), kind + ": " + slice);
    }
    assertEquals(
        1.0, report.get("by_kind").get("paste").get("direct").get("exact").asDouble(), 1e-9);
    assertTrue(report.get("by_lang").has("en"));
    assertTrue(report.get("latency_us").get("p50").isNumber());
    assertTrue(report.get("latency_us").get("p99").isNumber());
    assertTrue(report.get("errors").isArray());
    assertEquals(0, report.get("errors").size());
  }

  @Test
  void printsAReadableTableWithoutJson() throws Exception {
    InMemoryTerminal terminal = new InMemoryTerminal();

    int code = TestingCommandLine.run(command, List.of(ARTICLES.toString()), terminal.terminal());

    assertEquals(ExitCodes.OK, code);
    String table = terminal.out();
    assertTrue(table.startsWith("4 lines: 2 labelled, 2 none"), table);
    assertTrue(table.contains("d.exact") && table.contains("p.false"), table);
    assertTrue(
        java.util.regex.Pattern.compile("(?m)^all\\s+4\\s+1\\.000\\s+1\\.000\\s+1\\.000")
            .matcher(table)
            .find(),
        table);
    assertTrue(table.contains("kind:paste") && table.contains("lang:en"), table);
  }

  @Test
  void reportsMissingMalformedOrAbsentFilesAsUsageErrors() throws Exception {
    Path broken = Path.of("src", "test", "resources", "eval", "broken.jsonl");
    List<List<String>> calls =
        List.of(List.of("missing.jsonl"), List.of(broken.toString()), List.of(), List.of("--json"));
    for (List<String> args : calls) {
      InMemoryTerminal terminal = new InMemoryTerminal();

      int code = TestingCommandLine.run(command, args, terminal.terminal());

      assertEquals(ExitCodes.USAGE, code, "for " + args);
      assertTrue(terminal.err().startsWith("pastefix eval: "), terminal.err());
      assertTrue(terminal.out().isEmpty());
    }
  }
}
