package dev.pastefix.teams;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.text.ParseException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Checks the {@code Authorization} header of a request from the Bot Connector as the Bot Framework
 * authentication spec says: a bearer JWT signed with RS256 by a key of the OpenID metadata's key
 * set (endorsed for the activity's channel), issued by the metadata's issuer, for this app's id,
 * within its lifetime (5 minutes of clock skew), and naming the activity's {@code serviceUrl}.
 */
final class BotFrameworkAuth {
  /** Clock difference tolerated on {@code exp} and {@code nbf}, as the spec allows. */
  static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  /** How long signing keys are kept before they are read again (an unknown kid reads sooner). */
  static final Duration KEYS_TIME_TO_LIVE = Duration.ofHours(24);

  /**
   * The shortest interval between key-set reads. nimbus allows two reads per interval, so that a
   * rotated key can always be fetched: a scheduled read and one refresh for an unknown kid.
   */
  static final Duration KEYS_MIN_REFRESH_INTERVAL = Duration.ofMinutes(1);

  static final Duration KEYS_REFRESH_TIMEOUT = Duration.ofSeconds(15);

  private static final String BEARER = "Bearer ";

  private final BotFrameworkKeys keys;
  private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

  BotFrameworkAuth(TeamsConfig config) {
    this.keys = new BotFrameworkKeys(config.openIdMetadataUrl());
    JWKSource<SecurityContext> source =
        JWKSourceBuilder.create(keys)
            .cache(KEYS_TIME_TO_LIVE.toMillis(), KEYS_REFRESH_TIMEOUT.toMillis())
            .refreshAheadCache(false)
            .rateLimited(KEYS_MIN_REFRESH_INTERVAL.toMillis())
            .retrying(false)
            .outageTolerant(false)
            .build();
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, source));
    DefaultJWTClaimsVerifier<SecurityContext> claims =
        new DefaultJWTClaimsVerifier<>(
            Set.of(config.appId()), null, Set.of("iss", "aud", "exp"), null);
    claims.setMaxClockSkew((int) CLOCK_SKEW.toSeconds());
    processor.setJWTClaimsSetVerifier(claims);
  }

  /** A request the token let in: what the token says, to be matched with the activity. */
  record Caller(String serviceUrl, String kid) {
    Caller {
      Objects.requireNonNull(serviceUrl, "serviceUrl");
      Objects.requireNonNull(kid, "kid");
    }
  }

  /** The request is not from the Bot Connector; the reason is for the log, never for the caller. */
  static final class Unauthorized extends Exception {
    private static final long serialVersionUID = 1L;

    Unauthorized(String reason) {
      super(reason);
    }
  }

  /** Validates the header's token. */
  Caller authenticate(Optional<String> authorization) throws Unauthorized {
    if (authorization.isEmpty()) {
      throw new Unauthorized("no Authorization header");
    }
    String header = authorization.get().strip();
    if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      throw new Unauthorized("the Authorization header is not a bearer token");
    }
    String token = header.substring(BEARER.length()).strip();
    SignedJWT jwt;
    JWTClaimsSet claims;
    try {
      jwt = SignedJWT.parse(token);
      claims = processor.process(jwt, null);
    } catch (ParseException e) {
      throw new Unauthorized("the bearer token is not a signed JWT");
    } catch (BadJOSEException | JOSEException e) {
      throw new Unauthorized("token refused: " + e.getMessage());
    }
    Optional<String> issuer = keys.issuer();
    if (issuer.isEmpty() || !issuer.get().equals(claims.getIssuer())) {
      throw new Unauthorized("token refused: unexpected issuer " + claims.getIssuer());
    }
    Optional<String> serviceUrl = claim(claims, "serviceurl").or(() -> claim(claims, "serviceUrl"));
    if (serviceUrl.isEmpty()) {
      throw new Unauthorized("token refused: no serviceurl claim");
    }
    return new Caller(serviceUrl.get(), Optional.ofNullable(jwt.getHeader().getKeyID()).orElse(""));
  }

  /** Matches a validated token with the activity it came with. */
  void admit(Caller caller, Activity activity) throws Unauthorized {
    if (!sameUrl(caller.serviceUrl(), activity.serviceUrl())) {
      throw new Unauthorized("the token's serviceurl is not the activity's serviceUrl");
    }
    if (!keys.endorses(caller.kid(), activity.channelId())) {
      throw new Unauthorized(
          "the signing key is not endorsed for channel '" + activity.channelId() + "'");
    }
  }

  private static boolean sameUrl(String a, String b) {
    return stripSlash(a).equals(stripSlash(b));
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  private static Optional<String> claim(JWTClaimsSet claims, String name) {
    Object v = claims.getClaim(name);
    return v instanceof String s && !s.isBlank() ? Optional.of(s) : Optional.empty();
  }
}
