package dev.pastefix.discord;

import dev.pastefix.core.state.ConversationKey;
import java.util.Optional;

/**
 * The conversations the engine sees for Discord: the guild (or {@code dm}) and channel; a thread is
 * the thread of its parent channel, keyed by the thread's id, which is the id of the message it was
 * started from, so that a thread under an answer is the answer's conversation.
 */
final class Conversations {
  static final String PLATFORM = "discord";
  static final String DIRECT = "dm";

  private Conversations() {}

  static ConversationKey key(Optional<String> guildId, String channelId) {
    return ConversationKey.of(PLATFORM, guildId.orElse(DIRECT), channelId);
  }

  /** A message in thread {@code threadId} of channel {@code parentId}. */
  static ConversationKey thread(Optional<String> guildId, String parentId, String threadId) {
    return key(guildId, parentId).inThread(threadId);
  }
}
