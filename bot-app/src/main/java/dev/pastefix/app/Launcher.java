package dev.pastefix.app;

import dev.pastefix.core.admin.AdminCommands;
import dev.pastefix.core.feedback.Votes;
import dev.pastefix.core.pipeline.Pipeline;
import dev.pastefix.core.reply.PlainTextRenderer;
import dev.pastefix.core.state.ConversationKey;
import dev.pastefix.core.state.FallbackState;
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
import java.util.Optional;

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
   * {@code pastefix [--knowledge DIR] [--ephemeral]}, the bot's command line alone: runs until the
   * console ends or the process is stopped.
   */
  int run(List<String> args, Terminal terminal) {
    return new Main(List.of(), this).run(args, terminal);
  }

  /**
   * Runs the bot over the knowledge {@code terminal}'s environment names, its state in memory when
   * {@code ephemeral}.
   */
  int run(boolean ephemeral, Terminal terminal) {
    Announcer early = Announcer.text(terminal.err());
    try {
      Settings.Service logging = Settings.loggingFrom(terminal.env());
      if (logging.logFormat() == Settings.LogFormat.JSON) {
        // Even a start that fails on its settings writes JSON lines when JSON was asked for.
        Logs.configure(logging.logFormat(), logging.logLevel(), terminal.err());
        early = new Announcer(logging.logFormat(), terminal.err());
      }
    } catch (Settings.InvalidSettings e) {
      // Reported below, with every other problem of the settings.
    }
    Settings settings;
    Settings.Storage storage;
    try {
      settings = Settings.from(terminal.env());
      storage = Settings.storageFrom(terminal.env());
    } catch (Settings.InvalidSettings e) {
      early.problem(e.getMessage());
      return ExitCodes.CONFIG;
    }
    if (ephemeral) {
      storage = storage.ephemeral();
    }
    Settings.Service service = settings.service();
    Announcer announcer;
    if (settings.consoleOnly()) {
      // The console's own lines are for the person at the terminal; its log goes elsewhere.
      announcer = Announcer.text(terminal.err());
    } else {
      Logs.configure(service.logFormat(), service.logLevel(), terminal.err());
      announcer = new Announcer(service.logFormat(), terminal.err());
    }
    RunningState state;
    try {
      state = RunningState.open(storage, clock);
    } catch (StateStoreException | UncheckedIOException e) {
      // One line naming the database without its password; the exit code says "cannot start".
      announcer.problem("pastefix cannot start: " + e.getMessage());
      return ExitCodes.CONFIG;
    }
    try {
      if (settings.consoleOnly()) {
        // The chat is on this terminal: the log goes to a file beside the state instead.
        announcer.info(
            "pastefix: log in " + Logs.forConsole(service, storage.dataDir(), terminal.err()));
      }
      return run(settings, storage, state, terminal, announcer);
    } finally {
      if (!startup.flushAnswerLog(Startup.ANSWER_LOG_FLUSH)) {
        announcer.problem("pastefix: the last answers may be missing from the answer log");
      }
      state.close();
    }
  }

  private int run(
      Settings settings,
      Settings.Storage storage,
      RunningState state,
      Terminal terminal,
      Announcer announcer) {
    Startup.Ready ready;
    KnowledgeSources knowledge;
    try {
      knowledge = Settings.knowledgeFrom(terminal.env());
    } catch (Settings.InvalidSettings e) {
      announcer.problem(e.getMessage());
      return ExitCodes.CONFIG;
    }
    try {
      ready = startup.start(knowledge, settings.dnsResolver(), state.state(), storage.dataDir());
    } catch (InvalidKnowledgeException e) {
      announcer.problem("pastefix cannot start: " + e.getMessage());
      return ExitCodes.CONFIG;
    } catch (RuntimeException e) {
      // A bad path or a failure while training: say so in one line instead of a stack trace.
      announcer.problem("pastefix cannot start: " + e);
      return ExitCodes.CONFIG;
    }
    announcer.info("pastefix: state in " + state.describe());
    announcer.info(
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
          Optional.of(state.fallback()),
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
    return startPlatforms(
        settings, ready, admin, inUse, staleClaimAfter, Optional.empty(), terminal);
  }

  /** As above, {@code /readyz} and the metrics reporting the health of {@code store}. */
  int startPlatforms(
      Settings settings,
      Startup.Ready ready,
      AdminCommands admin,
      KnowledgeInUse inUse,
      Duration staleClaimAfter,
      Optional<FallbackState> store,
      Terminal terminal) {
    Announcer announcer = new Announcer(settings.service().logFormat(), terminal.err());
    RunningBot running;
    try {
      running = RunningBot.start(settings, ready, admin, inUse, staleClaimAfter, terminal.err());
    } catch (Platform.StartFailure e) {
      announcer.problem("pastefix: " + e.getMessage());
      return ExitCodes.CONFIG;
    }
    store.ifPresent(running::watch);
    Signals.onStop(running::stop, announcer);
    try {
      running.awaitStopped();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running.stop();
    }
    announcer.info("pastefix: stopped");
    return ExitCodes.OK;
  }
}
