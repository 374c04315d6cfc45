package dev.pastefix.teams;

import dev.pastefix.core.Bot;
import dev.pastefix.core.feedback.FeedbackStore;
import dev.pastefix.core.state.SeenEvents;
import dev.pastefix.core.telemetry.Telemetry;
import dev.pastefix.core.work.Workers;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
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

  /** pastefix on Teams, reporting what it does to {@code telemetry}. */
  public TeamsBot(
      TeamsConfig config, Bot bot, FeedbackStore feedback, SeenEvents seen, Telemetry telemetry) {
    this(config, bot, feedback, seen, telemetry, Clock.systemUTC());
  }

  TeamsBot(
      TeamsConfig config,
      Bot bot,
      FeedbackStore feedback,
      SeenEvents seen,
      Telemetry telemetry,
      Clock clock) {
    this.workers = new Workers(TeamsListener.PLATFORM, WORKERS, QUEUE, telemetry);
    HttpClient http =
        HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.token = new ConnectorToken(config, http, clock);
    ServiceUrls trusted = new ServiceUrls();
    Connector connector = new Connector(config.retry(), token, trusted, http, clock);
    this.outbox =
        new ConversationOutbox(
            POSTERS, config.retry().attempts(), config.retry().giveUpAfter(), telemetry, clock);
    TeamsListener listener =
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
    workers.close();
    outbox.close();
  }
}
