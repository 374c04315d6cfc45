package dev.pastefix.discord;

import dev.pastefix.core.reply.BotCommand;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a pastefix button does, encoded in its {@code custom_id} (at most {@link
 * DiscordLimits#CUSTOM_ID} characters) so that a click can be handled after a restart.
 */
sealed interface ButtonId {
  String PREFIX = "pf:";

  String encode();

  /** Helpful / Not helpful on the answer about {@code entryIds}. */
  record Feedback(boolean helpful, List<String> entryIds) implements ButtonId {
    public Feedback {
      entryIds = List.copyOf(entryIds);
    }

    @Override
    public String encode() {
      return PREFIX + "fb:" + (helpful ? "y" : "n") + ":" + String.join("|", entryIds);
    }
  }

  /** Runs a check with an argument taken from the paste (possibly empty). */
  record RunCheck(String checkId, String argument) implements ButtonId {
    public RunCheck {
      Objects.requireNonNull(checkId, "checkId");
      Objects.requireNonNull(argument, "argument");
    }

    @Override
    public String encode() {
      return PREFIX + "ck:" + checkId + ":" + argument;
    }

    /** The command the engine receives for this button, typed as the reply offered it. */
    BotCommand.RunCheck command() {
      return new BotCommand.RunCheck(checkId, argument);
    }
  }

  /** Posts an ephemeral reply visibly in the channel. */
  record Share() implements ButtonId {
    @Override
    public String encode() {
      return PREFIX + "share";
    }
  }

  /** The button behind a custom id, or empty when it is not one of ours. */
  static Optional<ButtonId> parse(String customId) {
    if (!customId.startsWith(PREFIX)) {
      return Optional.empty();
    }
    String rest = customId.substring(PREFIX.length());
    if (rest.equals("share")) {
      return Optional.of(new Share());
    }
    if (rest.startsWith("fb:y:") || rest.startsWith("fb:n:")) {
      String ids = rest.substring(5);
      List<String> entryIds =
          ids.isEmpty()
              ? List.of()
              : Arrays.stream(ids.split("\\|")).filter(s -> !s.isEmpty()).toList();
      return Optional.of(new Feedback(rest.charAt(3) == 'y', entryIds));
    }
    if (rest.startsWith("ck:")) {
      String[] parts = rest.substring(3).split(":", 2);
      if (parts[0].isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(new RunCheck(parts[0], parts.length > 1 ? parts[1] : ""));
    }
    return Optional.empty();
  }
}
