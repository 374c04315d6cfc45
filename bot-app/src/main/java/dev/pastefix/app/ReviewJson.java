package dev.pastefix.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pastefix.core.review.ReviewReport;
import dev.pastefix.core.review.ReviewReport.EntryReview;
import dev.pastefix.core.review.ReviewReport.NearMiss;
import dev.pastefix.core.review.ReviewReport.UnknownGroup;
import dev.pastefix.core.state.AnswerRecord.ScoredEntry;
import dev.pastefix.core.state.OutcomeKind;

/** The JSON form of a review, as documented in the README ({@code pastefix review --json}). */
final class ReviewJson {
  private final ObjectMapper json = new ObjectMapper();

  ObjectNode toJson(ReviewReport report) {
    ObjectNode root = json.createObjectNode();
    root.put(JsonOption.SCHEMA_VERSION_KEY, JsonOption.SCHEMA_VERSION);
    root.put("from", report.from().toString());
    root.put("to", report.to().toString());
    root.put("messages", report.messages());
    ObjectNode outcomes = root.putObject("outcomes");
    for (OutcomeKind kind : OutcomeKind.values()) {
      outcomes.put(kind.label(), report.outcomes().getOrDefault(kind, 0));
    }
    ArrayNode days = root.putArray("days");
    for (ReviewReport.Day day : report.days()) {
      ObjectNode d = days.addObject();
      d.put("day", day.day().toString());
      for (OutcomeKind kind : OutcomeKind.values()) {
        d.put(kind.label(), day.count(kind));
      }
    }
    ObjectNode unanswered = root.putObject("unanswered");
    unanswered.put("grouped_unknown", report.unanswered().groupedUnknown());
    unanswered.put("grouped_silent", report.unanswered().groupedSilent());
    unanswered.put("ungrouped_unknown", report.unanswered().ungroupedUnknown());
    ArrayNode groups = root.putArray("unknown_groups");
    for (UnknownGroup g : report.unknownGroups()) {
      ObjectNode node = groups.addObject();
      node.put("signature", g.signature().text());
      node.put("kind", g.signature().errorText() ? "error" : "question");
      node.put("count", g.count());
      node.put("senders", g.senders());
      node.put("first_seen", g.firstSeen().toString());
      node.put("last_seen", g.lastSeen().toString());
      ArrayNode closest = node.putArray("closest");
      for (ScoredEntry c : g.closest()) {
        closest.addObject().put("id", c.entryId()).put("score", round(c.score()));
      }
      ArrayNode samples = node.putArray("samples");
      g.samples().forEach(samples::add);
    }
    ArrayNode entries = root.putArray("entries");
    for (EntryReview e : report.entries()) {
      ObjectNode node = entries.addObject();
      node.put("id", e.id());
      node.put("answers", e.answers());
      node.put("helpful", e.helpful());
      node.put("not_helpful", e.notHelpful());
      ArrayNode samples = node.putArray("samples");
      e.samples().forEach(samples::add);
    }
    ArrayNode misses = root.putArray("near_misses");
    for (NearMiss m : report.nearMisses()) {
      ObjectNode node = misses.addObject();
      node.put("at", m.at().toString());
      node.put("id", m.entryId());
      node.put("score", round(m.score()));
      node.put("threshold", m.threshold());
      node.put("sample", m.sample());
    }
    return root;
  }

  String write(ReviewReport report) throws com.fasterxml.jackson.core.JsonProcessingException {
    return json.writerWithDefaultPrettyPrinter().writeValueAsString(toJson(report));
  }

  private static double round(double score) {
    return Math.round(score * 1000) / 1000.0;
  }
}
