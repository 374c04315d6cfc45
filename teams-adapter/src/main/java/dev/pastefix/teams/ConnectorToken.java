package dev.pastefix.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The bearer token the bot presents to the Bot Connector, from the OAuth client-credentials flow
 * with the app id and password. Kept until shortly before it expires, then fetched again.
 */
final class ConnectorToken {
  /** A token is renewed this long before its expiry, so none expires on its way. */
  static final Duration RENEW_BEFORE_EXPIRY = Duration.ofMinutes(5);

  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);

  private final TeamsConfig config;
  private final HttpClient http;
  private final Clock clock;
  private final ObjectMapper json = new ObjectMapper();
  private Optional<Cached> cached = Optional.empty();

  private record Cached(String token, Instant renewAt) {}

  /** The token endpoint refused the app's credentials or answered something unreadable. */
  static final class Refused extends IOException {
    private static final long serialVersionUID = 1L;

    Refused(String message) {
      super(message);
    }
  }

  ConnectorToken(TeamsConfig config, HttpClient http, Clock clock) {
    this.config = config;
    this.http = http;
    this.clock = clock;
  }

  /** A valid token, from the cache while it is fresh. */
  synchronized String get() throws IOException, InterruptedException {
    Instant now = clock.instant();
    if (cached.isPresent() && now.isBefore(cached.get().renewAt())) {
      return cached.get().token();
    }
    String form =
        "grant_type=client_credentials"
            + "&client_id="
            + encode(config.appId())
            + "&client_secret="
            + encode(config.appPassword())
            + "&scope="
            + encode(TeamsConfig.CONNECTOR_SCOPE);
    HttpRequest request =
        HttpRequest.newBuilder(config.loginUrl())
            .timeout(REQUEST_TIMEOUT)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      // The body of an error names the problem (AADSTS7000215: invalid client secret, ...).
      throw new Refused(
          "the token endpoint "
              + config.loginUrl()
              + " answered "
              + response.statusCode()
              + ": "
              + errorOf(response.body()));
    }
    JsonNode body = json.readTree(response.body());
    String token = body.path("access_token").asText("");
    long expiresIn = body.path("expires_in").asLong(0);
    if (token.isBlank() || expiresIn <= 0) {
      throw new Refused("the token endpoint " + config.loginUrl() + " sent no usable token");
    }
    Instant renewAt = now.plusSeconds(expiresIn).minus(RENEW_BEFORE_EXPIRY);
    cached = Optional.of(new Cached(token, renewAt.isAfter(now) ? renewAt : now));
    return token;
  }

  /** Forgets the token, after the connector refused it. */
  synchronized void forget() {
    cached = Optional.empty();
  }

  /** Whether the token endpoint answers at all (any HTTP status), for readiness. */
  boolean endpointReachable() {
    try {
      HttpRequest probe =
          HttpRequest.newBuilder(config.loginUrl())
              .timeout(Duration.ofSeconds(5))
              .method("HEAD", HttpRequest.BodyPublishers.noBody())
              .build();
      http.send(probe, HttpResponse.BodyHandlers.discarding());
      return true;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private String errorOf(String body) {
    try {
      JsonNode error = json.readTree(body);
      String description = error.path("error_description").asText("");
      String code = error.path("error").asText("");
      String shown = description.isBlank() ? code : description;
      return shown.isBlank() ? "(no error description)" : shown.lines().findFirst().orElse(shown);
    } catch (IOException e) {
      return "(no error description)";
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
