package dev.pastefix.slack;

import java.util.Objects;

/**
 * A message ready for the Web API: the plain {@code text} fallback (notifications, screen readers)
 * and the Block Kit {@code blocks} as a JSON array.
 */
public record SlackMessage(String text, String blocksJson) {
  public SlackMessage {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(blocksJson, "blocksJson");
  }
}
