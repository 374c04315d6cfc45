package dev.pastefix.app;

import dev.pastefix.core.admin.AdminCommands;
import dev.pastefix.core.feedback.Votes;
import dev.pastefix.core.pipeline.Pipeline;
import dev.pastefix.core.reply.PlainTextRenderer;
import dev.pastefix.core.state.ConversationKey;
import dev.pastefix.core.telemetry.Telemetry;
import dev.pastefix.knowledge.InvalidKnowledgeException;
import dev.pastefix.knowledge.KnowledgeSources;
import dev.pastefix.storage.StateStoreException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The composition root of the running bot: settings from the environment, the knowledge base, the
 * engine, then the console (no chat platform configured) or the configured platforms as a service.
 */
final class Launcher {
  private final Startup startup;
  private final Clock clock;

  Launcher(Startup startup, Clock clock) {
    this.startup = Objects.requireNonNull(startup, "startup");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Keeps the state in memory for this run, whatever the environment says. */
  static final String EPHEMERAL_FLAG = "--ephemeral";

  /**
   * {@code pastefix [--knowledge DIR] [--ephemeral]}: runs until the console ends or the process is
   * stopped.
   */
  int run(List<String> args, Terminal terminal) {
    Arguments arguments;
    try {
      arguments =
          Arguments.parse(
              args,
              Set.of(EPHEMERAL_FLAG, Startup.NO_SHIPPED_FLAG),
              Set.of(Startup.KNOWLEDGE_OPTION));
      if (!arguments.positionals().isEmpty()) {
        throw new Arguments.UsageException("unexpected '" + arguments.positionals().get(0) + "'");
      }
    } catch (Arguments.UsageException e) {
      terminal.err().println("pastefix: " + e.getMessage() + "; try 'pastefix help'.");
      return ExitCodes.USAGE;
    }
    Settings settings;
    Settings.Storage storage;
    try {
      settings = Settings.from(terminal.env());
      storage = Settings.storageFrom(terminal.env());
    } catch (Settings.InvalidSettings e) {
      terminal.err().println(e.getMessage());
      return ExitCodes.CONFIG;
    }
    if (arguments.flag(EPHEMERAL_FLAG)) {
      storage = storage.ephemeral();
    }
    if (!settings.consoleOnly()) {
      // The console keeps the quiet default; a service logs as the operator asked.
      Logs.configure(settings.service());
    }
    RunningState state;
    try {
      state = RunningState.open(storage, clock);
    } catch (StateStoreException | UncheckedIOException e) {
      // One line naming the database without its password; the exit code says "cannot start".
      terminal.err().println("pastefix cannot start: " + e.getMessage());
      return ExitCodes.CONFIG;
    }
    try {
      return run(arguments, settings, storage, state, terminal);
    } finally {
      if (!startup.flushAnswerLog(Startup.ANSWER_LOG_FLUSH)) {
        terminal.err().println("pastefix: the last answers may be missing from the answer log");
      }
      state.close();
    }
  }

  private int run(
      Arguments arguments,
      Settings settings,
      Settings.Storage storage,
      RunningState state,
      Terminal terminal) {
    Startup.Ready ready;
    KnowledgeSources knowledge;
    try {
      knowledge = Startup.knowledge(arguments, terminal.env());
    } catch (Settings.InvalidSettings e) {
      terminal.err().println(e.getMessage());
      return ExitCodes.CONFIG;
    }
    try {
      ready = startup.start(knowledge, settings.dnsResolver(), state.state(), storage.dataDir());
    } catch (InvalidKnowledgeException e) {
      terminal.err().println("pastefix cannot start: " + e.getMessage());
      return ExitCodes.CONFIG;
    } catch (RuntimeException e) {
      // A bad path or a failure while training: say so in one line instead of a stack trace.
      terminal.err().println("pastefix cannot start: " + e);
      return ExitCodes.CONFIG;
    }
    terminal.err().println("pastefix: state in " + state.describe());
    terminal
        .err()
        .println(
            BuildInfo.current().describe()
                + ": "
                + ready.describe()
                + " ("
                + ManagementFactory.getRuntimeMXBean().getUptime()
                + " ms after the JVM started)");
    try (AdminDesk admin =
        AdminDesk.open(
            startup,
            ready,
            knowledge,
            settings.dnsResolver(),
            state.state(),
            settings.admins(),
            clock,
            true)) {
      if (settings.consoleOnly()) {
        Telemetry telemetry = Telemetry.inMemory();
        Pipeline bot = ready.bot(admin.commands(), telemetry);
        ConsoleAdapter console =
            new ConsoleAdapter(
                bot,
                new Votes(state.state().feedback(), bot::hasEntry, telemetry, clock),
                state.state().conversations(),
                new PlainTextRenderer().withEmphasis(terminal.emphasis()),
                clock,
                ConversationKey.of(
                    "console", "local", ProcessHandle.current().pid() + "-" + clock.millis()));
        return console.run(terminal);
      }
      return startPlatforms(
          settings,
          ready,
          admin.commands(),
          admin.knowledgeInUse(),
          storage.staleClaimAfter(),
          terminal);
    }
  }

  /**
   * Starts every platform {@code settings} configure, sharing the one pipeline over {@code ready}
   * (its engine and state) with {@code admin}'s commands, the knowledge metric and readiness
   * following {@code inUse}, with the management endpoints, and blocks until a signal stops them
   * gracefully.
   */
  int startPlatforms(
      Settings settings,
      Startup.Ready ready,
      AdminCommands admin,
      KnowledgeInUse inUse,
      Duration staleClaimAfter,
      Terminal terminal) {
    RunningBot running;
    try {
      running = RunningBot.start(settings, ready, admin, inUse, staleClaimAfter, terminal.err());
    } catch (Platform.StartFailure e) {
      terminal.err().println("pastefix: " + e.getMessage());
      return ExitCodes.CONFIG;
    }
    Signals.onStop(running::stop);
    try {
      running.awaitStopped();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running.stop();
    }
    terminal.err().println("pastefix: stopped");
    return ExitCodes.OK;
  }
}
