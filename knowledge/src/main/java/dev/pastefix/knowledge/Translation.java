package dev.pastefix.knowledge;

import java.util.List;

/**
 * An entry's title, cause and steps in another language, as the seeds translate them, plus example
 * phrasings in that language. Steps are aligned with the entry's steps by position.
 */
public record Translation(String title, String cause, List<String> steps, List<String> examples) {
  public Translation {
    Checks.text(title, "title");
    Checks.text(cause, "cause");
    steps = Checks.list(steps, "steps");
    examples = Checks.list(examples, "examples");
  }
}
