package dev.pastefix.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.auth.AuthTestResponse;
import com.slack.api.socket_mode.SocketModeClient;
import dev.pastefix.core.Bot;
import dev.pastefix.core.feedback.FeedbackStore;
import dev.pastefix.core.state.BotState;
import dev.pastefix.core.state.SeenEvents;
import dev.pastefix.core.telemetry.SafeUrl;
import dev.pastefix.core.telemetry.Telemetry;
import dev.pastefix.core.work.Workers;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Handler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * pastefix in Slack: a Bolt app in Socket Mode (app token) or HTTP mode (signing secret, served by
 * {@link #httpHandler()} on the application's HTTP server) that hands messages to the engine and
 * posts its replies. {@link #start()} checks the bot token with Slack first so that a wrong token
 * or an unreachable Slack fails with a clear message. The bot and the posting run on separate
 * bounded pools; events beyond the workers' capacity are refused before acknowledgement.
 */
public final class SlackBot implements AutoCloseable {
  /** Socket Mode messages handled at once, so that one slow handler does not block the socket. */
  static final int SOCKET_CONCURRENCY = 4;

  private static final Logger log = LoggerFactory.getLogger(SlackBot.class);

  private final SlackOptions options;
  private final Bot bot;
  private final BotState state;
  private final Duration staleClaimAfter;
  private final Telemetry telemetry;
  private final Clock clock;
  private final Workers workers;
  private Slack slack;
  private App app;
  private Outbox outbox;
  private SlackEventsHandler httpHandler;
  private SocketModeApp socketApp;
  private SlackHandlers handlers;
  private ScheduledExecutorService sweeper;

  /** A bot whose state lives in this process only, with feedback recorded in {@code feedback}. */
  public SlackBot(SlackOptions options, Bot bot, FeedbackStore feedback) {
    this(options, bot, feedback, Telemetry.inMemory(), Clock.systemUTC());
  }

  /** As {@link #SlackBot(SlackOptions, Bot, FeedbackStore)}, counting into {@code telemetry}. */
  public SlackBot(
      SlackOptions options, Bot bot, FeedbackStore feedback, Telemetry telemetry, Clock clock) {
    this(
        options,
        bot,
        BotState.inMemory(clock).withFeedback(feedback),
        SeenEvents.DEFAULT_STALE_AFTER,
        telemetry,
        clock);
  }

  /**
   * A bot keeping its claims, shareable replies and votes in {@code state}; a message another
   * instance claimed but left unanswered for {@code staleClaimAfter} is answered by this one.
   */
  public SlackBot(
      SlackOptions options, Bot bot, BotState state, Duration staleClaimAfter, Clock clock) {
    this(options, bot, state, staleClaimAfter, Telemetry.inMemory(), clock);
  }

  /** As above, counting into {@code telemetry}. */
  public SlackBot(
      SlackOptions options,
      Bot bot,
      BotState state,
      Duration staleClaimAfter,
      Telemetry telemetry,
      Clock clock) {
    this.options = Objects.requireNonNull(options, "options");
    this.bot = Objects.requireNonNull(bot, "bot");
    this.state = Objects.requireNonNull(state, "state");
    this.staleClaimAfter = Objects.requireNonNull(staleClaimAfter, "staleClaimAfter");
    this.telemetry = Objects.requireNonNull(telemetry, "telemetry");
    this.clock = Objects.requireNonNull(clock, "clock");
    SlackOptions.Capacity capacity = options.capacity();
    this.workers =
        new Workers(SlackReplies.PLATFORM, capacity.engineThreads(), capacity.backlog(), telemetry);
  }

  /** Thrown when Slack cannot be started; the message says what to fix and holds no token. */
  public static final class StartFailure extends Exception {
    private static final long serialVersionUID = 1L;

    StartFailure(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * Checks the token, then connects to Slack (Socket Mode) or prepares {@link #httpHandler()} (HTTP
   * mode), which the caller mounts on its HTTP server.
   */
  public synchronized void start() throws StartFailure {
    if (app != null) {
      throw new IllegalStateException("already started");
    }
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(options.methodsUrlPrefix());
    config.setStatsEnabled(false);
    slack = Slack.getInstance(config);
    checkBotToken();

    AppConfig.AppConfigBuilder appConfig =
        AppConfig.builder()
            .slack(slack)
            .singleTeamBotToken(options.botToken())
            // Edits, joins, bot posts and events without a handler are acknowledged and dropped,
            // so that Slack does not retry them.
            .subtypedMessageEventsAutoAckEnabled(true)
            .allEventsApiAutoAckEnabled(true)
            // The handlers drop every bot's messages themselves; Bolt's own check would call
            // bots.info (a scope the app does not ask for) for each of them.
            .ignoringSelfEventsEnabled(false)
            // HTTP mode: SlackEventsHandler verifies every request (both ways in time, in
            // constant time, over the raw bytes) before Bolt sees it.
            .requestVerificationEnabled(false);
    options.signingSecret().ifPresent(appConfig::signingSecret);
    app = new App(appConfig.build());
    SlackOptions.Capacity capacity = options.capacity();
    outbox = new Outbox(capacity.postingThreads(), capacity.postAttempts());
    handlers =
        new SlackHandlers(
            bot,
            state.feedback(),
            state.seenEvents(),
            state.shareableReplies(),
            new BlockKitRenderer(),
            new SlackReplies(slack, options.botToken(), telemetry),
            workers,
            outbox,
            capacity.channelPace(),
            telemetry,
            clock);
    handlers.register(app);

    if (options.socketMode()) {
      app.use(
          (request, response, chain) -> {
            long started = System.nanoTime();
            com.slack.api.bolt.response.Response answer = chain.next(request);
            telemetry.acknowledged(
                SlackReplies.PLATFORM, Duration.ofNanos(System.nanoTime() - started));
            return answer;
          });
      startSocketMode();
    } else {
      app.start();
      httpHandler =
          new SlackEventsHandler(app, options.signingSecret().orElseThrow(), telemetry, clock);
    }
    startSweeper();
  }

  /**
   * Looks for messages another instance (or this one before a restart) claimed but never answered,
   * at start and then every quarter of the stale age, and answers them.
   */
  private void startSweeper() {
    sweeper =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "pastefix-slack-takeover");
              t.setDaemon(true);
              return t;
            });
    long every = Math.max(1000, staleClaimAfter.toMillis() / 4);
    sweeper.scheduleWithFixedDelay(
        () -> {
          try {
            handlers.takeOverStale(staleClaimAfter);
          } catch (RuntimeException e) {
            log.debug("looking for stale claims failed", e);
          }
        },
        0,
        every,
        TimeUnit.MILLISECONDS);
  }

  private void checkBotToken() throws StartFailure {
    String where = SafeUrl.of(options.apiUrl());
    try {
      AuthTestResponse auth = slack.methods(options.botToken()).authTest(r -> r);
      if (!auth.isOk()) {
        throw new StartFailure(
            "Slack rejected SLACK_BOT_TOKEN (" + auth.getError() + "); check the bot token", null);
      }
      log.info("Slack: signed in as {} in team {}", auth.getUser(), auth.getTeam());
    } catch (IOException e) {
      throw new StartFailure(
          "cannot reach the Slack Web API at " + where + ": " + e.getClass().getSimpleName(), e);
    } catch (SlackApiException e) {
      throw new StartFailure(
          "the Slack Web API at "
              + where
              + " answered HTTP "
              + (e.getResponse() == null ? "?" : e.getResponse().code())
              + " to auth.test",
          e);
    }
  }

  private void startSocketMode() throws StartFailure {
    try {
      socketApp =
          new SocketModeApp(
              options.appToken().orElseThrow(),
              app,
              SocketModeClient.Backend.Tyrus,
              SOCKET_CONCURRENCY);
      socketApp.startAsync();
      log.info("Slack: connecting in Socket Mode");
    } catch (Exception e) {
      throw new StartFailure(
          "cannot open a Socket Mode connection (check SLACK_APP_TOKEN and that Socket Mode is"
              + " enabled for the app): "
              + e.getMessage(),
          e);
    }
  }

  /** HTTP mode's Jetty handler ({@value SlackEventsHandler#EVENTS_PATH}); empty in Socket Mode. */
  public synchronized Optional<Handler> httpHandler() {
    return Optional.ofNullable(httpHandler);
  }

  /** The port the settings ask HTTP mode to listen on. */
  public int httpPort() {
    return options.httpPort();
  }

  /**
   * Whether Slack can reach the bot: in Socket Mode the WebSocket session is open; in HTTP mode the
   * handler is ready and still accepting.
   */
  public synchronized boolean connected() {
    if (socketApp != null) {
      return !socketApp.isClientStopped() && socketApp.getClient().verifyConnection();
    }
    return httpHandler != null;
  }

  /** The workers events are answered on: their stop and drain are the bot's. */
  public Workers workers() {
    return workers;
  }

  /**
   * Takes no new events from now on (the workers refuse them, HTTP mode answers 503, Socket Mode
   * closes its session), so that Slack delivers them again to a running instance; work already
   * acknowledged goes on.
   */
  public synchronized void stopAccepting() {
    workers.stopAccepting();
    if (httpHandler != null) {
      httpHandler.stopAccepting();
    }
    if (socketApp != null) {
      try {
        socketApp.close();
      } catch (Exception e) {
        log.warn("closing the Socket Mode connection failed: {}", e.getMessage());
      }
      socketApp = null;
    }
  }

  /** Stops at once: whatever is not answered yet is dropped (drain the workers first). */
  @Override
  public synchronized void close() {
    if (sweeper != null) {
      sweeper.shutdownNow();
      sweeper = null;
    }
    stopAccepting();
    workers.close();
    if (outbox != null) {
      outbox.close();
    }
    if (app != null) {
      app.stop();
    }
    if (slack != null) {
      try {
        slack.close();
      } catch (Exception e) {
        log.debug("closing the Slack client failed: {}", e.getMessage());
      }
    }
  }

  @Override
  public String toString() {
    return "SlackBot[" + options + "]";
  }
}
