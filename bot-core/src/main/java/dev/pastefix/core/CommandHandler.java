package dev.pastefix.core;

/**
 * One sub-command of the slash command, such as {@code diagnose} or {@code kb}; handlers are
 * registered by name with the engine and must be thread-safe.
 */
@FunctionalInterface
public interface CommandHandler {
  /** Handles the text after the sub-command's name ({@code argument} may be empty). */
  Outcome handle(String argument, IncomingMessage message);
}
