package dev.pastefix.app;

import dev.pastefix.core.reply.PlainTextRenderer;
import dev.pastefix.knowledge.KnowledgeLoader;
import dev.pastefix.storage.StateDatabase;
import dev.pastefix.storage.StateStoreException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * Entry point: {@code pastefix [COMMAND] [ARGS]}; with no command it runs the bot. The command line
 * is picocli's model of the commands: help, suggestions for mistyped words, completion and the
 * reference page all come from it.
 */
public final class Main {
  private final CommandLine root;

  /**
   * The command line of {@code commands} under the bot's own command, which {@code launcher} runs.
   * The tree is built once: picocli resets every option before each {@link #run}.
   */
  Main(List<Command> commands, Launcher launcher) {
    root = line(new BotCommand(launcher));
    for (Command command : commands) {
      root.addSubcommand(line(command));
    }
    root.addSubcommand(line(new CompletionCommand()));
    root.addSubcommand(helpCommand());
    root.setUsageHelpWidth(USAGE_WIDTH);
  }

  /** The command line of {@code commands} alone, with the bot as the root (for tests). */
  static Main of(Command... commands) {
    return new Main(List.of(commands), new Launcher(new Startup(), Clock.systemUTC()));
  }

  /** picocli's help command, described in the words of the other commands. */
  private static CommandLine helpCommand() {
    CommandLine help = new CommandLine(new CommandLine.HelpCommand());
    help.getCommandSpec()
        .usageMessage()
        .header(new String[0])
        .synopsisHeading("Usage: ")
        .description("Show the help of pastefix, or of COMMAND (the same as COMMAND --help).")
        .exitCodeListHeading("%nExit codes:%n")
        .exitCodeList(helpExitCodes())
        .footerHeading("%nExamples:%n")
        .footer("  pastefix help", "  pastefix help diagnose");
    return help;
  }

  private static Map<String, String> helpExitCodes() {
    Map<String, String> codes = new java.util.LinkedHashMap<>();
    codes.put("0", "the help was printed");
    codes.put("2", "no such command");
    return codes;
  }

  private static CommandLine line(Command command) {
    CommandLine line = new CommandLine(command);
    if (!(command instanceof BotCommand)) {
      line.getCommandSpec()
          .addMixin("help", CommandLine.Model.CommandSpec.forAnnotatedObject(new HelpOption()));
    }
    for (Command sub : command.subcommands()) {
      line.addSubcommand(line(sub));
    }
    return line;
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

  /** Columns of the help text: fixed, so the reference page does not depend on the terminal. */
  static final int USAGE_WIDTH = 100;

  /** The root of the command tree (for the reference page and completion). */
  CommandLine commandLine() {
    return root;
  }

  int run(List<String> arguments, Terminal terminal) {
    PrintWriter out = writer(terminal.out());
    PrintWriter err = writer(terminal.err());
    root.setOut(out);
    root.setErr(err);
    root.setColorScheme(
        CommandLine.Help.defaultColorScheme(
            terminal.emphasis() == PlainTextRenderer.Emphasis.ANSI_BOLD
                ? CommandLine.Help.Ansi.ON
                : CommandLine.Help.Ansi.OFF));
    root.setExecutionStrategy(parsed -> execute(parsed, terminal));
    root.setParameterExceptionHandler(Main::usageError);
    root.setExecutionExceptionHandler(
        (e, line, parsed) -> {
          line.getErr().println(line.getCommandSpec().qualifiedName() + ": " + e.getMessage());
          return ExitCodes.NEGATIVE;
        });
    try {
      return root.execute(arguments.toArray(new String[0]));
    } finally {
      out.flush();
      err.flush();
    }
  }

  /**
   * Runs the command the words selected: help when asked for, else the command, with the knowledge
   * options of every level (before and after the command's name) applied to the environment it
   * sees.
   */
  private static int execute(CommandLine.ParseResult parsed, Terminal terminal) {
    Integer help = CommandLine.executeHelpRequest(parsed);
    if (help != null) {
      return help;
    }
    List<CommandLine> path = parsed.asCommandLineList();
    Map<String, String> env = terminal.env();
    for (CommandLine level : path) {
      for (CommandLine.Model.CommandSpec mixin : level.getCommandSpec().mixins().values()) {
        if (mixin.userObject() instanceof KnowledgeOptions) {
          env = ((KnowledgeOptions) mixin.userObject()).applyTo(env);
        }
      }
    }
    CommandLine last = path.get(path.size() - 1);
    if (!(last.getCommand() instanceof Command)) {
      // picocli's own help command.
      return new CommandLine.RunLast().execute(parsed);
    }
    Command command = (Command) last.getCommand();
    if (!command.subcommands().isEmpty()) {
      throw new CommandLine.ParameterException(
          last,
          last.getCommandName()
              + " needs a sub-command: "
              + String.join(", ", last.getSubcommands().keySet()));
    }
    try {
      return command.execute(terminal.withEnv(env));
    } catch (Command.UsageError e) {
      throw new CommandLine.ParameterException(last, e.getMessage(), e);
    } catch (CommandLine.ParameterException e) {
      throw e;
    } catch (Exception e) {
      throw new CommandLine.ExecutionException(last, e.getMessage(), e);
    }
  }

  /**
   * Wrong usage: what was wrong, "did you mean" for a mistyped command or option, the usage line,
   * and where the full help is; exit code 2.
   */
  private static int usageError(CommandLine.ParameterException e, String[] args) {
    CommandLine line = e.getCommandLine();
    PrintWriter err = line.getErr();
    String name = line.getCommandSpec().qualifiedName();
    err.println(name + ": " + e.getMessage());
    CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
    err.print("Usage: " + line.getHelp().synopsis(0));
    err.println("Try '" + name + " --help' for more information.");
    return ExitCodes.USAGE;
  }

  private static PrintWriter writer(PrintStream stream) {
    return new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
  }
}
