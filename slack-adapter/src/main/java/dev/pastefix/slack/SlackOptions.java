package dev.pastefix.slack;

import dev.pastefix.core.telemetry.SafeUrl;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the Slack adapter connects: the bot token for the Web API, and either an app-level token
 * (Socket Mode) or a signing secret (HTTP mode on {@code httpPort}, 0 for any free port). Tokens
 * never appear in {@link #toString()}. {@link Capacity} bounds the work in flight.
 */
public record SlackOptions(
    String botToken,
    Optional<String> appToken,
    Optional<String> signingSecret,
    URI apiUrl,
    int httpPort,
    Capacity capacity) {

  /**
   * How much work is in flight: engine threads, posting threads, the events acknowledged and not
   * yet answered ({@code backlog}; beyond it events are refused before acknowledgement), the pause
   * between two posts to one channel, and the attempts per post (429 and network failures).
   */
  public record Capacity(
      int engineThreads, int postingThreads, int backlog, Duration channelPace, int postAttempts) {
    public static final Capacity DEFAULT = new Capacity(4, 32, 5_000, Duration.ofSeconds(1), 10);

    public Capacity {
      Objects.requireNonNull(channelPace, "channelPace");
      if (engineThreads < 1 || postingThreads < 1 || backlog < 1 || postAttempts < 1) {
        throw new IllegalArgumentException(
            "threads, backlog and attempts must be at least 1: " + this);
      }
      if (channelPace.isNegative()) {
        throw new IllegalArgumentException("the channel pace must not be negative");
      }
    }
  }

  /** The default {@link Capacity}. */
  public SlackOptions(
      String botToken,
      Optional<String> appToken,
      Optional<String> signingSecret,
      URI apiUrl,
      int httpPort) {
    this(botToken, appToken, signingSecret, apiUrl, httpPort, Capacity.DEFAULT);
  }

  public SlackOptions {
    Objects.requireNonNull(botToken, "botToken");
    Objects.requireNonNull(appToken, "appToken");
    Objects.requireNonNull(signingSecret, "signingSecret");
    Objects.requireNonNull(apiUrl, "apiUrl");
    Objects.requireNonNull(capacity, "capacity");
    if (botToken.isBlank()) {
      throw new IllegalArgumentException("the Slack bot token is empty");
    }
    if (appToken.isEmpty() && signingSecret.isEmpty()) {
      throw new IllegalArgumentException(
          "Slack needs an app token (Socket Mode) or a signing secret (HTTP mode)");
    }
    if (appToken.isPresent() && signingSecret.isPresent()) {
      throw new IllegalArgumentException(
          "Slack needs either an app token (Socket Mode) or a signing secret (HTTP mode), not"
              + " both");
    }
    if (httpPort < 0 || httpPort > 65535) {
      throw new IllegalArgumentException("HTTP port out of range: " + httpPort);
    }
  }

  public boolean socketMode() {
    return appToken.isPresent();
  }

  /** The Web API base with a trailing slash, as the Slack SDK expects it. */
  String methodsUrlPrefix() {
    String url = apiUrl.toString();
    return url.endsWith("/") ? url : url + "/";
  }

  @Override
  public String toString() {
    return "SlackOptions[mode="
        + (socketMode() ? "socket" : "http")
        + ", apiUrl="
        + SafeUrl.of(apiUrl)
        + ", httpPort="
        + httpPort
        + ", "
        + capacity
        + ", tokens=<redacted>]";
  }
}
