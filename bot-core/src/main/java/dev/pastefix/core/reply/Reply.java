package dev.pastefix.core.reply;

import java.util.List;
import java.util.Objects;

/**
 * A reply: {@code summary} is the notification and fallback text, {@code blocks} the body, {@code
 * actions} the buttons a platform can offer, and {@code lang} the language it is worded in ({@code
 * en}, {@code fr} or {@code ko}), so that whatever an adapter adds around it (a share button, a
 * vote receipt) is worded the same way.
 */
public record Reply(String summary, List<Block> blocks, List<Action> actions, String lang) {
  public Reply {
    Objects.requireNonNull(summary, "summary");
    blocks = List.copyOf(blocks);
    actions = List.copyOf(actions);
    Objects.requireNonNull(lang, "lang");
    if (!lang.matches("[a-z]{2,3}")) {
      throw new IllegalArgumentException("lang is a language code such as en: '" + lang + "'");
    }
  }

  /** A reply in English. */
  public Reply(String summary, List<Block> blocks, List<Action> actions) {
    this(summary, blocks, actions, "en");
  }
}
