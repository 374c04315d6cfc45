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

  /** An error signature: a literal phrase, or a pattern where the text shows a placeholder. */
  record SymptomDraft(String text, boolean literal) {
    SymptomDraft {
      Objects.requireNonNull(text, "text");
    }
  }

  /** A link, made absolute. */
  record LinkDraft(String label, URI url) {}

  /** A limit or a value the text states. */
  record FactDraft(String name, String value) {}
}
