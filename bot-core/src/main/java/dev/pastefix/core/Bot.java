package dev.pastefix.core;

/** The front door of the engine: one message in, one outcome out. Implementations are thread-safe. */
public interface Bot {
  Outcome handle(IncomingMessage message);
}
