package dev.pastefix.teams;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends replies to the Bot Connector: {@code POST {serviceUrl}/v3/conversations/{id}/activities/
 * {replyToId}} with the app's token. Only addresses a validated activity came from are called. One
 * call is one attempt; 429 and 5xx answer with the wait before the next (exponential backoff, or
 * what {@code Retry-After} asks), which {@link ConversationOutbox} schedules.
 */
final class Connector {
  private static final Logger log = LoggerFactory.getLogger(Connector.class);

  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);

  private final TeamsConfig.Retry retry;
  private final ConnectorToken token;
  private final ServiceUrls trusted;
  private final HttpClient http;
  private final Clock clock;

  Connector(
      TeamsConfig.Retry retry,
      ConnectorToken token,
      ServiceUrls trusted,
      HttpClient http,
      Clock clock) {
    this.retry = retry;
    this.token = token;
    this.trusted = trusted;
    this.http = http;
    this.clock = clock;
  }

  /** Where a reply to {@code replyToId} in a conversation goes. */
  static URI replyUri(String serviceUrl, String conversationId, String replyToId) {
    return URI.create(
        ServiceUrls.normalise(serviceUrl)
            + "v3/conversations/"
            + segment(conversationId)
            + "/activities/"
            + segment(replyToId));
  }

  /** How one attempt to post a reply ended. */
  sealed interface Attempt {
    /** The connector accepted it. */
    record Sent() implements Attempt {}

    /** Worth another attempt after {@code pause}: 429, 5xx or the connector unreachable. */
    record RetryAfter(Duration pause, String why) implements Attempt {}

    /** Refused for good (or never sent): logged, not retried. */
    record Failed(String why) implements Attempt {}
  }

  /**
   * Posts {@code activity} as a reply, once (a token rejected as stale is fetched again and the
   * post repeated at once); {@code attempt} counts from 1 and sets the backoff. Never sleeps: what
   * to wait before the next attempt is in the answer. Failures are logged with the status and never
   * with the token.
   */
  Attempt reply(
      String serviceUrl, String conversationId, String replyToId, ObjectNode activity, int attempt)
      throws InterruptedException {
    if (!trusted.trusted(serviceUrl)) {
      log.warn("Teams: not sending to {}: no validated activity came from there", serviceUrl);
      return new Attempt.Failed("untrusted service URL");
    }
    URI target = replyUri(serviceUrl, conversationId, replyToId);
    String body = activity.toString();
    boolean refreshedToken = false;
    while (true) {
      try {
        HttpRequest request =
            HttpRequest.newBuilder(target)
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + token.get())
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
          return new Attempt.Sent();
        }
        if ((status == 401 || status == 403) && !refreshedToken) {
          // A token revoked or rotated early: fetch a new one once, then give up.
          token.forget();
          refreshedToken = true;
          continue;
        }
        if (status != 429 && status < 500) {
          log.warn(
              "Teams: the connector refused a reply in {} with {}: {}",
              conversationId,
              status,
              firstLine(response.body()));
          return new Attempt.Failed("HTTP " + status);
        }
        Duration pause = backoff(attempt, retryAfter(response.headers().firstValue("Retry-After")));
        return new Attempt.RetryAfter(pause, "the connector answered " + status);
      } catch (ConnectorToken.Refused e) {
        log.error("Teams: cannot send replies: {}", e.getMessage());
        return new Attempt.Failed("no token");
      } catch (IOException e) {
        return new Attempt.RetryAfter(
            backoff(attempt, Optional.empty()), "could not reach the connector: " + e);
      }
    }
  }

  /** Attempts per reply before it is given up. */
  int attempts() {
    return retry.attempts();
  }

  /** Doubling from the first wait, or what the server asked for; never over the longest wait. */
  Duration backoff(int attempt, Optional<Duration> asked) {
    Duration computed = retry.firstWait().multipliedBy(1L << Math.min(attempt - 1, 20));
    Duration chosen = asked.orElse(computed);
    return chosen.compareTo(retry.longestWait()) > 0 ? retry.longestWait() : chosen;
  }

  /** {@code Retry-After} as seconds or as an HTTP date. */
  Optional<Duration> retryAfter(Optional<String> header) {
    if (header.isEmpty()) {
      return Optional.empty();
    }
    String value = header.get().strip();
    try {
      long seconds = Long.parseLong(value);
      return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration until = Duration.between(clock.instant(), at.toInstant());
        return Optional.of(until.isNegative() ? Duration.ZERO : until);
      } catch (DateTimeParseException notDate) {
        return Optional.empty();
      }
    }
  }

  private static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String firstLine(String body) {
    String line = body.lines().findFirst().orElse("");
    return line.length() > 300 ? line.substring(0, 300) + "…" : line;
  }
}
