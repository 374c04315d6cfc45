package dev.pastefix.core.state;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a conversation happens: the platform, the workspace or guild, the channel (or DM), and the
 * thread within it when there is one. Typed so that stores never parse joined strings.
 */
public record ConversationKey(
    String platform, String workspace, String channel, Optional<String> thread) {
  public ConversationKey {
    platform = requireText(platform, "platform");
    workspace = Objects.requireNonNull(workspace, "workspace");
    channel = requireText(channel, "channel");
    Objects.requireNonNull(thread, "thread");
    thread.ifPresent(t -> requireText(t, "thread"));
  }

  /** A conversation outside any thread. */
  public static ConversationKey of(String platform, String workspace, String channel) {
    return new ConversationKey(platform, workspace, channel, Optional.empty());
  }

  /** The same channel, inside {@code threadId}. */
  public ConversationKey inThread(String threadId) {
    return new ConversationKey(platform, workspace, channel, Optional.of(threadId));
  }

  /** The channel this conversation is in, without its thread. */
  public ConversationKey channelOnly() {
    return thread.isEmpty()
        ? this
        : new ConversationKey(platform, workspace, channel, Optional.empty());
  }

  /**
   * A stable, readable form for logs and single-column keys: {@code
   * platform/workspace/channel[/thread]}.
   */
  public String asString() {
    return platform + "/" + workspace + "/" + channel + thread.map(t -> "/" + t).orElse("");
  }

  private static String requireText(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return value;
  }
}
