package dev.pastefix.core;

import dev.pastefix.core.reply.BotCommand;
import dev.pastefix.core.state.ConversationKey;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What an adapter hands to the {@link Bot}: a chat message (kept exactly as delivered) or a click
 * on a button carrying a typed command. One type for both, so that no step can forget clicks.
 */
public sealed interface Inbound {
  Origin origin();

  /** The text the bot reads: the message's, or empty for a click. */
  String text();

  /** The same thing arriving as {@code other}. */
  Inbound from(Origin other);

  /** A chat message or a slash command's text. */
  record Message(Origin origin, String text) implements Inbound {
    public Message {
      Objects.requireNonNull(origin, "origin");
      Objects.requireNonNull(text, "text");
    }

    @Override
    public Message from(Origin other) {
      return new Message(other, text);
    }
  }

  /** A click on a button whose command the reply offered; the click never becomes text. */
  record Click(Origin origin, BotCommand command) implements Inbound {
    public Click {
      Objects.requireNonNull(origin, "origin");
      Objects.requireNonNull(command, "command");
    }

    @Override
    public String text() {
      return "";
    }

    @Override
    public Click from(Origin other) {
      return new Click(other, command);
    }
  }

  /** A message without a locale hint or delivery id. */
  static Message message(
      String text, Channel channel, String senderId, ConversationKey conversationKey) {
    return new Message(Origin.of(channel, senderId, conversationKey), text);
  }

  default Channel channel() {
    return origin().channel();
  }

  default String senderId() {
    return origin().senderId();
  }

  default ConversationKey conversationKey() {
    return origin().conversationKey();
  }

  default Optional<Locale> localeHint() {
    return origin().localeHint();
  }

  default String platform() {
    return origin().platform();
  }
}
