package dev.pastefix.teams;

import dev.pastefix.core.Channel;
import dev.pastefix.core.IncomingMessage;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Turns Teams message activities into the engine's {@link IncomingMessage}s: a personal chat is
 * {@link Channel#DIRECT}, an {@code @mention} in a channel or group chat {@link Channel#MENTION}
 * (the mention text removed), a message in a thread pastefix answered {@link Channel#THREAD}, any
 * other channel message {@link Channel#CHANNEL}. Addressed messages that start with one of the
 * manifest's command words go to the engine as {@link Channel#COMMAND}, so the text commands work
 * in every scope.
 */
final class ActivityTranslator {
  /**
   * Command words routed as commands when addressed; {@code check} is left to the engine's check
   * desk, which tells {@code check dns ...} from prose that happens to start with "check".
   */
  static final Set<String> COMMAND_WORDS = Set.of("help", "diagnose", "kb");

  static final String PLATFORM = "teams";

  private final Predicate<String> answeredThread;

  /** {@code answeredThread} says whether pastefix answered in a conversation (thread) already. */
  ActivityTranslator(Predicate<String> answeredThread) {
    this.answeredThread = answeredThread;
  }

  /** The engine's view of a message activity, or empty for the bot's own and empty messages. */
  Optional<IncomingMessage> translate(Activity activity) {
    if (activity.from().id().equals(activity.recipient().id())) {
      return Optional.empty();
    }
    Channel channel;
    String text;
    if (activity.conversationType().equals(Activity.PERSONAL)) {
      channel = Channel.DIRECT;
      text = activity.textWithoutMention();
    } else if (activity.mentionsRecipient()) {
      channel = Channel.MENTION;
      text = activity.textWithoutMention();
    } else if (activity.conversationType().equals(Activity.CHANNEL)
        && answeredThread.test(activity.conversationId())) {
      channel = Channel.THREAD;
      text = activity.text().strip();
    } else {
      channel = Channel.CHANNEL;
      text = activity.text().strip();
    }
    text = plain(text);
    if (text.isBlank()) {
      return Optional.empty();
    }
    if (channel.addressed() && COMMAND_WORDS.contains(firstWord(text))) {
      channel = Channel.COMMAND;
    }
    return Optional.of(
        new IncomingMessage(
            text, channel, activity.from().id(), conversationKey(activity), activity.locale()));
  }

  /** A click on a Run-check button, as if the check had been typed. */
  IncomingMessage checkClick(Activity activity, CardAction.RunCheck check) {
    return new IncomingMessage(
        check.commandText(),
        Channel.COMMAND,
        activity.from().id(),
        conversationKey(activity),
        activity.locale());
  }

  /** {@code teams:<tenant>:<conversation id>}; a channel thread is part of the conversation id. */
  static String conversationKey(Activity activity) {
    return PLATFORM + ":" + activity.tenantId().orElse("-") + ":" + activity.conversationId();
  }

  private static String firstWord(String text) {
    String stripped = text.strip();
    int end = 0;
    while (end < stripped.length() && !Character.isWhitespace(stripped.charAt(end))) {
      end++;
    }
    return stripped.substring(0, end).toLowerCase(Locale.ROOT);
  }

  /**
   * Some Teams clients send line breaks of a pasted error as {@code <br>}; HTML entities are left
   * to the engine's normaliser.
   */
  static String plain(String text) {
    return text.replaceAll("(?i)<br\\s*/?>", "\n");
  }
}
