package dev.pastefix.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pastefix.core.Bot;
import dev.pastefix.core.Channel;
import dev.pastefix.core.Finding;
import dev.pastefix.core.Inbound;
import dev.pastefix.core.Outcome;
import dev.pastefix.core.Turn;
import dev.pastefix.core.reply.Reply;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluatorTest {
  private static final Reply REPLY = new Reply("r", List.of(), List.of());

  /** A bot whose answers are scripted per text and channel. */
  static final class TestingBot implements Bot {
    private final Map<String, List<String>> direct;
    private final Map<String, List<String>> channel;

    TestingBot(Map<String, List<String>> direct, Map<String, List<String>> channel) {
      this.direct = direct;
      this.channel = channel;
    }

    @Override
    public Turn handle(Inbound message) {
      return Turn.of(message, outcome(message));
    }

    @Override
    public boolean hasEntry(String entryId) {
      return direct.values().stream().anyMatch(ids -> ids.contains(entryId));
    }

    private Outcome outcome(Inbound message) {
      Map<String, List<String>> script = message.channel() == Channel.CHANNEL ? channel : direct;
      List<String> ids = script.getOrDefault(message.text(), List.of());
      if (ids.isEmpty()) {
        return message.channel() == Channel.CHANNEL
            ? new Outcome.Silent("quiet")
            : new Outcome.Unknown(List.of("x", "y", "z"), REPLY);
      }
      if (ids.size() == 2 && ids.get(0).startsWith("ask:")) {
        return new Outcome.Clarify(
            List.of(
                new Finding(ids.get(0).substring(4), 0.5, List.of()),
                new Finding(ids.get(1), 0.5, List.of())),
            REPLY);
      }
      List<Finding> findings = new ArrayList<>();
      for (String id : ids) {
        findings.add(new Finding(id, 0.9, List.of()));
      }
      return new Outcome.Answer(findings, REPLY);
    }
  }

  private final List<LabelledMessage> lines =
      List.of(
          new LabelledMessage("1", "t1", "a", "paste", "en"),
          new LabelledMessage("2", "t2", "b", "question", "en"),
          new LabelledMessage("3", "t3", "c|d", "multi", "fr"),
          new LabelledMessage("4", "t4", "none", "negative", "en"),
          new LabelledMessage("5", "t5", "none", "negative", "ko"));

  private final TestingBot bot =
      new TestingBot(
          Map.of(
              "t1",
              List.of("a"),
              "t2",
              List.of("x"),
              "t3",
              List.of("ask:d", "c"),
              "t5",
              List.of("e")),
          Map.of("t1", List.of("a"), "t2", List.of("x"), "t4", List.of("e")));

  @Test
  void computesTheContractScores() {
    EvalReport r = new Evaluator(bot).run(lines);
    assertEquals(5, r.n());
    assertEquals(3, r.labelled());
    assertEquals(2, r.none());
    assertEquals(0.6667, r.direct().exact());
    assertEquals(0.6667, r.direct().top1Hit());
    assertEquals(0.5, r.direct().noneAbstain());
    assertEquals(0.3333, r.passive().exact());
    assertEquals(0.5, r.passive().falseReply());
    assertEquals(0.3333, r.passive().wrongReply());
  }

  @Test
  void breaksScoresDownByKindAndLanguage() {
    EvalReport r = new Evaluator(bot).run(lines);
    EvalReport.Slice fr = r.byLang().get("fr");
    assertEquals(1, fr.n());
    assertEquals(1.0, fr.direct().exact());
    assertNull(fr.direct().noneAbstain());
    assertEquals(0.0, fr.passive().exact());
    EvalReport.Slice negative = r.byKind().get("negative");
    assertEquals(0.5, negative.passive().falseReply());
  }

  @Test
  void listsTheLinesWithWrongFindings() {
    EvalReport r = new Evaluator(bot).run(lines);
    List<String> ids = r.errors().stream().map(EvalReport.ErrorLine::id).toList();
    assertEquals(List.of("2", "3", "4", "5"), ids);
    EvalReport.ErrorLine three = r.errors().get(1);
    assertEquals(List.of("d", "c"), three.direct());
    assertEquals(List.of(), three.passive());
  }

  @Test
  void writesTheContractJsonShape() throws Exception {
    JsonNode json = new ObjectMapper().readTree(new Evaluator(bot).run(lines).toJson());
    List<String> keys = new ArrayList<>();
    json.fieldNames().forEachRemaining(keys::add);
    assertEquals(
        List.of(
            "n",
            "labelled",
            "none",
            "direct",
            "passive",
            "by_kind",
            "by_lang",
            "latency_us",
            "errors"),
        keys);
    assertTrue(json.get("direct").has("top1_hit") && json.get("direct").has("none_abstain"));
    assertTrue(json.get("passive").has("false_reply") && json.get("passive").has("wrong_reply"));
    assertTrue(json.get("by_kind").get("paste").get("direct").has("exact"));
    assertTrue(json.get("latency_us").has("p50") && json.get("latency_us").has("p99"));
    JsonNode error = json.get("errors").get(0);
    assertEquals("2", error.get("id").asText());
    assertEquals("b", error.get("label").asText());
    assertTrue(error.get("direct").isArray() && error.get("passive").isArray());
    assertTrue(json.get("by_lang").get("fr").get("direct").get("none_abstain").isNull());
  }

  @Test
  void printsAReadableTable() {
    String table = new Evaluator(bot).run(lines).toTable();
    assertTrue(table.contains("kind:multi"), table);
    assertTrue(table.contains("lang:ko"), table);
    assertTrue(table.contains("latency"), table);
  }

  @Test
  void readsJsonLinesWithOptionalKindAndLanguage(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("set.jsonl");
    Files.writeString(
        file,
        "{\"id\":\"a1\",\"text\":\"hello\",\"label\":\"none\"}\n\n"
            + "{\"id\":\"a2\",\"text\":\"x\",\"label\":\"p|q\",\"kind\":\"multi\",\"lang\":\"fr\"}\n",
        StandardCharsets.UTF_8);
    List<LabelledMessage> read = LabelledMessage.readJsonl(file);
    assertEquals(2, read.size());
    assertEquals(LabelledMessage.UNSPECIFIED, read.get(0).kind());
    assertEquals(List.of("p", "q"), List.copyOf(read.get(1).gold()));
    assertTrue(read.get(0).gold().isEmpty());
  }

  @Test
  void reportsEveryBadLineWithItsNumber(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("bad.jsonl");
    Files.writeString(
        file,
        "{\"id\":\"a1\",\"text\":\"ok\",\"label\":\"none\"}\n"
            + "not json\n"
            + "{\"id\":\"a3\",\"text\":\"t\"}\n"
            + "[1,2]\n"
            + "{\"id\":\"a1\",\"text\":\"dup\",\"label\":\"x\"}\n",
        StandardCharsets.UTF_8);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> LabelledMessage.readJsonl(file));
    String m = e.getMessage();
    assertTrue(m.contains("4 bad line(s)"), m);
    assertTrue(m.contains("line 2: invalid JSON"), m);
    assertTrue(m.contains("line 3: missing or non-text field(s) label"), m);
    assertTrue(m.contains("line 4: not a JSON object"), m);
    assertTrue(m.contains("line 5: duplicate id 'a1'"), m);
  }

  @Test
  void computesLatencyPercentiles() {
    long[] micros = new long[100];
    for (int i = 0; i < 100; i++) {
      micros[i] = i + 1;
    }
    EvalReport.Latency l = Evaluator.latency(micros);
    assertEquals(50, l.p50());
    assertEquals(99, l.p99());
  }
}
