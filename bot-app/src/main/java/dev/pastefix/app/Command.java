package dev.pastefix.app;

import java.util.List;

/** One sub-command of the command line. Returns the process exit code. */
public interface Command {
  /** The word that selects the command, such as {@code kb}. */
  String name();

  /** One line for the usage text. */
  String synopsis();

  /** What the command does, in a few words, for the usage text (may be empty). */
  default String summary() {
    return "";
  }

  int run(List<String> args, Terminal terminal) throws Exception;
}
