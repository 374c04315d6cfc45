package dev.pastefix.core;

import dev.pastefix.core.state.ConversationKey;

/** Messages for tests, in a conversation named by one word on a {@code test} platform. */
public final class TestingMessages {
  private TestingMessages() {}

  /** A message in conversation {@code conversation} of the {@code test} platform. */
  public static Inbound.Message of(
      String text, Channel channel, String senderId, String conversation) {
    return Inbound.message(text, channel, senderId, key(conversation));
  }

  /** The key of conversation {@code conversation} on the {@code test} platform. */
  public static ConversationKey key(String conversation) {
    return ConversationKey.of("test", "T", conversation);
  }
}
