package dev.pastefix.app;

import dev.pastefix.core.Bot;
import dev.pastefix.core.feedback.FeedbackStore;
import dev.pastefix.core.feedback.InMemoryFeedbackStore;
import dev.pastefix.core.reply.PlainTextRenderer;
import dev.pastefix.discord.DiscordBot;
import dev.pastefix.discord.DiscordStartException;
import dev.pastefix.knowledge.InvalidKnowledgeException;
import dev.pastefix.slack.SlackBot;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * The composition root of the running bot: settings from the environment, the knowledge base, the
 * engine, then the console (no chat platform configured) or the platform adapters.
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
    Startup.Ready ready;
    try {
      Optional<Path> knowledgeDir =
          arguments.option(Startup.KNOWLEDGE_OPTION).map(Path::of).or(settings::knowledgeDir);
      ready =
          startup.start(
              knowledgeDir, settings.dnsResolver(), Settings.dataDirFrom(terminal.env()));
    } catch (InvalidKnowledgeException | Settings.InvalidSettings e) {
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
   * Starts the Slack and Discord adapters that {@code settings} configure, sharing the one engine
   * in {@code ready}, and blocks until the process is stopped.
   */
  int startPlatforms(Settings settings, Startup.Ready ready, Terminal terminal) {
    FeedbackStore feedback = new InMemoryFeedbackStore();
    List<AutoCloseable> running = new ArrayList<>();
    if (settings.slack().isPresent()) {
      try {
        running.add(startSlack(settings.slack().get(), ready.bot(), feedback, terminal));
      } catch (SlackBot.StartFailure e) {
        terminal.err().println("pastefix: Slack: " + e.getMessage());
        closeAll(running);
        return ExitCodes.CONFIG;
      }
    }
    if (settings.discord().isPresent()) {
      try {
        running.add(startDiscord(settings.discord().get(), ready, feedback, terminal));
      } catch (DiscordStartException e) {
        terminal.err().println("pastefix: " + e.getMessage());
        closeAll(running);
        return ExitCodes.CONFIG;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        closeAll(running);
        return ExitCodes.CONFIG;
      }
    }
    return runUntilStopped(running, terminal);
  }

  /** Starts Slack (Socket Mode or HTTP mode, as the settings say); the caller closes it. */
  static SlackBot startSlack(
      Settings.Slack slack, Bot bot, FeedbackStore feedback, Terminal terminal)
      throws SlackBot.StartFailure {
    SlackBot slackBot = SlackPlatform.create(slack, bot, feedback);
    try {
      slackBot.start();
    } catch (SlackBot.StartFailure | RuntimeException e) {
      slackBot.close();
      throw e;
    }
    terminal
        .err()
        .println(
            "pastefix: Slack is running in "
                + (slack.socketMode()
                    ? "Socket Mode"
                    : "HTTP mode on port "
                        + slackBot.httpPort().orElse(slack.httpPort())
                        + " at /slack/events")
                + "; stop with Ctrl-C.");
    return slackBot;
  }

  /** Connects to Discord and registers {@code /pastefix}; the caller closes it. */
  static DiscordBot startDiscord(
      Settings.Discord discord, Startup.Ready ready, FeedbackStore feedback, Terminal terminal)
      throws DiscordStartException, InterruptedException {
    DiscordBot bot = DiscordPlatform.start(discord, ready.bot(), feedback, ready.knowledge());
    terminal
        .err()
        .println(
            "pastefix: Discord is connected"
                + (bot.messageContentEnabled()
                    ? ""
                    : " without the Message Content intent (only /pastefix, DMs and mentions)")
                + "; stop with Ctrl-C.");
    return bot;
  }

  private static int runUntilStopped(List<AutoCloseable> running, Terminal terminal) {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  terminal.err().println("pastefix: stopping");
                  closeAll(running);
                  stopped.countDown();
                },
                "pastefix-shutdown"));
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closeAll(running);
    }
    return ExitCodes.OK;
  }

  private static void closeAll(List<AutoCloseable> running) {
    for (AutoCloseable platform : running) {
      try {
        platform.close();
      } catch (Exception e) {
        // Stopping anyway: one platform failing to close must not keep the others open.
      }
    }
    running.clear();
  }
}
