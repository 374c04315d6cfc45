package dev.pastefix.knowledge;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A note about the life of the product an answer can show, such as a retirement or deprecation,
 * with the project's own translations of its text ({@code ours}, by language code).
 */
public record LifecycleNote(
    Severity severity, String text, Optional<URI> link, Map<String, String> ours) {
  /** How loudly a renderer should present the note. */
  public enum Severity {
    INFO,
    WARNING
  }

  public LifecycleNote {
    Objects.requireNonNull(severity, "severity");
    Checks.text(text, "text");
    Objects.requireNonNull(link, "link");
    ours = Checks.map(ours, "ours");
  }

  /** A note without translations. */
  public LifecycleNote(Severity severity, String text, Optional<URI> link) {
    this(severity, text, link, Map.of());
  }

  /** The text in {@code lang}, or the English text when there is no translation. */
  public String text(String lang) {
    return ours.getOrDefault(lang, text);
  }
}
