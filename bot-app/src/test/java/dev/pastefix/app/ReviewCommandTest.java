package dev.pastefix.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pastefix.core.Channel;
import dev.pastefix.core.feedback.InMemoryFeedbackStore;
import dev.pastefix.core.feedback.Vote;
import dev.pastefix.core.review.TestingAnswerLog;
import dev.pastefix.core.review.Variants;
import dev.pastefix.core.state.AnswerRecord;
import dev.pastefix.core.state.AnswerRecord.ScoredEntry;
import dev.pastefix.core.state.ConversationKey;
import dev.pastefix.core.state.OutcomeKind;
import dev.pastefix.knowledge.KnowledgeLoader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

class ReviewCommandTest {
  private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");
  private final TestingAnswerLog log = new TestingAnswerLog();
  private final InMemoryFeedbackStore votes = new InMemoryFeedbackStore();
  private final ReviewCommand command =
      new ReviewCommand(
          env -> new ReviewSources.Opened(log, votes, () -> {}),
          new KnowledgeLoader(),
          Clock.fixed(NOW, ZoneOffset.UTC));

  @TempDir Path dir;

  @BeforeEach
  void fill() {
    List<String> pastes = Variants.policyError(6);
    for (int i = 0; i < pastes.size(); i++) {
      log.append(
          record(
              NOW.minus(Duration.ofDays(3)).plus(Duration.ofHours(i)),
              "U" + (i % 4),
              OutcomeKind.UNKNOWN,
              pastes.get(i),
              List.of(),
              Optional.empty(),
              new ScoredEntry("tenant-permission", 0.12)));
    }
    log.append(
        record(
            NOW.minus(Duration.ofDays(2)),
            "U1",
            OutcomeKind.ANSWER,
            "max shells paste",
            List.of("max-shells-user"),
            Optional.of("k1")));
    log.append(
        record(
            NOW.minus(Duration.ofDays(1)),
            "U2",
            OutcomeKind.ANSWER,
            "another shells paste",
            List.of("max-shells-user"),
            Optional.of("k2")));
    log.append(
        record(
            NOW.minus(Duration.ofDays(1)),
            "U3",
            OutcomeKind.SILENT,
            "my sessions drop after an hour or so",
            List.of(),
            Optional.empty(),
            new ScoredEntry("session-timeout", 0.2)));
    log.append(
        record(
            NOW.minus(Duration.ofDays(40)),
            "U3",
            OutcomeKind.UNKNOWN,
            "too old to count",
            List.of(),
            Optional.empty()));
    votes.record(
        new Vote("k1", List.of("max-shells-user"), "U1", false, NOW.minus(Duration.ofDays(2))));
    votes.record(
        new Vote("k2", List.of("max-shells-user"), "U2", true, NOW.minus(Duration.ofDays(1))));
  }

  @Test
  void printsTheDocumentedJson() throws Exception {
    TestingTerminal t = new TestingTerminal();

    assertEquals(
        ExitCodes.OK, TestingCommandLine.run(command, List.of("--json"), t.terminal), t.err());

    JsonNode root = new ObjectMapper().readTree(t.out());
    JsonStyle.check(root, java.util.Set.of("outcomes"));
    assertEquals(9, root.path("messages").asInt(), "the 40-day-old message is outside 30d");
    JsonNode group = root.path("unknown_groups").get(0);
    assertEquals(
        new TreeSet<>(
            Set.of(
                "signature",
                "kind",
                "count",
                "senders",
                "first_seen",
                "last_seen",
                "closest",
                "samples")),
        names(group));
    assertEquals(6, group.path("count").asInt());
    assertEquals(4, group.path("senders").asInt());
    assertEquals("tenant-permission", group.path("closest").get(0).path("id").asText());
    assertEquals(3, group.path("samples").size());
    JsonNode entry = root.path("entries").get(0);
    assertEquals(
        new TreeSet<>(Set.of("id", "answers", "helpful", "not_helpful", "samples")), names(entry));
    assertEquals("max-shells-user", entry.path("id").asText());
    assertEquals(2, entry.path("answers").asInt());
    assertEquals(1, entry.path("not_helpful").asInt());
    assertEquals("max shells paste", entry.path("samples").get(0).asText());
    assertEquals("session-timeout", root.path("near_misses").get(0).path("id").asText());
    assertEquals(2, root.path("unknown_groups").size(), "the 40-day-old message is outside 30d");
  }

  @Test
  void printsAReadableReport() throws Exception {
    TestingTerminal t = new TestingTerminal();

    assertEquals(
        ExitCodes.OK, TestingCommandLine.run(command, List.of("--since", "7d"), t.terminal));

    assertTrue(t.out().contains("6 messages, 4 people"), t.out());
    assertTrue(
        t.out().contains("Grant-CsTeamsMeetingPolicy : The policy assignment for user '<user>'"),
        t.out());
    assertTrue(t.out().contains("max-shells-user"), t.out());
    assertTrue(t.out().contains("session-timeout 0.20 (needs 0.25)"), t.out());
  }

  @Test
  void writesAWellFormedPageHoldingTheFigures() throws Exception {
    Path page = dir.resolve("review.html");
    TestingTerminal t = new TestingTerminal();

    assertEquals(
        ExitCodes.OK,
        TestingCommandLine.run(command, List.of("--html", page.toString()), t.terminal),
        t.err());

    String html = Files.readString(page);
    assertTrue(
        html.startsWith("<?xml") || html.startsWith("<!DOCTYPE html>"), html.substring(0, 40));
    assertTrue(
        !html.contains("http://") || !html.matches("(?s).*(src|href)=\"https?://.*"),
        "loads nothing");
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    Document doc =
        factory
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    var xpath = XPathFactory.newInstance().newXPath();
    // One bar group per day: the 3 days before NOW with messages.
    NodeList days =
        (NodeList)
            xpath.evaluate("//*[local-name()='g'][@class='day']", doc, XPathConstants.NODESET);
    assertEquals(3, days.getLength());
    assertEquals(
        "2026-11-29", days.item(0).getAttributes().getNamedItem("data-day").getNodeValue());
    assertEquals("6", days.item(0).getAttributes().getNamedItem("data-total").getNodeValue());
    assertEquals(
        "6", xpath.evaluate("//*[local-name()='rect'][@data-outcome='unknown']/@data-count", doc));
    assertEquals(
        "max-shells-user",
        xpath.evaluate("//*[local-name()='table'][@id='entries']//*[local-name()='code']", doc));
    assertTrue(
        xpath.evaluate("//*[local-name()='table'][@id='entries']", doc).contains("50%"),
        "helpful ratio of max-shells-user");
    assertEquals(
        "6",
        xpath.evaluate(
            "//*[local-name()='table'][@id='unknown-groups']//*[local-name()='tr'][2]/*[local-name()='td'][1]",
            doc));
  }

  @Test
  void refusesAMalformedPeriod() throws Exception {
    TestingTerminal t = new TestingTerminal();

    assertEquals(
        ExitCodes.USAGE,
        TestingCommandLine.run(command, List.of("--since", "last week"), t.terminal));
    assertTrue(t.err().contains("30m, 12h, 7d or 2w"), t.err());
  }

  @Test
  void saysWhenThereIsNoAnswerLog() throws Exception {
    TestingTerminal t = new TestingTerminal();
    ReviewCommand without =
        new ReviewCommand(
            env -> {
              throw new ReviewSources.Unavailable("no data directory");
            },
            new KnowledgeLoader(),
            Clock.systemUTC());

    assertEquals(ExitCodes.CONFIG, TestingCommandLine.run(without, List.of(), t.terminal));
    assertTrue(t.err().contains("no data directory"), t.err());
  }

  private static Set<String> names(JsonNode node) {
    Set<String> names = new TreeSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static AnswerRecord record(
      Instant at,
      String sender,
      OutcomeKind outcome,
      String text,
      List<String> ids,
      Optional<String> key,
      ScoredEntry... candidates) {
    return new AnswerRecord(
        at,
        "slack",
        outcome == OutcomeKind.SILENT ? Channel.CHANNEL : Channel.DIRECT,
        ConversationKey.of("slack", "T1", "C1"),
        sender,
        outcome,
        ids,
        0.5,
        "en",
        Duration.ofMillis(2),
        text,
        List.of(candidates),
        key);
  }
}
