package dev.pastefix.knowledge.importer;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The entry one version of an article gives for one problem, before the versions are merged: its
 * texts in English and in the version's language.
 */
record Draft(
    String anchor,
    Optional<Integer> row,
    Bilingual title,
    Bilingual cause,
    List<StepDraft> steps,
    List<SymptomDraft> symptoms,
    List<LinkDraft> links,
    List<FactDraft> facts) {
  Draft {
    Objects.requireNonNull(anchor, "anchor");
    Objects.requireNonNull(row, "row");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(cause, "cause");
    steps = List.copyOf(steps);
    symptoms = List.copyOf(symptoms);
    links = List.copyOf(links);
    facts = List.copyOf(facts);
  }

  String key() {
    return anchor + row.map(r -> "#row" + r).orElse("");
  }

  Draft withSymptoms(List<SymptomDraft> replaced) {
    return new Draft(anchor, row, title, cause, steps, replaced, links, facts);
  }

  /** One step: what to do, and the exact commands. */
  record StepDraft(Bilingual text, List<String> commands) {
    StepDraft {
      Objects.requireNonNull(text, "text");
      commands = List.copyOf(commands);
    }
  }

  /**
   * An error signature: a literal phrase, or a pattern where the text shows a placeholder.
   *
   * @param named whether the text is the section's heading or a table row's cause: it describes the
   *     problem rather than quoting what the product printed
   * @param lead for a later sentence of a long message, the key of the message's first sentence:
   *     the sentence is needed only where that first one is no signature of the entry
   */
  record SymptomDraft(String text, boolean literal, boolean named, Optional<String> lead) {
    SymptomDraft {
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(lead, "lead");
    }

    SymptomDraft(String text, boolean literal) {
      this(text, literal, false, Optional.empty());
    }

    SymptomDraft asNamed() {
      return new SymptomDraft(text, literal, true, lead);
    }

    SymptomDraft following(String leadKey) {
      return new SymptomDraft(text, literal, named, Optional.of(leadKey));
    }
  }

  /** A link, made absolute. */
  record LinkDraft(String label, URI url) {}

  /** A limit or a value the text states. */
  record FactDraft(String name, String value) {}
}
