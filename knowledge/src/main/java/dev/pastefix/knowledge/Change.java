package dev.pastefix.knowledge;

import java.util.List;
import java.util.Map;

/**
 * What changed between versions of the article for this entry: the version ({@code since}, a year
 * or year-month) from which the newer text holds, what changed in words a reader understands, the
 * seed files that show it (provenance, never shown in answers), and the project's own translations
 * of the text ({@code ours}, by language code).
 */
public record Change(String since, String text, List<String> seeds, Map<String, String> ours) {
  public Change {
    Checks.text(since, "since");
    Checks.text(text, "text");
    seeds = Checks.list(seeds, "seeds");
    ours = Checks.map(ours, "ours");
  }

  /** A change without seeds or translations. */
  public Change(String since, String text) {
    this(since, text, List.of(), Map.of());
  }

  /** The text in {@code lang}, or the English text when there is no translation. */
  public String text(String lang) {
    return ours.getOrDefault(lang, text);
  }
}
