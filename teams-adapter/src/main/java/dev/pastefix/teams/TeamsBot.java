package dev.pastefix.teams;

import dev.pastefix.core.Bot;
import dev.pastefix.core.feedback.FeedbackStore;
import dev.pastefix.core.state.SeenEvents;
import dev.pastefix.core.telemetry.Telemetry;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
  static final long SHUTDOWN_WAIT_SECONDS = 5;

  private final ThreadPoolExecutor work;
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
    AtomicInteger threads = new AtomicInteger();
    this.work =
        new ThreadPoolExecutor(
            WORKERS,
            WORKERS,
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(QUEUE),
            r -> {
              Thread t = new Thread(r, "pastefix-teams-" + threads.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    HttpClient http =
        HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.token = new ConnectorToken(config, http, clock);
    ServiceUrls trusted = new ServiceUrls();
    Connector connector = new Connector(config.retry(), token, trusted, http, clock);
    TeamsListener listener =
        new TeamsListener(
            bot, feedback, new AdaptiveCardRenderer(), connector, seen, work, telemetry, clock);
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

  @Override
  public void close() {
    work.shutdown();
    try {
      if (!work.awaitTermination(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS)) {
        work.shutdownNow();
      }
    } catch (InterruptedException e) {
      work.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
