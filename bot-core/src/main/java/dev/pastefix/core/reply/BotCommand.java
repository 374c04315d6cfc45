package dev.pastefix.core.reply;

import java.util.Objects;

/**
 * A command a button carries back to the engine. An adapter encodes it in the button (a Slack
 * button value, a Discord custom id) and, on a click, decodes it and hands it to the bot as a
 * {@link dev.pastefix.core.Inbound.Click}: the click never becomes typed text that the engine would
 * have to parse again.
 */
public sealed interface BotCommand {
  /** The command as it would be typed, for the answer log (never parsed back). */
  String asText();

  /**
   * Runs the check {@code checkId} (such as {@code dns}) on {@code argument}, which the engine took
   * from the paste (a domain, a sign-in address) and which may be empty.
   */
  record RunCheck(String checkId, String argument) implements BotCommand {
    public RunCheck {
      Objects.requireNonNull(checkId, "checkId");
      Objects.requireNonNull(argument, "argument");
      if (checkId.isBlank() || checkId.chars().anyMatch(Character::isWhitespace)) {
        throw new IllegalArgumentException("a check id is one word: '" + checkId + "'");
      }
      argument = argument.strip();
    }

    @Override
    public String asText() {
      return argument.isEmpty() ? "check " + checkId : "check " + checkId + " " + argument;
    }
  }
}
