package dev.pastefix.core;

import dev.pastefix.core.state.ConversationKey;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Who sent something to the bot and where: how it reached the bot, the sender's platform id, the
 * typed conversation key (platform, workspace, channel, thread), the language the platform reports
 * for the sender, and the platform's id of the delivery (for the log line, never the text).
 */
public record Origin(
    Channel channel,
    String senderId,
    ConversationKey conversationKey,
    Optional<Locale> localeHint,
    String deliveryId) {
  /** The delivery id of something the platform gave no id. */
  public static final String NO_DELIVERY_ID = "-";

  public Origin {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(senderId, "senderId");
    Objects.requireNonNull(conversationKey, "conversationKey");
    Objects.requireNonNull(localeHint, "localeHint");
    Objects.requireNonNull(deliveryId, "deliveryId");
  }

  /** An origin without a locale hint or delivery id. */
  public static Origin of(Channel channel, String senderId, ConversationKey conversationKey) {
    return new Origin(channel, senderId, conversationKey, Optional.empty(), NO_DELIVERY_ID);
  }

  /** The platform ({@code slack}, {@code discord}, {@code teams}, {@code console}...). */
  public String platform() {
    return conversationKey.platform();
  }

  /** The same origin, arriving on {@code other} (a thread follow-up the core found addressed). */
  public Origin on(Channel other) {
    return new Origin(other, senderId, conversationKey, localeHint, deliveryId);
  }

  /** The same origin with the platform's delivery id. */
  public Origin delivered(String id) {
    return new Origin(channel, senderId, conversationKey, localeHint, id);
  }

  /** The same origin with the sender's language. */
  public Origin inLocale(Optional<Locale> locale) {
    return new Origin(channel, senderId, conversationKey, locale, deliveryId);
  }
}
