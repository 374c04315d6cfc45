package dev.pastefix.slack;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * How the Slack adapter connects: the bot token for the Web API, and either an app-level token
 * (Socket Mode) or a signing secret (HTTP mode on {@code httpPort}, 0 for any free port). Tokens
 * never appear in {@link #toString()}.
 */
public record SlackOptions(
    String botToken,
    Optional<String> appToken,
    Optional<String> signingSecret,
    URI apiUrl,
    int httpPort) {

  public SlackOptions {
    Objects.requireNonNull(botToken, "botToken");
    Objects.requireNonNull(appToken, "appToken");
    Objects.requireNonNull(signingSecret, "signingSecret");
    Objects.requireNonNull(apiUrl, "apiUrl");
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
        + apiUrl
        + ", httpPort="
        + httpPort
        + ", tokens=<redacted>]";
  }
}
