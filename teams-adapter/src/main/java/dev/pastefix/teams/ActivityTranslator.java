package dev.pastefix.teams;

import dev.pastefix.core.Channel;
import dev.pastefix.core.IncomingMessage;
import dev.pastefix.core.state.ConversationKey;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Turns Teams message activities into the engine's {@link IncomingMessage}s: a personal chat is
 * {@link Channel#DIRECT}, an {@code @mention} in a channel or group chat {@link Channel#MENTION}
 * (the mention text removed), any other channel message {@link Channel#CHANNEL} (the core counts it
 * as a follow-up when it is in a thread pastefix answered). Addressed messages that start with one
 * of the manifest's command words go to the engine as {@link Channel#COMMAND}, so the text commands
 * work in every scope.
 */
final class ActivityTranslator {
  /**
   * Command words routed as commands when addressed; {@code check} is left to the engine's check
   * desk, which tells {@code check dns ...} from prose that happens to start with "check".
   */
  static final Set<String> COMMAND_WORDS = Set.of("help", "diagnose", "kb");

  static final String PLATFORM = "teams";

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

  /** The context of a Run-check click (who, where); the command itself travels typed. */
  IncomingMessage checkClick(Activity activity) {
    return new IncomingMessage(
        "", Channel.COMMAND, activity.from().id(), conversationKey(activity), activity.locale());
  }

  /** Marks the thread in a channel conversation id: {@code 19:...@thread.tacv2;messageid=17...}. */
  static final String THREAD_MARK = ";messageid=";

  /**
   * The tenant as the workspace and the conversation as the channel; a channel message's thread
   * (the root message id in its conversation id) becomes the key's thread.
   */
  static ConversationKey conversationKey(Activity activity) {
    String id = activity.conversationId();
    ConversationKey base = ConversationKey.of(PLATFORM, activity.tenantId().orElse("-"), id);
    int mark = id.indexOf(THREAD_MARK);
    if (!activity.conversationType().equals(Activity.CHANNEL) || mark < 1) {
      return base;
    }
    String thread = id.substring(mark + THREAD_MARK.length());
    ConversationKey channel =
        ConversationKey.of(PLATFORM, activity.tenantId().orElse("-"), id.substring(0, mark));
    return thread.isBlank() ? base : channel.inThread(thread);
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
