package dev.pastefix.app;

import dev.pastefix.core.Outcome;
import dev.pastefix.core.reply.PlainTextRenderer;

/** An outcome as console text: the rendered reply, or a one-line note when the bot stays silent. */
final class OutcomeText {
  private OutcomeText() {}

  static String render(Outcome outcome, PlainTextRenderer renderer) {
    return outcome
        .visibleReply()
        .map(renderer::render)
        .orElseGet(() -> "(no reply: " + ((Outcome.Silent) outcome).reason() + ")\n");
  }

  /** The outcome's kind as a lower-case word: answer, clarify, unknown or silent. */
  static String kind(Outcome outcome) {
    if (outcome instanceof Outcome.Answer) {
      return "answer";
    } else if (outcome instanceof Outcome.Clarify) {
      return "clarify";
    } else if (outcome instanceof Outcome.Unknown) {
      return "unknown";
    } else if (outcome instanceof Outcome.Silent) {
      return "silent";
    }
    throw new IllegalStateException("unknown outcome " + outcome.getClass());
  }
}
