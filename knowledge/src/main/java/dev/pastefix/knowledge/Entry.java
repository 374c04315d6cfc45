package dev.pastefix.knowledge;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One troubleshooting entry: a problem an administrator can hit, how to recognise it (symptoms,
 * example phrasings), why it happens, and the ordered steps to fix it, with its source.
 *
 * @param id stable id from the list of knowledge-base ids; never renamed
 * @param articleId the id of the {@link Article} the entry comes from
 * @param check the id of a guided check that verifies this problem, when one exists
 */
public record Entry(
    String id,
    String articleId,
    String title,
    Source source,
    List<Symptom> symptoms,
    String cause,
    List<Step> steps,
    List<Link> links,
    List<Fact> facts,
    List<String> examples,
    List<Change> changes,
    List<LifecycleNote> lifecycle,
    Map<String, Translation> translations,
    Optional<String> check) {
  public Entry {
    Checks.text(id, "id");
    Checks.text(articleId, "articleId");
    Checks.text(title, "title");
    Objects.requireNonNull(source, "source");
    symptoms = Checks.list(symptoms, "symptoms");
    Checks.text(cause, "cause");
    steps = Checks.list(steps, "steps");
    links = Checks.list(links, "links");
    facts = Checks.list(facts, "facts");
    examples = Checks.list(examples, "examples");
    changes = Checks.list(changes, "changes");
    lifecycle = Checks.list(lifecycle, "lifecycle");
    translations = Checks.map(translations, "translations");
    Objects.requireNonNull(check, "check");
  }

  /** The translation into {@code lang}, if the seeds give one. */
  public Optional<Translation> translation(String lang) {
    return Optional.ofNullable(translations.get(lang));
  }
}
