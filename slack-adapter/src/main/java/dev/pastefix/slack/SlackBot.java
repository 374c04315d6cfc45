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
import dev.pastefix.core.state.InMemoryAnswerLog;
import dev.pastefix.core.state.InMemoryConversationStore;
import dev.pastefix.core.state.InMemoryPendingCheckStore;
import dev.pastefix.core.state.InMemorySeenEvents;
import dev.pastefix.core.state.InMemoryShareableReplies;
import dev.pastefix.core.state.SeenEvents;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * pastefix in Slack: a Bolt app in Socket Mode (app token) or HTTP mode (signing secret) that hands
 * messages to the engine and posts its replies. {@link #start()} checks the bot token with Slack
 * first so that a wrong token or an unreachable Slack fails with a clear message.
 */
public final class SlackBot implements AutoCloseable {
  /** Threads that run the engine and the Web API calls, off Slack's acknowledgement path. */
  static final int WORKERS = 4;

  /** Pending tasks beyond which new events are dropped with a warning rather than queued. */
  static final int QUEUE = 256;

  /** Socket Mode messages handled at once, so that one slow handler does not block the socket. */
  static final int SOCKET_CONCURRENCY = 4;

  private static final Logger log = LoggerFactory.getLogger(SlackBot.class);

  private final SlackOptions options;
  private final Bot bot;
  private final BotState state;
  private final Duration staleClaimAfter;
  private final Clock clock;
  private Slack slack;
  private App app;
  private ThreadPoolExecutor work;
  private HttpModeServer httpServer;
  private SocketModeApp socketApp;
  private SlackHandlers handlers;
  private ScheduledExecutorService sweeper;

  /** A bot whose state lives in this process only, with feedback recorded in {@code feedback}. */
  public SlackBot(SlackOptions options, Bot bot, FeedbackStore feedback) {
    this(
        options,
        bot,
        new BotState(
            new InMemorySeenEvents(Clock.systemUTC()),
            new InMemoryConversationStore(Clock.systemUTC()),
            new InMemoryPendingCheckStore(Clock.systemUTC()),
            new InMemoryShareableReplies(Clock.systemUTC()),
            feedback,
            new InMemoryAnswerLog(Clock.systemUTC(), BotState.DEFAULT_RETENTION)),
        SeenEvents.DEFAULT_STALE_AFTER,
        Clock.systemUTC());
  }

  /**
   * A bot keeping its claims, shareable replies and votes in {@code state}; a message another
   * instance claimed but left unanswered for {@code staleClaimAfter} is answered by this one.
   */
  public SlackBot(
      SlackOptions options, Bot bot, BotState state, Duration staleClaimAfter, Clock clock) {
    this.options = Objects.requireNonNull(options, "options");
    this.bot = Objects.requireNonNull(bot, "bot");
    this.state = Objects.requireNonNull(state, "state");
    this.staleClaimAfter = Objects.requireNonNull(staleClaimAfter, "staleClaimAfter");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Thrown when Slack cannot be started; the message says what to fix and holds no token. */
  public static final class StartFailure extends Exception {
    private static final long serialVersionUID = 1L;

    StartFailure(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** Connects to Slack (Socket Mode) or starts listening (HTTP mode). */
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
            .ignoringSelfEventsEnabled(false);
    if (options.socketMode()) {
      appConfig.requestVerificationEnabled(false);
    } else {
      appConfig.signingSecret(options.signingSecret().orElseThrow());
    }
    app = new App(appConfig.build());
    work = executor();
    handlers =
        new SlackHandlers(
            bot,
            state.feedback(),
            state.seenEvents(),
            state.shareableReplies(),
            new BlockKitRenderer(),
            new SlackReplies(slack, options.botToken()),
            work,
            clock);
    handlers.register(app);

    if (options.socketMode()) {
      startSocketMode();
    } else {
      startHttpMode();
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
    try {
      AuthTestResponse auth = slack.methods(options.botToken()).authTest(r -> r);
      if (!auth.isOk()) {
        throw new StartFailure(
            "Slack rejected SLACK_BOT_TOKEN (" + auth.getError() + "); check the bot token", null);
      }
      log.info("Slack: signed in as {} in team {}", auth.getUser(), auth.getTeam());
    } catch (IOException e) {
      throw new StartFailure(
          "cannot reach the Slack Web API at " + options.apiUrl() + ": " + e.getMessage(), e);
    } catch (SlackApiException e) {
      throw new StartFailure(
          "the Slack Web API at "
              + options.apiUrl()
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
      log.info("Slack: connected in Socket Mode");
    } catch (Exception e) {
      throw new StartFailure(
          "cannot open a Socket Mode connection (check SLACK_APP_TOKEN and that Socket Mode is"
              + " enabled for the app): "
              + e.getMessage(),
          e);
    }
  }

  private void startHttpMode() throws StartFailure {
    try {
      app.start();
      httpServer = new HttpModeServer(app, options.httpPort());
      httpServer.start();
    } catch (IOException e) {
      throw new StartFailure(
          "cannot listen on port " + options.httpPort() + " for Slack: " + e.getMessage(), e);
    }
  }

  /** The port HTTP mode listens on (useful when started on port 0); empty in Socket Mode. */
  public synchronized OptionalInt httpPort() {
    return httpServer == null ? OptionalInt.empty() : OptionalInt.of(httpServer.port());
  }

  private static ThreadPoolExecutor executor() {
    AtomicInteger count = new AtomicInteger();
    return new ThreadPoolExecutor(
        WORKERS,
        WORKERS,
        60,
        TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(QUEUE),
        r -> {
          Thread t = new Thread(r, "pastefix-slack-" + count.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
  }

  @Override
  public synchronized void close() {
    if (sweeper != null) {
      sweeper.shutdownNow();
      sweeper = null;
    }
    if (socketApp != null) {
      try {
        socketApp.close();
      } catch (Exception e) {
        log.warn("closing the Socket Mode connection failed: {}", e.getMessage());
      }
      socketApp = null;
    }
    if (httpServer != null) {
      httpServer.close();
      httpServer = null;
    }
    if (work != null) {
      work.shutdown();
      try {
        if (!work.awaitTermination(10, TimeUnit.SECONDS)) {
          work.shutdownNow();
        }
      } catch (InterruptedException e) {
        work.shutdownNow();
        Thread.currentThread().interrupt();
      }
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
