package dev.pastefix.knowledge;

import java.util.List;

/** One ordered step of a fix: what to do, and the exact commands the article gives for it. */
public record Step(String text, List<String> commands) {
  public Step {
    Checks.text(text, "text");
    commands = Checks.list(commands, "commands");
    for (String command : commands) {
      Checks.text(command, "command");
    }
  }
}
