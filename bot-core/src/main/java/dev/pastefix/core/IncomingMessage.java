package dev.pastefix.core;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One chat message as an adapter hands it to the engine. The text is kept exactly as delivered
 * (the engine normalises it); the conversation key identifies a DM, channel or thread so that
 * follow-ups and pending checks can be tied to it.
 */
public record IncomingMessage(
    String text,
    Channel channel,
    String senderId,
    String conversationKey,
    Optional<Locale> localeHint) {
  public IncomingMessage {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(senderId, "senderId");
    Objects.requireNonNull(conversationKey, "conversationKey");
    Objects.requireNonNull(localeHint, "localeHint");
  }

  /** A message without a locale hint. */
  public static IncomingMessage of(
      String text, Channel channel, String senderId, String conversationKey) {
    return new IncomingMessage(text, channel, senderId, conversationKey, Optional.empty());
  }
}
