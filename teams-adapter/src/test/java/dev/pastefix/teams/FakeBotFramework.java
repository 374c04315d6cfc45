package dev.pastefix.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Date;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback stand-in for the Bot Framework side of Teams: the OpenID metadata document and its key
 * set (public halves of test RSA keys), the token endpoint of the client-credentials flow, and a
 * Bot Connector that records every reply. It also mints tokens the way the Bot Connector signs
 * them. {@link #main} runs it on its own, for trying the bot by hand.
 */
final class FakeBotFramework implements AutoCloseable {
  static final String ISSUER = "https://api.botframework.com";
  static final String CHANNEL = "msteams";

  /** One reply the connector received. */
  record Recorded(String conversationId, String replyToId, String authorization, JsonNode body) {}

  private final ObjectMapper json = new ObjectMapper();
  private final HttpServer server;
  private final List<RSAKey> published = new CopyOnWriteArrayList<>();
  private final Map<String, List<String>> endorsements = new ConcurrentHashMap<>();
  private final List<Recorded> replies = new CopyOnWriteArrayList<>();
  private final Deque<Integer> scriptedStatuses = new ArrayDeque<>();
  private volatile String retryAfter = "";
  private final java.util.Map<String, String> throttled =
      new java.util.concurrent.ConcurrentHashMap<>();
  private final AtomicInteger throttledReplies = new AtomicInteger();
  private final AtomicInteger keyReads = new AtomicInteger();
  private final AtomicInteger tokenRequests = new AtomicInteger();
  private final List<String> tokenForms = new CopyOnWriteArrayList<>();
  private final AtomicInteger replyIds = new AtomicInteger();
  private final RSAKey signingKey;
  private volatile boolean holding;
  private final java.util.concurrent.CountDownLatch release =
      new java.util.concurrent.CountDownLatch(1);
  private final AtomicInteger heldReplies = new AtomicInteger();

  FakeBotFramework() throws IOException {
    this(0, newKey("fake-bf-key-1"));
  }

  FakeBotFramework(int port, RSAKey signingKey) throws IOException {
    this.signingKey = signingKey;
    published.add(signingKey);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    server.createContext("/", this::route);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.start();
  }

  static RSAKey newKey(String kid) {
    try {
      return new RSAKeyGenerator(2048).keyID(kid).keyUse(KeyUse.SIGNATURE).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  URI base() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  URI metadataUrl() {
    return base().resolve("/openid");
  }

  URI loginUrl() {
    return base().resolve("/token");
  }

  /** The serviceUrl activities carry: replies go to it. */
  String serviceUrl() {
    return base() + "/connector/";
  }

  RSAKey signingKey() {
    return signingKey;
  }

  /** Adds a key to the published set (a rotation). */
  void publish(RSAKey key) {
    published.add(key);
  }

  /** Adds a key endorsed only for {@code channels} (the Bot Framework lists them per key). */
  void publish(RSAKey key, List<String> channels) {
    endorsements.put(key.getKeyID(), List.copyOf(channels));
    published.add(key);
  }

  int keyReads() {
    return keyReads.get();
  }

  int tokenRequests() {
    return tokenRequests.get();
  }

  List<String> tokenForms() {
    return List.copyOf(tokenForms);
  }

  List<Recorded> replies() {
    return List.copyOf(replies);
  }

  /** The next replies are answered with these statuses (then 200), with {@code Retry-After}. */
  synchronized void failNextReplies(String retryAfterHeader, int... statuses) {
    this.retryAfter = retryAfterHeader;
    for (int s : statuses) {
      scriptedStatuses.add(s);
    }
  }

  /**
   * Every reply in {@code conversationId} is answered 429 with {@code Retry-After}, from now on.
   */
  void throttle(String conversationId, String retryAfterHeader) {
    throttled.put(conversationId, retryAfterHeader);
  }

  /** Replies answered 429 by {@link #throttle}. */
  int throttledReplies() {
    return throttledReplies.get();
  }

  /** Waits until at least {@code count} replies arrived, or the timeout passed. */
  List<Recorded> awaitReplies(int count, Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (replies.size() < count && System.nanoTime() < end) {
      Thread.sleep(20);
    }
    return replies();
  }

  // ---- tokens as the Bot Connector mints them

  /** Claims of a valid token for {@code appId}, naming {@code serviceUrl}, valid for an hour. */
  static JWTClaimsSet.Builder claims(String appId, String serviceUrl) {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer(ISSUER)
        .audience(appId)
        .issueTime(Date.from(now))
        .notBeforeTime(Date.from(now.minusSeconds(60)))
        .expirationTime(Date.from(now.plus(Duration.ofHours(1))))
        .claim("serviceurl", serviceUrl);
  }

  /** A token signed with {@code key} (RS256, its kid in the header). */
  static String sign(RSAKey key, JWTClaimsSet claims) {
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256)
                  .keyID(key.getKeyID())
                  .type(JOSEObjectType.JWT)
                  .build(),
              claims);
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  String token(String appId) {
    return sign(signingKey, claims(appId, serviceUrl()).build());
  }

  // ---- HTTP

  private void route(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getRawPath();
      String method = exchange.getRequestMethod();
      if (method.equals("GET") && path.equals("/openid")) {
        ObjectNode metadata = json.createObjectNode();
        metadata.put("issuer", ISSUER);
        metadata.put("jwks_uri", base() + "/keys");
        metadata.putArray("id_token_signing_alg_values_supported").add("RS256");
        send(exchange, 200, metadata.toString());
      } else if (method.equals("GET") && path.equals("/keys")) {
        keyReads.incrementAndGet();
        send(exchange, 200, keySet().toString());
      } else if (path.equals("/token")) {
        tokenRequests.incrementAndGet();
        String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (method.equals("POST")) {
          tokenForms.add(form);
        }
        ObjectNode token = json.createObjectNode();
        token.put("token_type", "Bearer");
        token.put("expires_in", 3600);
        token.put("access_token", "fake-connector-token-" + tokenRequests.get());
        send(exchange, 200, token.toString());
      } else if (method.equals("POST") && path.startsWith("/connector/v3/conversations/")) {
        connector(exchange, path);
      } else if (method.equals("GET") && path.equals("/recorded")) {
        ArrayNode all = json.createArrayNode();
        for (Recorded r : replies) {
          ObjectNode one = all.addObject();
          one.put("conversationId", r.conversationId());
          one.put("replyToId", r.replyToId());
          one.set("activity", r.body());
        }
        send(exchange, 200, all.toPrettyString());
      } else {
        send(exchange, 404, "{}");
      }
    }
  }

  /**
   * Holds every reply open, unanswered and unrecorded, until {@link #releaseHeld()}: a connector
   * that stopped answering, so that the sender dies with its reply unsent.
   */
  void holdReplies() {
    holding = true;
  }

  int heldReplies() {
    return heldReplies.get();
  }

  /** Ends the hold: held replies get 503, later ones are recorded as usual. */
  void releaseHeld() {
    holding = false;
    release.countDown();
  }

  private void connector(HttpExchange exchange, String path) throws IOException {
    String rest = path.substring("/connector/v3/conversations/".length());
    String[] parts = rest.split("/activities/", 2);
    byte[] body = exchange.getRequestBody().readAllBytes();
    if (holding) {
      heldReplies.incrementAndGet();
      try {
        release.await(5, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      send(exchange, 503, "{\"error\":{\"code\":\"Held\"}}");
      return;
    }
    String conversation = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
    String throttle = throttled.get(conversation);
    if (throttle != null) {
      throttledReplies.incrementAndGet();
      exchange.getResponseHeaders().add("Retry-After", throttle);
      send(exchange, 429, "{\"error\":{\"code\":\"Throttled\"}}");
      return;
    }
    Integer status;
    synchronized (this) {
      status = scriptedStatuses.poll();
    }
    if (status != null) {
      if (!retryAfter.isEmpty()) {
        exchange.getResponseHeaders().add("Retry-After", retryAfter);
      }
      send(exchange, status, "{\"error\":{\"code\":\"Throttled\"}}");
      return;
    }
    replies.add(
        new Recorded(
            URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
            parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "",
            String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")),
            json.readTree(body)));
    send(exchange, 200, "{\"id\":\"reply-" + replyIds.incrementAndGet() + "\"}");
  }

  private ObjectNode keySet() {
    ObjectNode set = json.createObjectNode();
    ArrayNode keys = set.putArray("keys");
    for (RSAKey key : published) {
      ObjectNode node = json.valueToTree(key.toPublicJWK().toJSONObject());
      ArrayNode channels = node.putArray("endorsements");
      endorsements.getOrDefault(key.getKeyID(), List.of(CHANNEL)).forEach(channels::add);
      keys.add(node);
    }
    return set;
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  @Override
  public void close() {
    release.countDown();
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }

  /**
   * Runs the fake until the process is stopped: {@code FakeBotFramework PORT KEY_FILE} writes the
   * signing key (private half, JWK JSON) to KEY_FILE for {@link MintToken} and prints the URLs to
   * give pastefix.
   */
  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: FakeBotFramework PORT KEY_FILE");
      System.exit(2);
    }
    RSAKey key = newKey("fake-bf-key-1");
    Files.writeString(Path.of(args[1]), key.toJSONString());
    FakeBotFramework fake = new FakeBotFramework(Integer.parseInt(args[0]), key);
    System.out.println("TEAMS_OPENID_METADATA_URL=" + fake.metadataUrl());
    System.out.println("TEAMS_LOGIN_URL=" + fake.loginUrl());
    System.out.println("serviceUrl for activities: " + fake.serviceUrl());
    System.out.println("replies received: GET " + fake.base() + "/recorded");
    System.out.flush();
    Thread.sleep(TimeUnit.DAYS.toMillis(1));
  }
}
