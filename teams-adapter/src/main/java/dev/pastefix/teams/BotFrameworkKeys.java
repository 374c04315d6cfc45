package dev.pastefix.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSetRetrievalException;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.ResourceRetriever;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.text.ParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Bot Framework's signing keys, found the OpenID way: the metadata document names the issuer
 * and the JWKS URL. Each retrieval reads both, so a moved key set is followed; caching and rate
 * limiting are left to nimbus-jose-jwt's source builder that wraps this. The keys' {@code
 * endorsements} (the channels a key may sign for) are read from the raw JSON, because nimbus drops
 * members it does not know.
 */
final class BotFrameworkKeys implements JWKSetSource<SecurityContext> {
  private static final Logger log = LoggerFactory.getLogger(BotFrameworkKeys.class);

  static final int CONNECT_TIMEOUT_MILLIS = 5_000;
  static final int READ_TIMEOUT_MILLIS = 10_000;
  static final int SIZE_LIMIT_BYTES = 512 * 1024;

  private final URI metadataUrl;
  private final ResourceRetriever http =
      new DefaultResourceRetriever(CONNECT_TIMEOUT_MILLIS, READ_TIMEOUT_MILLIS, SIZE_LIMIT_BYTES);
  private final ObjectMapper json = new ObjectMapper();
  private volatile Optional<String> issuer = Optional.empty();
  private volatile Map<String, Set<String>> endorsements = Map.of();

  BotFrameworkKeys(URI metadataUrl) {
    this.metadataUrl = metadataUrl;
  }

  @Override
  public JWKSet getJWKSet(
      JWKSetCacheRefreshEvaluator refreshEvaluator, long currentTime, SecurityContext context)
      throws KeySourceException {
    try {
      JsonNode metadata = json.readTree(http.retrieveResource(metadataUrl.toURL()).getContent());
      String jwksUri = metadata.path("jwks_uri").asText("");
      String issuerValue = metadata.path("issuer").asText("");
      if (jwksUri.isBlank() || issuerValue.isBlank()) {
        throw new JWKSetRetrievalException(
            "the OpenID metadata at " + metadataUrl + " names no jwks_uri or no issuer", null);
      }
      URL keysUrl = metadataUrl.resolve(jwksUri).toURL();
      String raw = http.retrieveResource(keysUrl).getContent();
      JWKSet keys = JWKSet.parse(raw);
      endorsements = endorsementsOf(json.readTree(raw));
      issuer = Optional.of(issuerValue);
      log.info("Teams: read {} signing keys from {}", keys.getKeys().size(), keysUrl);
      return keys;
    } catch (IOException | ParseException | IllegalArgumentException e) {
      throw new JWKSetRetrievalException(
          "could not read the Bot Framework signing keys via " + metadataUrl + ": " + e, e);
    }
  }

  /** The issuer the metadata document named at the last retrieval. */
  Optional<String> issuer() {
    return issuer;
  }

  /**
   * Whether key {@code kid} may sign for {@code channelId}. A key that lists no endorsements is not
   * restricted (test and emulator keys carry none).
   */
  boolean endorses(String kid, String channelId) {
    Set<String> channels = endorsements.get(kid);
    return channels == null || channels.contains(channelId);
  }

  private static Map<String, Set<String>> endorsementsOf(JsonNode keySet) {
    Map<String, Set<String>> found = new HashMap<>();
    for (JsonNode key : keySet.path("keys")) {
      JsonNode list = key.path("endorsements");
      if (key.hasNonNull("kid") && list.isArray()) {
        Set<String> channels = new HashSet<>();
        list.forEach(c -> channels.add(c.asText()));
        found.put(key.get("kid").asText(), Set.copyOf(channels));
      }
    }
    return Map.copyOf(found);
  }

  @Override
  public void close() {
    // Nothing held open: each retrieval opens and closes its own connection.
  }
}
