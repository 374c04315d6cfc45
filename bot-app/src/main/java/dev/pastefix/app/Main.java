package dev.pastefix.app;

import dev.pastefix.core.reply.PlainTextRenderer;
import dev.pastefix.knowledge.KnowledgeLoader;
import dev.pastefix.storage.StateDatabase;
import dev.pastefix.storage.StateStoreException;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Entry point: {@code pastefix [COMMAND] [ARGS]}; with no command it runs the bot. */
public final class Main {
  private final Map<String, Command> commands = new LinkedHashMap<>();

  private final Launcher launcher;

  Main(List<Command> commands, Launcher launcher) {
    this.launcher = launcher;
    for (Command command : commands) {
      this.commands.put(command.name(), command);
    }
  }

  /** Every command of the command line, wired by the composition root. */
  static Main standard() {
    Startup startup = new Startup();
    PlainTextRenderer renderer = new PlainTextRenderer();
    List<Command> all = new ArrayList<>();
    all.add(new DiagnoseCommand(startup, renderer));
    all.add(new EvalCommand(startup));
    all.add(new BenchCommand(startup));
    all.add(new KbCommand(new KnowledgeLoader()));
    all.add(new CheckCommand(new KnowledgeLoader(), Clock.systemUTC()));
    all.add(new StatsCommand(Clock.systemUTC()));
    all.add(new ReviewCommand(Main::storedAnswerLog, new KnowledgeLoader(), Clock.systemUTC()));
    all.add(new LoadTestCommand());
    all.add(new TeamsManifestCommand());
    return new Main(all, new Launcher(startup, Clock.systemUTC()));
  }

  /** The answer log and votes {@code pastefix review} reads: the data directory's database. */
  static ReviewSources.Opened storedAnswerLog(Map<String, String> env)
      throws ReviewSources.Unavailable {
    Settings.Storage storage;
    try {
      storage = Settings.storageFrom(env);
    } catch (Settings.InvalidSettings e) {
      throw new ReviewSources.Unavailable(e.getMessage());
    }
    if (storage.databaseUrl().isEmpty() && storage.dataDir().isEmpty()) {
      throw new ReviewSources.Unavailable(
          "the state is kept in memory (PASTEFIX_DATA_DIR="
              + Settings.IN_MEMORY
              + "); there is no answer log to read.");
    }
    try {
      StateDatabase db =
          StateDatabase.open(RunningState.target(storage), Clock.systemUTC(), storage.retention());
      return new ReviewSources.Opened(db.state().answerLog(), db.state().feedback(), db);
    } catch (StateStoreException | java.io.UncheckedIOException e) {
      throw new ReviewSources.Unavailable(e.getMessage());
    }
  }

  public static void main(String[] args) {
    int code = standard().run(List.of(args), Terminal.system());
    System.exit(code);
  }

  /** The environment variable that {@code --knowledge DIR} overrides for one run. */
  static final String KNOWLEDGE_ENV = "PASTEFIX_KNOWLEDGE_DIR";

  static final String KNOWLEDGE_OPTION = "--knowledge";

  static final String VERSION_OPTION = "--version";

  /** Uses the knowledge directory alone, without the shipped knowledge. */
  static final String NO_SHIPPED_FLAG = "--no-shipped";

  int run(List<String> arguments, Terminal originalTerminal) {
    List<String> args = new ArrayList<>(arguments);
    Terminal terminal = originalTerminal;
    // Global options come before the command; --knowledge DIR wins over PASTEFIX_KNOWLEDGE_DIR.
    while (!args.isEmpty()
        && (args.get(0).startsWith(KNOWLEDGE_OPTION) || args.get(0).equals(NO_SHIPPED_FLAG))) {
      String option = args.remove(0);
      if (option.equals(NO_SHIPPED_FLAG)) {
        Map<String, String> env = new HashMap<>(terminal.env());
        env.put(Settings.KNOWLEDGE_SHIPPED_ENV, "false");
        terminal = terminal.withEnv(env);
        continue;
      }
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
      terminal = terminal.withEnv(env);
    }
    if (args.isEmpty() || args.get(0).equals(Launcher.EPHEMERAL_FLAG)) {
      return launcher.run(args, terminal);
    }
    String name = args.get(0);
    if (name.equals(VERSION_OPTION)) {
      terminal.out().println(BuildInfo.current().describe());
      return ExitCodes.OK;
    }
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
    PrintStream out = terminal.out();
    out.println(
        "Usage: pastefix [--knowledge DIR [--no-shipped]] [--ephemeral]  run the bot: the console chat when no");
    out.println(
        "                                             chat token is set (README, 'Console')");
    out.println("       pastefix [--knowledge DIR [--no-shipped]] COMMAND [ARGS]");
    out.println();
    out.println("Commands:");
    for (Command command : commands.values()) {
      out.println("  " + command.synopsis());
      if (!command.summary().isEmpty()) {
        out.println("      " + command.summary());
      }
    }
    out.println("  help");
    out.println("      this text");
    out.println("  " + VERSION_OPTION);
    out.println("      the version and the commit it was built from");
    out.println();
    out.println("--knowledge DIR (or " + KNOWLEDGE_ENV + ") adds a directory of knowledge files");
    out.println(
        "to the shipped ones; with --no-shipped (or PASTEFIX_KNOWLEDGE_SHIPPED=false) it is");
    out.println(
        "the whole knowledge base. --ephemeral keeps the bot's state in memory for one run");
    out.println("(otherwise in PASTEFIX_DATA_DIR, or PASTEFIX_DATABASE_URL: README, 'Run').");
    out.println();
    out.println("Exit codes:");
    out.println("  " + ExitCodes.OK + "  success; diagnose: an answer or a clarifying question");
    out.println(
        "  " + ExitCodes.NEGATIVE + "  negative result: diagnose found nothing or stayed silent;");
    out.println("     kb validate found problems");
    out.println(
        "  "
            + ExitCodes.USAGE
            + "  wrong usage: unknown command or option, unreadable or bad file");
    out.println(
        "  "
            + ExitCodes.CONFIG
            + "  cannot start: invalid settings or knowledge base (every problem");
    out.println("     is listed), chat platform or state database not available");
  }
}
