package dev.pastefix.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Entry point: {@code pastefix [COMMAND] [ARGS]}; with no command it runs the bot. */
public final class Main {
  private final Map<String, Command> commands = new LinkedHashMap<>();

  Main(List<Command> commands) {
    for (Command command : commands) {
      this.commands.put(command.name(), command);
    }
  }

  /** Every command of the command line, wired by the composition root. */
  static Main standard() {
    List<Command> all = new ArrayList<>();
    all.add(new KbCommand());
    return new Main(all);
  }

  public static void main(String[] args) {
    int code = standard().run(List.of(args), Terminal.system());
    System.exit(code);
  }

  int run(List<String> args, Terminal terminal) {
    if (args.isEmpty()) {
      terminal.err().println("pastefix: the bot itself arrives with the engine; try 'pastefix help'.");
      return ExitCodes.USAGE;
    }
    String name = args.get(0);
    if (name.equals("help") || name.equals("--help") || name.equals("-h")) {
      printUsage(terminal);
      return ExitCodes.OK;
    }
    Command command = commands.get(name);
    if (command == null) {
      terminal.err().println("pastefix: unknown command '" + name + "'.");
      printUsage(terminal);
      return ExitCodes.USAGE;
    }
    try {
      return command.run(args.subList(1, args.size()), terminal);
    } catch (Exception e) {
      terminal.err().println("pastefix " + name + ": " + e.getMessage());
      return ExitCodes.NEGATIVE;
    }
  }

  private void printUsage(Terminal terminal) {
    terminal.out().println("Usage: pastefix [COMMAND] [ARGS]");
    terminal.out().println();
    terminal.out().println("With no command, runs the bot (console chat when no chat token is set).");
    terminal.out().println();
    terminal.out().println("Commands:");
    for (Command command : commands.values()) {
      terminal.out().printf("  %-28s %s%n", command.name(), command.synopsis());
    }
    terminal.out().printf("  %-28s %s%n", "help", "this text");
  }
}
