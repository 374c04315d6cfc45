package dev.pastefix.teams;

import dev.pastefix.core.Bot;
import dev.pastefix.core.feedback.FeedbackStore;
import dev.pastefix.core.state.BotState;
import dev.pastefix.core.state.InMemoryTrustedEndpoints;
import dev.pastefix.core.state.SeenEvents;
import dev.pastefix.core.state.TrustedEndpoints;
import dev.pastefix.core.telemetry.Telemetry;
import dev.pastefix.core.work.Workers;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Handler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * pastefix on Microsoft Teams: {@link #handler()} serves {@code POST /api/messages} on whatever
 * Jetty server the application runs; answers go out through the Bot Connector on a bounded pool of
 * workers. Deliveries are de-duplicated through {@link SeenEvents}, votes kept in the {@link
 * FeedbackStore}.
 */
public final class TeamsBot implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(TeamsBot.class);

  /** The path Teams posts activities to; the bot registration's messaging endpoint ends with it. */
  public static final String MESSAGES_PATH = MessagesEndpoint.PATH;

  static final int WORKERS = 4;
  static final int QUEUE = 200;
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  /** Threads posting replies; a throttled conversation holds none of them while it waits. */
  static final int POSTERS = 2;

  private final Workers workers;
  private final ConversationOutbox outbox;
  private final ConnectorToken token;
  private final MessagesEndpoint endpoint;
  private final TeamsListener listener;
  private final Duration staleClaimAfter;
  private final ScheduledExecutorService sweeper =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "pastefix-teams-takeover");
            t.setDaemon(true);
            return t;
          });

  /**
   * pastefix on Teams, its claims, votes and trusted service URLs in {@code state}; a message
   * another instance claimed but left unanswered for {@code staleClaimAfter} (it died) is answered
   * by this one.
   */
  public TeamsBot(
      TeamsConfig config, Bot bot, BotState state, Duration staleClaimAfter, Telemetry telemetry) {
    this(
        config,
        bot,
        state.feedback(),
        state.seenEvents(),
        state.trustedEndpoints(),
        staleClaimAfter,
        telemetry,
        Clock.systemUTC());
  }

  /** pastefix on Teams, with service URLs trusted in this process only. */
  TeamsBot(
      TeamsConfig config,
      Bot bot,
      FeedbackStore feedback,
      SeenEvents seen,
      Telemetry telemetry,
      Clock clock) {
    this(
        config,
        bot,
        feedback,
        seen,
        new InMemoryTrustedEndpoints(clock),
        SeenEvents.DEFAULT_STALE_AFTER,
        telemetry,
        clock);
  }

  TeamsBot(
      TeamsConfig config,
      Bot bot,
      FeedbackStore feedback,
      SeenEvents seen,
      TrustedEndpoints trustedEndpoints,
      Duration staleClaimAfter,
      Telemetry telemetry,
      Clock clock) {
    this.workers = new Workers(TeamsListener.PLATFORM, WORKERS, QUEUE, telemetry);
    HttpClient http =
        HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.token = new ConnectorToken(config, http, clock);
    ServiceUrls trusted = new ServiceUrls(trustedEndpoints, clock);
    Connector connector = new Connector(config.retry(), token, trusted, http, clock);
    this.outbox =
        new ConversationOutbox(
            POSTERS, config.retry().attempts(), config.retry().giveUpAfter(), telemetry, clock);
    this.staleClaimAfter = Objects.requireNonNull(staleClaimAfter, "staleClaimAfter");
    this.listener =
        new TeamsListener(
            bot,
            feedback,
            new AdaptiveCardRenderer(),
            connector,
            outbox,
            seen,
            workers,
            telemetry,
            clock);
    this.endpoint =
        new MessagesEndpoint(new BotFrameworkAuth(config), trusted, listener, telemetry);
    log.info("Teams: configured ({})", config);
  }

  /**
   * Starts looking for messages another instance (or this one before a restart) claimed but never
   * answered: at once, then every quarter of the stale age.
   */
  public void start() {
    long every = Math.max(1000, staleClaimAfter.toMillis() / 4);
    sweeper.scheduleWithFixedDelay(
        () -> {
          try {
            listener.takeOverStale(staleClaimAfter);
          } catch (RuntimeException e) {
            log.debug("looking for stale Teams claims failed", e);
          }
        },
        0,
        every,
        TimeUnit.MILLISECONDS);
  }

  /** The Jetty handler of {@value #MESSAGES_PATH}; other paths fall through to the next one. */
  public Handler handler() {
    return endpoint;
  }

  /** Whether the token endpoint answers, so that replies can be sent. */
  public boolean ready() {
    return token.endpointReachable();
  }

  /**
   * The workers activities are answered on: once stopped, new activities get 503 (the connector
   * delivers them again elsewhere) while those taken are answered; draining waits for them.
   */
  public Workers workers() {
    return workers;
  }

  /** Stops at once: whatever is not answered yet is dropped (drain the workers first). */
  @Override
  public void close() {
    sweeper.shutdownNow();
    workers.close();
    outbox.close();
  }
}
