package dev.pastefix.core;

/** The front door of the engine: one message in, one outcome out. Implementations are thread-safe. */
public interface Bot {
  Outcome handle(IncomingMessage message);

  /**
   * The outcome with what the answer log keeps beside it (language, ranked candidates); bots that
   * do not analyse text report what the outcome itself names.
   */
  default Handled handleTraced(IncomingMessage message) {
    return Handled.of(handle(message));
  }
}
