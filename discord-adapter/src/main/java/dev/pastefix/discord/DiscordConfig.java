package dev.pastefix.discord;

import dev.pastefix.core.telemetry.SafeUrl;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach Discord: the bot token, an optional guild for instant slash commands, optional REST
 * base and gateway URLs (proxies, tests) and how long to wait for the gateway at start-up. The
 * token never appears in {@link #toString()}.
 */
public record DiscordConfig(
    String token,
    Optional<String> guildId,
    Optional<URI> apiUrl,
    Optional<URI> gatewayUrl,
    Duration readyTimeout) {

  public static final Duration DEFAULT_READY_TIMEOUT = Duration.ofSeconds(60);

  public DiscordConfig {
    Objects.requireNonNull(token, "token");
    if (token.isBlank()) {
      throw new IllegalArgumentException("the Discord token is empty");
    }
    Objects.requireNonNull(guildId, "guildId");
    Objects.requireNonNull(apiUrl, "apiUrl");
    Objects.requireNonNull(gatewayUrl, "gatewayUrl");
    Objects.requireNonNull(readyTimeout, "readyTimeout");
    if (readyTimeout.isNegative() || readyTimeout.isZero()) {
      throw new IllegalArgumentException("readyTimeout must be positive: " + readyTimeout);
    }
  }

  public DiscordConfig(
      String token, Optional<String> guildId, Optional<URI> apiUrl, Optional<URI> gatewayUrl) {
    this(token, guildId, apiUrl, gatewayUrl, DEFAULT_READY_TIMEOUT);
  }

  /** The REST base URL as JDA wants it: ending with a slash. */
  Optional<String> restBase() {
    return apiUrl.map(URI::toString).map(u -> u.endsWith("/") ? u : u + "/");
  }

  @Override
  public String toString() {
    return "DiscordConfig[guildId="
        + guildId.orElse("-")
        + ", apiUrl="
        + apiUrl.map(SafeUrl::of).orElse("default")
        + ", gatewayUrl="
        + gatewayUrl.map(SafeUrl::of).orElse("default")
        + ", readyTimeout="
        + readyTimeout
        + ", token=<redacted>]";
  }
}
