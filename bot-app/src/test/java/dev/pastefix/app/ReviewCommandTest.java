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
    assertTrue(t.out().contains("session-timeout 0.20, 0.05 short of 0.25"), t.out());
  }

  @Test
  void writesThePageWithoutTheTextReportUnlessAsked() throws Exception {
    Path page = dir.resolve("review.html");
    TestingTerminal quiet = new TestingTerminal();
    TestingTerminal both = new TestingTerminal();

    assertEquals(
        ExitCodes.OK,
        TestingCommandLine.run(command, List.of("--html", page.toString()), quiet.terminal));
    assertEquals(
        ExitCodes.OK,
        TestingCommandLine.run(
            command, List.of("--html", page.toString(), "--text"), both.terminal));

    assertEquals("", quiet.out(), "the page alone");
    assertTrue(quiet.err().contains("wrote " + page), quiet.err());
    assertTrue(both.out().contains("Unknown groups"), both.out());
    assertTrue(Files.size(page) > 1000);
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
    // One bar group per day of the 30 days, days without messages included.
    NodeList days =
        (NodeList)
            xpath.evaluate("//*[local-name()='g'][@class='day']", doc, XPathConstants.NODESET);
    assertEquals(31, days.getLength());
    assertEquals(
        "2026-11-02", days.item(0).getAttributes().getNamedItem("data-day").getNodeValue());
    assertEquals("0", days.item(0).getAttributes().getNamedItem("data-total").getNodeValue());
    assertEquals(
        "6", xpath.evaluate("//*[local-name()='g'][@data-day='2026-11-29']/@data-total", doc));
    assertEquals(
        "2026-12-02", days.item(30).getAttributes().getNamedItem("data-day").getNodeValue());
    // The legend sits beside the chart, in the same row.
    assertEquals(
        "chart", xpath.evaluate("//*[local-name()='ul'][@id='legend']/parent::*/@class", doc));
    assertEquals(
        "1",
        xpath.evaluate(
            "count(//*[local-name()='ul'][@id='legend']/preceding-sibling::*[local-name()='svg'])",
            doc));
    assertEquals(
        "6", xpath.evaluate("//*[local-name()='rect'][@data-outcome='unknown']/@data-count", doc));
    assertEquals(
        "max-shells-user",
        xpath.evaluate("//*[local-name()='table'][@id='entries']//*[local-name()='code']", doc));
    assertTrue(
        xpath
            .evaluate("//*[local-name()='table'][@id='entries']", doc)
            .contains("1 of 2 helpful (50 %)"),
        "helpful ratio of max-shells-user");
    // Titles from the shipped knowledge beside the ids.
    assertTrue(
        xpath
            .evaluate("//*[local-name()='table'][@id='entries']//*[@class='title']", doc)
            .toLowerCase(java.util.Locale.ROOT)
            .contains("shells"),
        html);
    assertEquals(
        "6",
        xpath.evaluate(
            "//*[local-name()='table'][@id='unknown-groups']//*[local-name()='tr'][2]/*[local-name()='td'][1]",
            doc));
    // The near miss has its own section, with its score told apart from the threshold.
    assertEquals(
        "session-timeout",
        xpath.evaluate(
            "//*[local-name()='table'][@id='near-misses']//*[local-name()='code']", doc));
    assertTrue(
        xpath
            .evaluate("//*[local-name()='table'][@id='near-misses']", doc)
            .contains("0.20, 0.05 short of 0.25"),
        html);
  }

  @Test
  void itsCountsAddUp() throws Exception {
    // An unknown with no text to group by: counted as unknown, in no group, and said so.
    log.append(
        new AnswerRecord(
            NOW.minus(Duration.ofHours(1)),
            "slack",
            Channel.COMMAND,
            ConversationKey.of("slack", "T1", "C1"),
            "U9",
            OutcomeKind.UNKNOWN,
            List.of(),
            0.1,
            "en",
            Duration.ofMillis(2),
            "/pastefix kb nothing-like-this",
            List.of(),
            Optional.empty()));
    Path page = dir.resolve("review.html");
    TestingTerminal t = new TestingTerminal();

    assertEquals(
        ExitCodes.OK,
        TestingCommandLine.run(command, List.of("--html", page.toString()), t.terminal));

    String html = Files.readString(page);
    // 7 unknowns: 6 in the group of the policy error, 1 without text; the silent question is a
    // near miss in a second group of 1.
    assertTrue(html.contains(", 7 did not know,"), "the summary counts every unknown: " + html);
    assertTrue(
        html.contains("7 messages in 2 groups: 6 did not know, 1 stayed silent in a channel."),
        html);
    assertTrue(html.contains("1 more did not know but held no text to group by"), html);
  }

  @Test
  void aRatioOfNoHelpfulVotesIsSaidInWords() throws Exception {
    votes.record(
        new Vote("k2", List.of("max-shells-user"), "U4", false, NOW.minus(Duration.ofHours(2))));
    Path page = dir.resolve("review.html");
    TestingTerminal t = new TestingTerminal();
    log.append(
        record(
            NOW.minus(Duration.ofHours(3)),
            "U5",
            OutcomeKind.ANSWER,
            "clock paste",
            List.of("clock-skew"),
            Optional.of("k3")));
    votes.record(
        new Vote("k3", List.of("clock-skew"), "U5", false, NOW.minus(Duration.ofHours(2))));

    assertEquals(
        ExitCodes.OK,
        TestingCommandLine.run(command, List.of("--html", page.toString()), t.terminal));

    String html = Files.readString(page);
    assertTrue(html.contains("the one vote: not helpful"), html);
    assertTrue(html.contains("1 of 3 helpful (33 %)"), html);
    assertTrue(
        !html.matches("(?s).*class=\"votes\">[^<]*\\b0 ?%.*"), "no bare 0% beside a red bar");
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
