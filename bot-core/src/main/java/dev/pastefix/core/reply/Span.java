package dev.pastefix.core.reply;

import java.net.URI;
import java.util.Objects;

/** Inline text inside a block. */
public sealed interface Span {
  record Plain(String text) implements Span {
    public Plain {
      Objects.requireNonNull(text, "text");
    }
  }

  record Strong(String text) implements Span {
    public Strong {
      Objects.requireNonNull(text, "text");
    }
  }

  record InlineCode(String text) implements Span {
    public InlineCode {
      Objects.requireNonNull(text, "text");
    }
  }

  record Link(String label, URI target) implements Span {
    public Link {
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(target, "target");
    }
  }
}
