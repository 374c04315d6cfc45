package dev.pastefix.core.classify;

import dev.pastefix.core.text.NormalisedText;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the classifiers found in one message: the normalised text, the signature candidates in
 * order of appearance, the categorizer's ranking of entries (without "none") and its "none"
 * probability, the same for the text around the recognised error texts (empty without any, or when
 * too little is left), the concepts mentioned, the other service the message belongs to, if any,
 * whether the message is a pasted error (console framing, an exception) rather than prose, whether
 * the categorizer's best entry has no example phrasings (it was learnt from its article's text
 * alone), and the entry whose error text the message follows for a while and then departs from (a
 * look-alike error), when no error text is recognised, and an error code the message shows that no
 * entry learnt from its article alone knows (someone else's error), the same for a quoted error
 * text whose words the articles do not print ('Root element is missing'), and the entry whose short
 * error text the message shows without naming what the entry's article is about (another product's
 * error with the same words), and of those the ones beside a name their article never prints (the
 * entry's id to that name: "Adobe" beside "Error 1603").
 */
public record Analysis(
    NormalisedText text,
    List<Candidate> signatures,
    List<Candidate> model,
    double noneProbability,
    List<Candidate> residualModel,
    double residualNoneProbability,
    Set<String> concepts,
    Optional<String> otherService,
    boolean namesOurService,
    boolean errorPaste,
    boolean textOnlyBest,
    Optional<String> nearMiss,
    Optional<String> unknownCode,
    Optional<String> unknownQuote,
    Set<String> offSubject,
    java.util.Map<String, String> namesElsewhere) {
  public Analysis {
    Objects.requireNonNull(text, "text");
    signatures = List.copyOf(signatures);
    model = List.copyOf(model);
    residualModel = List.copyOf(residualModel);
    concepts = Set.copyOf(concepts);
    Objects.requireNonNull(otherService, "otherService");
    Objects.requireNonNull(nearMiss, "nearMiss");
    Objects.requireNonNull(unknownCode, "unknownCode");
    Objects.requireNonNull(unknownQuote, "unknownQuote");
    offSubject = Set.copyOf(offSubject);
    namesElsewhere = java.util.Map.copyOf(namesElsewhere);
  }

  /** The categorizer's best entry, if it ranked any. */
  public Optional<Candidate> bestModel() {
    return model.isEmpty() ? Optional.empty() : Optional.of(model.get(0));
  }
}
