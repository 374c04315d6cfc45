package dev.pastefix.app;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * Runs one command through the real command line ({@link Main} with only that command), as {@code
 * pastefix NAME ARGS...}. One command line per command object, as picocli resets a command's
 * options only on the command line that first read them.
 */
final class TestingCommandLine {
  private static final Map<Command, Main> LINES =
      Collections.synchronizedMap(new IdentityHashMap<>());

  private TestingCommandLine() {}

  static int run(Command command, List<String> args, Terminal terminal) {
    Main main = LINES.computeIfAbsent(command, Main::of);
    List<String> words = new ArrayList<>();
    words.add(command.getClass().getAnnotation(CommandLine.Command.class).name());
    words.addAll(args);
    return main.run(words, terminal);
  }
}
