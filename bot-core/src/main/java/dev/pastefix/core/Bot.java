package dev.pastefix.core;

import dev.pastefix.core.answer.Wording;
import dev.pastefix.core.reply.BotCommand;
import java.util.List;

/**
 * The front door of the engine: one message in, one outcome out. Implementations are thread-safe.
 */
public interface Bot {
  Outcome handle(IncomingMessage message);

  /**
   * The outcome with what the answer log keeps beside it (language, ranked candidates); bots that
   * do not analyse text report what the outcome itself names.
   */
  default Handled handleTraced(IncomingMessage message) {
    return Handled.of(handle(message));
  }

  /**
   * A button's command, as the reply offered it; {@code context} is the click (who, where; its text
   * is not read). A bot without that command says it cannot run it.
   */
  default Outcome handle(BotCommand command, IncomingMessage context) {
    return new Outcome.Unknown(List.of(), Wording.forText(context.text()).commandUnavailable());
  }
}
