package dev.pastefix.core;

import dev.pastefix.core.classify.Analysis;
import dev.pastefix.core.classify.Candidate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns an analysis into a decision according to how the message arrived. Addressed messages
 * always get something useful: an answer, a clarifying question, or the closest entries.
 * Unaddressed channel messages get an answer only when the bot is sure (an error signature, or a
 * very confident categorizer on a message about Skype for Business); otherwise silence.
 */
final class DecisionPolicy {
  private static final Set<String> CHATTER = Set.of("THANKS", "ANNOUNCE");

  Decision decide(Channel channel, Analysis analysis) {
    boolean addressed = channel.addressed();
    if (analysis.text().isBlank()) {
      return addressed
          ? new Decision.BadInput(
              analysis.text().binary()
                  ? "That looks like binary data, not text."
                  : "The message was empty.")
          : new Decision.Silent("empty message");
    }
    if (analysis.otherService().isPresent()) {
      String service = analysis.otherService().get();
      return addressed
          ? new Decision.OtherService(service)
          : new Decision.Silent("looks like " + service);
    }
    if (!analysis.signatures().isEmpty()) {
      return fromSignatures(analysis);
    }
    if (analysis.text().binary()) {
      return addressed
          ? new Decision.BadInput("That looks like binary data, not text; no error text found in it.")
          : new Decision.Silent("binary data");
    }
    return fromModel(addressed, analysis);
  }

  private Decision fromSignatures(Analysis analysis) {
    List<Candidate> sigs = analysis.signatures();
    List<Candidate> findings = new ArrayList<>();
    for (Candidate c : sigs) {
      if (findings.size() < Thresholds.MAX_FINDINGS) {
        findings.add(c);
      }
    }
    for (Candidate c : findings) {
      if (!c.sharedWith().isEmpty()) {
        if (findings.size() == 1) {
          List<String> ids = new ArrayList<>();
          ids.add(c.entryId());
          ids.addAll(c.sharedWith());
          return new Decision.Clarify(ids, c.evidence());
        }
      }
    }
    return new Decision.Answer(findings);
  }

  private Decision fromModel(boolean addressed, Analysis analysis) {
    if (analysis.bestModel().isEmpty()) {
      return addressed
          ? new Decision.Unknown(List.of(), "I found nothing I know in this message.")
          : new Decision.Silent("nothing recognised");
    }
    Candidate best = analysis.bestModel().get();
    double none = analysis.noneProbability();
    if (addressed) {
      if (best.score() >= Thresholds.DIRECT_MIN_CONFIDENCE
          && best.score() > none * Thresholds.DIRECT_NONE_MARGIN) {
        return new Decision.Answer(List.of(best));
      }
      return new Decision.Unknown(closest(analysis), "This doesn't match any problem I know well enough.");
    }
    boolean domain = analysis.namesOurService() || analysis.concepts().contains("DOMAIN");
    boolean chatter = analysis.concepts().stream().anyMatch(CHATTER::contains);
    if (best.score() >= Thresholds.CHANNEL_MIN_CONFIDENCE && domain && !chatter) {
      return new Decision.Answer(List.of(best));
    }
    return new Decision.Silent(
        String.format(
            "not sure: best %s at %.2f, none at %.2f%s",
            best.entryId(), best.score(), none, domain ? "" : ", no Skype for Business words"));
  }

  private static List<String> closest(Analysis analysis) {
    List<String> ids = new ArrayList<>();
    for (Candidate c : analysis.model()) {
      if (ids.size() < Thresholds.CLOSEST_ENTRIES) {
        ids.add(c.entryId());
      }
    }
    return ids;
  }
}
