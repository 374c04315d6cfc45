package dev.pastefix.app;

import dev.pastefix.knowledge.KnowledgeLoader;
import java.util.ArrayList;
import java.util.HashMap;
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
    all.add(new KbCommand(new KnowledgeLoader()));
    return new Main(all);
  }

  public static void main(String[] args) {
    int code = standard().run(List.of(args), Terminal.system());
    System.exit(code);
  }

  /** The environment variable that {@code --knowledge DIR} overrides for one run. */
  static final String KNOWLEDGE_ENV = "PASTEFIX_KNOWLEDGE_DIR";

  static final String KNOWLEDGE_OPTION = "--knowledge";

  int run(List<String> arguments, Terminal originalTerminal) {
    List<String> args = new ArrayList<>(arguments);
    Terminal terminal = originalTerminal;
    // Global options come before the command; --knowledge DIR wins over PASTEFIX_KNOWLEDGE_DIR.
    while (!args.isEmpty() && args.get(0).startsWith(KNOWLEDGE_OPTION)) {
      String option = args.remove(0);
      String dir;
      if (option.startsWith(KNOWLEDGE_OPTION + "=")) {
        dir = option.substring(KNOWLEDGE_OPTION.length() + 1);
      } else if (option.equals(KNOWLEDGE_OPTION) && !args.isEmpty()) {
        dir = args.remove(0);
      } else {
        terminal.err().println("pastefix: " + KNOWLEDGE_OPTION + " needs a directory.");
        return ExitCodes.USAGE;
      }
      if (dir.isBlank()) {
        terminal.err().println("pastefix: " + KNOWLEDGE_OPTION + " needs a directory.");
        return ExitCodes.USAGE;
      }
      Map<String, String> env = new HashMap<>(terminal.env());
      env.put(KNOWLEDGE_ENV, dir);
      terminal = new Terminal(terminal.in(), terminal.out(), terminal.err(), env);
    }
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
    terminal.out().println("Usage: pastefix [--knowledge DIR] [COMMAND] [ARGS]");
    terminal.out().println();
    terminal.out().println("With no command, runs the bot (console chat when no chat token is set).");
    terminal.out().println();
    terminal.out().println("--knowledge DIR adds an administrator's knowledge files.");
    terminal.out().println();
    terminal.out().println("Commands:");
    for (Command command : commands.values()) {
      terminal.out().printf("  %-28s %s%n", command.name(), command.synopsis());
    }
    terminal.out().printf("  %-28s %s%n", "help", "this text");
  }
}
