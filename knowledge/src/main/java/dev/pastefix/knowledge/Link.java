package dev.pastefix.knowledge;

import java.net.URI;
import java.util.Objects;

/** A link the article gives for a section, with its label. */
public record Link(String label, URI url) {
  public Link {
    Checks.text(label, "label");
    Objects.requireNonNull(url, "url");
  }
}
