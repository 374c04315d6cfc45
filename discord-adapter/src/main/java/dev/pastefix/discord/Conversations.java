package dev.pastefix.discord;

import java.util.Optional;

/** The conversation keys the engine sees for Discord: {@code discord:<guild|dm>:<channel>}. */
final class Conversations {
  static final String PLATFORM = "discord";
  static final String DIRECT = "dm";

  private Conversations() {}

  static String key(Optional<String> guildId, String channelId) {
    return PLATFORM + ":" + guildId.orElse(DIRECT) + ":" + channelId;
  }
}
