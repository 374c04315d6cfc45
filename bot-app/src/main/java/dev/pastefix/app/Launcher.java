package dev.pastefix.app;

import dev.pastefix.core.feedback.InMemoryFeedbackStore;
import dev.pastefix.core.reply.PlainTextRenderer;
import dev.pastefix.knowledge.InvalidKnowledgeException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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

  /** {@code pastefix [--knowledge DIR]}: runs until the console ends or the process is stopped. */
  int run(List<String> args, Terminal terminal) {
    Arguments arguments;
    try {
      arguments = Arguments.parse(args, Set.of(), Set.of(Startup.KNOWLEDGE_OPTION));
      if (!arguments.positionals().isEmpty()) {
        throw new Arguments.UsageException("unexpected '" + arguments.positionals().get(0) + "'");
      }
    } catch (Arguments.UsageException e) {
      terminal.err().println("pastefix: " + e.getMessage() + "; try 'pastefix help'.");
      return ExitCodes.USAGE;
    }
    Settings settings;
    try {
      settings = Settings.from(terminal.env());
    } catch (Settings.InvalidSettings e) {
      terminal.err().println(e.getMessage());
      return ExitCodes.CONFIG;
    }
    if (!settings.consoleOnly()) {
      // The console keeps the quiet default; a service logs as the operator asked.
      Logs.configure(settings.service());
    }
    Startup.Ready ready;
    try {
      Optional<Path> knowledgeDir =
          arguments.option(Startup.KNOWLEDGE_OPTION).map(Path::of).or(settings::knowledgeDir);
      ready = startup.start(knowledgeDir, settings.dnsResolver());
    } catch (InvalidKnowledgeException e) {
      terminal.err().println("pastefix cannot start: " + e.getMessage());
      return ExitCodes.CONFIG;
    } catch (RuntimeException e) {
      // A bad path or a failure while training: say so in one line instead of a stack trace.
      terminal.err().println("pastefix cannot start: " + e);
      return ExitCodes.CONFIG;
    }
    terminal
        .err()
        .println(
            "pastefix: "
                + ready.describe()
                + " ("
                + ManagementFactory.getRuntimeMXBean().getUptime()
                + " ms after the JVM started)");
    if (settings.consoleOnly()) {
      ConsoleAdapter console =
          new ConsoleAdapter(
              ready.bot(),
              new InMemoryFeedbackStore(),
              new PlainTextRenderer(),
              clock,
              "console:" + ProcessHandle.current().pid() + ":" + clock.millis());
      return console.run(terminal);
    }
    return startPlatforms(settings, ready, terminal);
  }

  /**
   * Starts every platform {@code settings} configure, sharing the one engine in {@code ready}, with
   * the management endpoints, and blocks until a signal stops them gracefully.
   */
  int startPlatforms(Settings settings, Startup.Ready ready, Terminal terminal) {
    RunningBot running;
    try {
      running = RunningBot.start(settings, ready, terminal.err());
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
