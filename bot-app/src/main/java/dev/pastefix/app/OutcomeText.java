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
}
