package dev.pastefix.core.reply;

import java.util.List;
import java.util.Objects;

/**
 * One block of a reply. Java 17 has no pattern-matching switch, so renderers dispatch with {@link
 * Visitor}. Renderers choose the platform element by the block's type, never by its text: the text
 * is already in the reader's language.
 */
public sealed interface Block {

  <R> R accept(Visitor<R> visitor);

  /** Renders each kind of block. */
  interface Visitor<R> {
    R heading(Heading heading);

    R paragraph(Paragraph paragraph);

    R steps(Steps steps);

    R code(Code code);

    R facts(Facts facts);

    R note(Note note);

    R divider(Divider divider);

    R provenance(Provenance provenance);

    R source(Source source);
  }

  record Heading(String text) implements Block {
    public Heading {
      Objects.requireNonNull(text, "text");
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.heading(this);
    }
  }

  record Paragraph(List<Span> spans) implements Block {
    public Paragraph {
      spans = List.copyOf(spans);
    }

    public static Paragraph of(Span... spans) {
      return new Paragraph(List.of(spans));
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.paragraph(this);
    }
  }

  /** Numbered steps; each item is a line of spans, optionally followed by its commands. */
  record Steps(List<Step> items) implements Block {
    public Steps {
      items = List.copyOf(items);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.steps(this);
    }
  }

  /** One numbered step: its text and the commands to run, shown as code. */
  record Step(List<Span> spans, List<String> commands) {
    public Step {
      spans = List.copyOf(spans);
      commands = List.copyOf(commands);
    }
  }

  record Code(String text) implements Block {
    public Code {
      Objects.requireNonNull(text, "text");
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.code(this);
    }
  }

  record Facts(List<Fact> facts) implements Block {
    public Facts {
      facts = List.copyOf(facts);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.facts(this);
    }
  }

  record Note(Severity severity, List<Span> spans) implements Block {
    public Note {
      Objects.requireNonNull(severity, "severity");
      spans = List.copyOf(spans);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.note(this);
    }
  }

  record Divider() implements Block {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.divider(this);
    }
  }

  /**
   * What an answer matched and how sure the engine is, such as "Matched: the error text
   * `0x80070005` (97% sure)", worded in the reply's language. It explains the answer rather than
   * telling what to do, so renderers show it as quiet secondary text: a Slack context block, a
   * subdued Discord line, a plain line on a console.
   */
  record Provenance(List<Span> spans) implements Block {
    public Provenance {
      spans = List.copyOf(spans);
      if (spans.isEmpty()) {
        throw new IllegalArgumentException("a provenance line needs some text");
      }
    }

    public static Provenance of(Span... spans) {
      return new Provenance(List.of(spans));
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.provenance(this);
    }
  }

  /**
   * Where an answer comes from: the source article and further reading, usually as {@link
   * Span.Link}s after a localised label. Shown as quiet secondary text, like {@link Provenance}.
   */
  record Source(List<Span> spans) implements Block {
    public Source {
      spans = List.copyOf(spans);
      if (spans.isEmpty()) {
        throw new IllegalArgumentException("a source line needs some text");
      }
    }

    public static Source of(Span... spans) {
      return new Source(List.of(spans));
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.source(this);
    }
  }
}
