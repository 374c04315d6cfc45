package dev.pastefix.core;

import dev.pastefix.core.classify.Analysis;
import dev.pastefix.core.classify.Candidate;
import dev.pastefix.core.text.TextNormaliser;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns an analysis into a decision according to how the message arrived. Addressed messages always
 * get something useful: an answer, a clarifying question, or the closest entries. Unaddressed
 * channel messages get an answer only when the bot is sure (an error signature, or a very confident
 * categorizer on a message about Skype for Business); otherwise silence.
 */
final class DecisionPolicy {
  private static final Set<String> CHATTER = Set.of("THANKS", "ANNOUNCE", "STATUSOK");

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
      List<Candidate> sigs = analysis.signatures();
      if (!addressed) {
        // In a channel nobody asked: a short error text that many products print ("Error 1935")
        // counts only when the message also names what the entry's article is about. Asked
        // directly, the bot answers it, since the person chose to ask.
        sigs = sigs.stream().filter(c -> !offSubject(analysis, c)).toList();
        if (sigs.isEmpty()) {
          return new Decision.Silent(
              "a short error text of " + analysis.signatures().get(0).entryId() + " off subject");
        }
      } else {
        // Asked directly, the same short error text beside the name of a product its article never
        // mentions ("Error 1935" while installing Visual C++) is that product's error.
        sigs =
            sigs.stream().filter(c -> !analysis.namesElsewhere().containsKey(c.entryId())).toList();
        if (sigs.isEmpty()) {
          Candidate first = analysis.signatures().get(0);
          return new Decision.Unknown(
              closest(analysis),
              "Many products print this error text, and the article I know it from never"
                  + " mentions "
                  + analysis.namesElsewhere().get(first.entryId())
                  + ", so it is probably that product's error.");
        }
      }
      if (aboutOurService(analysis)) {
        return fromSignatures(analysis, sigs);
      }
      // Without a word about Skype for Business, a phrase in plain words ("clock is out of
      // sync") counts only when addressed and the categorizer agrees; error texts always count.
      List<Candidate> kept =
          sigs.stream()
              .filter(
                  c ->
                      c.source() == Candidate.Source.SIGNATURE
                          || (addressed && modelAgrees(analysis, c.entryId())))
              .toList();
      if (!kept.isEmpty()) {
        return fromSignatures(analysis, kept);
      }
    }
    if (analysis.text().binary()) {
      return addressed
          ? new Decision.BadInput(
              "That looks like binary data, not text; no error text found in it.")
          : new Decision.Silent("binary data");
    }
    if (analysis.text().data()) {
      // User lists, address lists, tables and logs without an error line name no cause, however
      // many "SIP" or "sign-in" columns they show.
      return addressed
          ? new Decision.Unknown(
              List.of(),
              "That looks like data (a list, a table or a log) without an error in it, so it"
                  + " points to no cause. Paste the error text itself.")
          : new Decision.Silent("data without an error");
    }
    return fromModel(addressed, analysis);
  }

  private static boolean offSubject(Analysis analysis, Candidate c) {
    return c.source() == Candidate.Source.SIGNATURE && analysis.offSubject().contains(c.entryId());
  }

  private static boolean modelAgrees(Analysis analysis, String entryId) {
    return analysis.model().stream()
        .anyMatch(
            c -> c.entryId().equals(entryId) && c.score() >= Thresholds.DIRECT_MIN_CONFIDENCE);
  }

  /** Whether the message names Skype for Business (Online) or one of its hosts or cmdlets. */
  static boolean aboutOurService(Analysis analysis) {
    return analysis.namesOurService() || analysis.concepts().contains("DOMAIN");
  }

  private Decision fromSignatures(Analysis analysis, List<Candidate> sigs) {
    List<Candidate> findings = new ArrayList<>();
    for (Candidate c : sigs) {
      if (findings.size() < Thresholds.MAX_FINDINGS) {
        findings.add(c);
      }
    }
    java.util.Optional<Candidate> second = secondFinding(analysis, findings);
    Candidate only = findings.get(0);
    if (findings.size() == 1 && !only.sharedWith().isEmpty() && second.isEmpty()) {
      List<String> ids = new ArrayList<>();
      ids.add(only.entryId());
      ids.addAll(only.sharedWith());
      return new Decision.Clarify(ids, only.evidence());
    }
    // Beside other problems, an error text with several causes presents each of them.
    List<Candidate> expanded = new ArrayList<>();
    for (Candidate c : findings) {
      expanded.add(withoutPartners(c, c.entryId()));
      for (String partner : c.sharedWith()) {
        expanded.add(withoutPartners(c, partner));
      }
    }
    second.ifPresent(expanded::add);
    expanded.sort(java.util.Comparator.comparingInt(Candidate::position));
    return new Decision.Answer(expanded);
  }

  private static Candidate withoutPartners(Candidate c, String entryId) {
    return new Candidate(entryId, c.score(), c.source(), c.position(), c.evidence(), List.of());
  }

  /**
   * A problem the categorizer sees in the text around the recognised errors, when it is sure and
   * the entry is not among the findings already: a paste plus "and also, X happens".
   */
  private static java.util.Optional<Candidate> secondFinding(
      Analysis analysis, List<Candidate> findings) {
    List<Candidate> residual = analysis.residualModel();
    if (residual.isEmpty() || findings.size() >= Thresholds.MAX_FINDINGS) {
      return java.util.Optional.empty();
    }
    Candidate best = residual.get(0);
    double runnerUp = residual.size() > 1 ? residual.get(1).score() : 0;
    boolean known =
        findings.stream()
            .anyMatch(
                f -> f.entryId().equals(best.entryId()) || f.sharedWith().contains(best.entryId()));
    if (!known
        && best.score() >= Thresholds.SECOND_FINDING_MIN_CONFIDENCE
        && best.score() >= runnerUp * Thresholds.SECOND_FINDING_MIN_RATIO
        && analysis.residualNoneProbability() <= Thresholds.SECOND_FINDING_MAX_NONE) {
      return java.util.Optional.of(best);
    }
    return java.util.Optional.empty();
  }

  private Decision fromModel(boolean addressed, Analysis analysis) {
    if (analysis.bestModel().isEmpty()) {
      return addressed
          ? new Decision.Unknown(List.of(), "I found nothing I know in this message.")
          : new Decision.Silent("nothing recognised");
    }
    Candidate best = analysis.bestModel().get();
    double none = analysis.noneProbability();
    double ratio = ratio(analysis);
    if (isChatter(analysis)) {
      return addressed
          ? new Decision.Unknown(
              List.of(),
              "That reads like a thank-you or an announcement, not a problem; glad things work."
                  + " Paste an error if something still fails.")
          : new Decision.Silent("thanks or announcement");
    }
    boolean beatsNone = best.score() >= none * Thresholds.NONE_RATIO;
    if (analysis.textOnlyBest()) {
      return fromArticleText(addressed, analysis, best, ratio, beatsNone);
    }
    if (addressed) {
      if (best.score() >= Thresholds.DIRECT_MIN_CONFIDENCE
          && ratio >= Thresholds.DIRECT_MIN_RATIO
          && beatsNone) {
        return new Decision.Answer(List.of(best));
      }
      return new Decision.Unknown(
          closest(analysis),
          "This doesn't match any problem I know well enough." + truncationNote(analysis));
    }
    if (analysis.errorPaste()) {
      // A pasted error whose text no entry knows is someone else's error, even when it shares
      // words or framing (the connector's module path, New-PSSession) with ours.
      return new Decision.Silent("an error record without an error text I know");
    }
    boolean domain = aboutOurService(analysis);
    double needed =
        domain
            ? Thresholds.CHANNEL_MIN_CONFIDENCE
            : Thresholds.CHANNEL_MIN_CONFIDENCE_WITHOUT_DOMAIN;
    if (best.score() >= needed && ratio >= Thresholds.CHANNEL_MIN_RATIO && beatsNone) {
      return new Decision.Answer(List.of(best));
    }
    return new Decision.Silent(
        String.format(
            java.util.Locale.ROOT,
            "not sure: best %s at %.2f (%.1fx the next), none at %.2f%s",
            best.entryId(),
            best.score(),
            ratio,
            none,
            domain ? "" : ", no Skype for Business words"));
  }

  /**
   * The best entry was learnt from its article's text alone, so the categorizer's probability means
   * less than for an entry with example phrasings: it needs more, a pasted error record it does not
   * recognise needs far more, and an error that looks like one of the knowledge's but departs from
   * it is someone else's.
   */
  private static Decision fromArticleText(
      boolean addressed, Analysis analysis, Candidate best, double ratio, boolean beatsNone) {
    // The message follows the best entry's error text and then departs from it: a look-alike.
    // A question that quotes part of the error and goes on in the admin's own words is no paste.
    boolean asks = !analysis.errorPaste() && analysis.concepts().contains("QUESTION");
    if (!asks && analysis.nearMiss().filter(best.entryId()::equals).isPresent()) {
      return addressed
          ? new Decision.Unknown(
              closest(analysis),
              "This error looks like one I know but its wording differs, so it is probably"
                  + " another error.")
          : new Decision.Silent("looks like the error of " + analysis.nearMiss().get());
    }
    if (!addressed && analysis.offSubject().contains(best.entryId())) {
      return new Decision.Silent("a short error text of " + best.entryId() + " on another subject");
    }
    if (analysis.unknownQuote().isPresent()) {
      return addressed
          ? new Decision.Unknown(
              closest(analysis),
              "The error text you quote (\""
                  + analysis.unknownQuote().get()
                  + "\") is in none of the articles I know, so it is probably another error.")
          : new Decision.Silent(
              "an error text no article prints: " + analysis.unknownQuote().get());
    }
    if (analysis.unknownCode().isPresent()) {
      return addressed
          ? new Decision.Unknown(
              closest(analysis),
              "This error's code ("
                  + analysis.unknownCode().get()
                  + ") is in none of the articles I know, so it is probably another error.")
          : new Decision.Silent("an error code no article knows: " + analysis.unknownCode().get());
    }
    boolean paste = analysis.errorPaste();
    double needed;
    double ratioNeeded;
    if (addressed) {
      needed =
          paste
              ? Thresholds.ARTICLE_TEXT_PASTE_MIN_CONFIDENCE
              : Thresholds.ARTICLE_TEXT_DIRECT_MIN_CONFIDENCE;
      ratioNeeded = Thresholds.ARTICLE_TEXT_DIRECT_MIN_RATIO;
    } else {
      if (paste) {
        return new Decision.Silent("an error record without an error text I know");
      }
      needed = Thresholds.ARTICLE_TEXT_CHANNEL_MIN_CONFIDENCE;
      ratioNeeded = Thresholds.ARTICLE_TEXT_CHANNEL_MIN_RATIO;
    }
    if (best.score() >= needed && ratio >= ratioNeeded && beatsNone) {
      return new Decision.Answer(List.of(best));
    }
    return addressed
        ? new Decision.Unknown(
            closest(analysis),
            "This doesn't match any problem I know well enough." + truncationNote(analysis))
        : new Decision.Silent(
            String.format(
                java.util.Locale.ROOT,
                "not sure: best %s at %.2f (%.1fx the next), from its article's text",
                best.entryId(),
                best.score(),
                ratio));
  }

  private static String truncationNote(Analysis analysis) {
    return analysis.text().truncated()
        ? String.format(
            java.util.Locale.ROOT,
            " The message is long: I read its first %,d and last %,d characters.",
            TextNormaliser.MAX_ANALYSED_CHARS - TextNormaliser.TAIL_CHARS,
            TextNormaliser.TAIL_CHARS)
        : "";
  }

  /** A thank-you or an announcement that asks nothing and reports no problem. */
  static boolean isChatter(Analysis analysis) {
    Set<String> c = analysis.concepts();
    return c.stream().anyMatch(CHATTER::contains)
        && !c.contains("QUESTION")
        && !c.contains("PROBLEM");
  }

  /** How many times as likely the best entry is as the runner-up. */
  static double ratio(Analysis analysis) {
    List<Candidate> model = analysis.model();
    if (model.size() < 2 || model.get(1).score() <= 0) {
      return Double.POSITIVE_INFINITY;
    }
    return model.get(0).score() / model.get(1).score();
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
