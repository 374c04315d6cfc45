package dev.pastefix.core.reply;

import java.util.List;
import java.util.Objects;

/**
 * One block of a reply. Java 17 has no pattern-matching switch, so renderers dispatch with
 * {@link Visitor}.
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
}
