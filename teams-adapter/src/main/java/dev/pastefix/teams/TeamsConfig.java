package dev.pastefix.teams;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How pastefix talks to the Bot Framework: the app (bot) id and password from the bot registration,
 * the tenant of a single-tenant app, where the OpenID metadata and the token endpoint are (both
 * overridable for proxies and tests), and how replies are retried. The password never appears in
 * {@link #toString()}.
 */
public record TeamsConfig(
    String appId,
    String appPassword,
    Optional<String> tenantId,
    URI openIdMetadataUrl,
    URI loginUrl,
    Retry retry) {

  /** The Bot Framework's OpenID metadata: issuer and signing keys of tokens sent to bots. */
  public static final URI DEFAULT_OPENID_METADATA_URL =
      URI.create("https://login.botframework.com/v1/.well-known/openidconfiguration");

  /** The scope of the token a bot presents to the Bot Connector. */
  public static final String CONNECTOR_SCOPE = "https://api.botframework.com/.default";

  /** App and tenant ids are GUIDs in the Azure portal and the Teams Developer Portal. */
  public static final Pattern GUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  public TeamsConfig {
    Objects.requireNonNull(appId, "appId");
    Objects.requireNonNull(appPassword, "appPassword");
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(openIdMetadataUrl, "openIdMetadataUrl");
    Objects.requireNonNull(loginUrl, "loginUrl");
    Objects.requireNonNull(retry, "retry");
    if (appId.isBlank()) {
      throw new IllegalArgumentException("the Teams app id is empty");
    }
    if (appPassword.isBlank()) {
      throw new IllegalArgumentException("the Teams app password is empty");
    }
  }

  /** A configuration with the default retries and, unless overridden, the public endpoints. */
  public static TeamsConfig of(
      String appId,
      String appPassword,
      Optional<String> tenantId,
      Optional<URI> openIdMetadataUrl,
      Optional<URI> loginUrl) {
    return new TeamsConfig(
        appId,
        appPassword,
        tenantId,
        openIdMetadataUrl.orElse(DEFAULT_OPENID_METADATA_URL),
        loginUrl.orElseGet(() -> defaultLoginUrl(tenantId)),
        Retry.DEFAULT);
  }

  /**
   * The token endpoint of the app's tenant for a single-tenant app, else the Bot Framework's own
   * tenant that multi-tenant registrations use.
   */
  public static URI defaultLoginUrl(Optional<String> tenantId) {
    return URI.create(
        "https://login.microsoftonline.com/"
            + tenantId.orElse("botframework.com")
            + "/oauth2/v2.0/token");
  }

  /** The same configuration with other retry timings. */
  public TeamsConfig withRetry(Retry other) {
    return new TeamsConfig(appId, appPassword, tenantId, openIdMetadataUrl, loginUrl, other);
  }

  /**
   * How replies that meet 429 or 5xx are retried: {@code attempts} in all, waiting {@code
   * firstWait} and doubling, or what {@code Retry-After} asks up to {@code longestWait}. A
   * conversation whose replies keep failing for {@code giveUpAfter} is dropped: its waiting replies
   * are given up, so it holds nothing for the others.
   */
  public record Retry(
      int attempts, Duration firstWait, Duration longestWait, Duration giveUpAfter) {
    /** How long a conversation may keep failing before its waiting replies are given up. */
    public static final Duration GIVE_UP_AFTER = Duration.ofMinutes(2);

    public static final Retry DEFAULT =
        new Retry(4, Duration.ofMillis(500), Duration.ofSeconds(30));

    /** Retries that give a conversation up after {@link #GIVE_UP_AFTER}. */
    public Retry(int attempts, Duration firstWait, Duration longestWait) {
      this(attempts, firstWait, longestWait, GIVE_UP_AFTER);
    }

    public Retry {
      Objects.requireNonNull(firstWait, "firstWait");
      Objects.requireNonNull(longestWait, "longestWait");
      Objects.requireNonNull(giveUpAfter, "giveUpAfter");
      if (giveUpAfter.isNegative() || giveUpAfter.isZero()) {
        throw new IllegalArgumentException("giveUpAfter must be positive: " + giveUpAfter);
      }
      if (attempts < 1) {
        throw new IllegalArgumentException("attempts must be at least 1: " + attempts);
      }
      if (firstWait.isNegative() || longestWait.compareTo(firstWait) < 0) {
        throw new IllegalArgumentException("waits must satisfy 0 <= firstWait <= longestWait");
      }
    }
  }

  @Override
  public String toString() {
    return "TeamsConfig[appId="
        + appId
        + ", tenantId="
        + tenantId.orElse("multi-tenant")
        + ", openIdMetadataUrl="
        + openIdMetadataUrl
        + ", loginUrl="
        + loginUrl
        + ", appPassword=<redacted>]";
  }
}
