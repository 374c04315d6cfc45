package dev.pastefix.teams;

import dev.pastefix.core.Channel;
import dev.pastefix.core.Inbound;
import dev.pastefix.core.Origin;
import dev.pastefix.core.reply.BotCommand;
import dev.pastefix.core.state.ConversationKey;
import java.util.Optional;

/**
 * Turns Teams activities into the bot's {@link Inbound}s: a personal chat is {@link
 * Channel#DIRECT}, an {@code @mention} in a channel or group chat {@link Channel#MENTION} (the
 * mention text removed), any other channel message {@link Channel#CHANNEL} (the core counts it as a
 * follow-up when it is in a thread pastefix answered). The core reads the command words, the same
 * as on every platform.
 */
final class ActivityTranslator {
  static final String PLATFORM = "teams";

  /** The bot's view of a message activity, or empty for the bot's own and empty messages. */
  Optional<Inbound.Message> translate(Activity activity) {
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
    return Optional.of(new Inbound.Message(origin(activity, channel), text));
  }

  /** A click on a button carrying {@code command}: who and where, in the client's language. */
  Inbound.Click checkClick(Activity activity, BotCommand command) {
    return new Inbound.Click(origin(activity, Channel.COMMAND), command);
  }

  private static Origin origin(Activity activity, Channel channel) {
    return new Origin(
        channel, activity.from().id(), conversationKey(activity), activity.locale(), activity.id());
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

  /**
   * Some Teams clients send line breaks of a pasted error as {@code <br>}; HTML entities are left
   * to the engine's normaliser.
   */
  static String plain(String text) {
    return text.replaceAll("(?i)<br\\s*/?>", "\n");
  }
}
