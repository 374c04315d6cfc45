package dev.pastefix.core.check;

import java.util.List;
import java.util.Objects;

/** One step of the fix a check computed for this result, with the exact commands to run. */
public record FixStep(String text, List<String> commands) {
  public FixStep {
    Objects.requireNonNull(text, "text");
    if (text.isBlank()) {
      throw new IllegalArgumentException("text must not be blank");
    }
    commands = List.copyOf(commands);
  }

  public static FixStep of(String text, String... commands) {
    return new FixStep(text, List.of(commands));
  }
}
