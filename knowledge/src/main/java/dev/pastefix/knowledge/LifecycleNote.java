package dev.pastefix.knowledge;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/** A note about the life of the product an answer can show, such as a retirement or deprecation. */
public record LifecycleNote(Severity severity, String text, Optional<URI> link) {
  /** How loudly a renderer should present the note. */
  public enum Severity {
    INFO,
    WARNING
  }

  public LifecycleNote {
    Objects.requireNonNull(severity, "severity");
    Checks.text(text, "text");
    Objects.requireNonNull(link, "link");
  }
}
