package dev.pastefix.core.reply;

import java.util.List;
import java.util.Objects;

/**
 * A reply: {@code summary} is the notification and fallback text, {@code blocks} the body and
 * {@code actions} the buttons a platform can offer.
 */
public record Reply(String summary, List<Block> blocks, List<Action> actions) {
  public Reply {
    Objects.requireNonNull(summary, "summary");
    blocks = List.copyOf(blocks);
    actions = List.copyOf(actions);
  }
}
