package dev.pastefix.app;

import java.util.List;

/**
 * One command of the command line, annotated for picocli: picocli sets its options and parameters,
 * then {@link #execute} runs it. A command that only groups others (such as {@code kb}) lists them
 * in {@link #subcommands} and is never executed itself.
 */
interface Command {
  /** Runs the command with the options picocli has set; returns the process exit code. */
  int execute(Terminal terminal) throws Exception;

  /** The sub-commands under this one, such as {@code kb list}; none by default. */
  default List<Command> subcommands() {
    return List.of();
  }

  /**
   * Wrong use the options alone cannot express (two options that exclude each other, a value out of
   * range): reported like a picocli parse error, with the usage line and exit code 2.
   */
  final class UsageError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageError(String message) {
      super(message);
    }
  }
}
