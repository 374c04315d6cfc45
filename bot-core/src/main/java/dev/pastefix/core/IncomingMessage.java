package dev.pastefix.core;

import dev.pastefix.core.state.ConversationKey;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One chat message as an adapter hands it to the engine. The text is kept exactly as delivered (the
 * engine normalises it); the typed conversation key (platform, workspace, channel, thread) ties
 * follow-ups, clarifying questions and pending checks to where they were asked.
 */
public record IncomingMessage(
    String text,
    Channel channel,
    String senderId,
    ConversationKey conversationKey,
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
      String text, Channel channel, String senderId, ConversationKey conversationKey) {
    return new IncomingMessage(text, channel, senderId, conversationKey, Optional.empty());
  }

  /** The platform the message came from ({@code slack}, {@code discord}, {@code console}...). */
  public String platform() {
    return conversationKey.platform();
  }

  /** The same message arriving on {@code other} (a thread follow-up the core found addressed). */
  public IncomingMessage on(Channel other) {
    return new IncomingMessage(text, other, senderId, conversationKey, localeHint);
  }
}
