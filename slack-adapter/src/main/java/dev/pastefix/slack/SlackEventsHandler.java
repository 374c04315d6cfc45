package dev.pastefix.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import dev.pastefix.core.state.Redaction;
import dev.pastefix.core.telemetry.Telemetry;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.thread.Invocable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slack's HTTP mode as a Jetty handler: events, slash commands and interactivity arrive at {@value
 * #EVENTS_PATH}; each request's signature (compared in constant time) and timestamp (at most five
 * minutes off, either way) are checked before Bolt sees it. The body is read without holding a
 * thread, up to {@value #MAX_BODY_BYTES} bytes (413 beyond). {@value #HEALTH_PATH} answers 200 for
 * load balancers.
 */
public final class SlackEventsHandler extends Handler.Abstract {
  public static final String EVENTS_PATH = "/slack/events";
  public static final String HEALTH_PATH = "/healthz";

  /** Slack's payloads are a few kilobytes; anything this large is not from Slack. */
  public static final int MAX_BODY_BYTES = 1 << 20;

  /** Slack's own rule: a request more than five minutes off the clock may be a replay. */
  static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

  private static final Logger log = LoggerFactory.getLogger(SlackEventsHandler.class);
  private static final String TEXT = "text/plain; charset=utf-8";

  private final App app;
  private final byte[] signingSecret;
  private final SlackRequestParser parser;
  private final Telemetry telemetry;
  private final Clock clock;
  private volatile boolean accepting = true;

  SlackEventsHandler(App app, String signingSecret, Telemetry telemetry, Clock clock) {
    // Blocking: Bolt's handlers run synchronously on the thread that completes the body.
    super(Invocable.InvocationType.BLOCKING);
    this.app = app;
    this.signingSecret = signingSecret.getBytes(StandardCharsets.UTF_8);
    this.parser = new SlackRequestParser(app.config());
    this.telemetry = telemetry;
    this.clock = clock;
  }

  /** From now on new requests get 503, so Slack delivers them elsewhere or later. */
  void stopAccepting() {
    accepting = false;
  }

  @Override
  public boolean handle(
      org.eclipse.jetty.server.Request request,
      org.eclipse.jetty.server.Response response,
      Callback callback) {
    String path = org.eclipse.jetty.server.Request.getPathInContext(request);
    if (path.equals(HEALTH_PATH)) {
      if (!request.getMethod().equals("GET") && !request.getMethod().equals("HEAD")) {
        send(response, callback, 405, TEXT, "method not allowed");
      } else {
        send(response, callback, 200, "application/json; charset=utf-8", "{\"status\":\"ok\"}");
      }
      return true;
    }
    if (!path.equals(EVENTS_PATH)) {
      return false;
    }
    if (!request.getMethod().equals("POST")) {
      send(response, callback, 405, TEXT, "method not allowed");
      return true;
    }
    long length = request.getLength();
    if (length > MAX_BODY_BYTES) {
      send(response, callback, 413, TEXT, "request too large");
      return true;
    }
    if (!accepting) {
      telemetry.shed(SlackReplies.PLATFORM, "stopping");
      response.getHeaders().put(HttpHeader.RETRY_AFTER, "30");
      send(response, callback, 503, TEXT, "stopping; try again later");
      return true;
    }
    Content.Source.asByteArrayAsync(
        request,
        MAX_BODY_BYTES,
        Promise.Invocable.from(
            Invocable.InvocationType.BLOCKING,
            (byte[] body, Throwable failure) -> {
              if (failure != null) {
                boolean tooLarge =
                    org.eclipse.jetty.server.Request.getContentBytesRead(request) > MAX_BODY_BYTES;
                if (tooLarge) {
                  send(response, callback, 413, TEXT, "request too large");
                } else {
                  log.debug("could not read a request body: {}", failure.toString());
                  callback.failed(failure);
                }
                return;
              }
              serve(request, response, callback, body);
            }));
    return true;
  }

  private void serve(
      org.eclipse.jetty.server.Request request,
      org.eclipse.jetty.server.Response response,
      Callback callback,
      byte[] body) {
    long received = request.getHeadersNanoTime();
    Optional<String> timestamp =
        Optional.ofNullable(request.getHeaders().get("X-Slack-Request-Timestamp"));
    Optional<String> signature = Optional.ofNullable(request.getHeaders().get("X-Slack-Signature"));
    // Checked before parsing: a stranger's malformed body must get 401, not reach Bolt's parser.
    if (timestamp.isEmpty() || signature.isEmpty() || !fresh(timestamp.get())) {
      send(response, callback, 401, TEXT, "invalid request");
      return;
    }
    if (!signed(timestamp.get(), body, signature.get())) {
      send(response, callback, 401, TEXT, "invalid request");
      return;
    }
    String bodyText = new String(body, StandardCharsets.UTF_8);
    Request<?> slackRequest;
    try {
      slackRequest =
          parser.parse(
              SlackRequestParser.HttpRequest.builder()
                  .requestUri(request.getHttpURI().getPath())
                  .queryString(query(request))
                  .headers(new RequestHeaders(headers(request)))
                  .requestBody(bodyText)
                  .remoteAddress(org.eclipse.jetty.server.Request.getRemoteAddr(request))
                  .build());
    } catch (RuntimeException e) {
      slackRequest = null;
    }
    if (slackRequest == null) {
      // The exception text and the body may hold whatever was pasted: neither goes to WARN.
      log.warn(
          "a signed request that is not a Slack payload ({} bytes, {})",
          body.length,
          request.getHeaders().get(HttpHeader.CONTENT_TYPE));
      if (log.isDebugEnabled()) {
        log.debug("its body, redacted: {}", Redaction.redact(bodyText));
      }
      send(response, callback, 400, TEXT, "not a Slack request");
      return;
    }
    Response answer;
    try {
      answer = app.run(slackRequest);
    } catch (Exception e) {
      log.error("a Slack request failed: {}", e.getClass().getName());
      send(response, callback, 500, TEXT, "internal error");
      return;
    }
    if (answer.getHeaders() != null) {
      answer
          .getHeaders()
          .forEach(
              (name, values) -> {
                if (!name.equalsIgnoreCase("content-type")
                    && !name.equalsIgnoreCase("content-length")) {
                  response.getHeaders().put(name, values);
                }
              });
    }
    String contentType = answer.getContentType() == null ? TEXT : answer.getContentType();
    telemetry.acknowledged(SlackReplies.PLATFORM, Duration.ofNanos(System.nanoTime() - received));
    send(response, callback, answer.getStatusCode(), contentType, answer.getBody());
  }

  /** Whether the request's timestamp is within {@link #MAX_CLOCK_SKEW} of now, either way. */
  boolean fresh(String timestamp) {
    long seconds;
    try {
      seconds = Long.parseLong(timestamp.trim());
    } catch (NumberFormatException e) {
      return false;
    }
    long now = clock.instant().getEpochSecond();
    return Math.abs(now - seconds) <= MAX_CLOCK_SKEW.toSeconds();
  }

  /** Slack's {@code v0} signature over the raw bytes, compared in constant time. */
  boolean signed(String timestamp, byte[] body, String signature) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(signingSecret, "HmacSHA256"));
      mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
      byte[] expected =
          ("v0=" + HexFormat.of().formatHex(mac.doFinal(body))).getBytes(StandardCharsets.UTF_8);
      return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  private static Map<String, List<String>> headers(org.eclipse.jetty.server.Request request) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (HttpField field : request.getHeaders()) {
      headers.computeIfAbsent(field.getName(), k -> new ArrayList<>()).add(field.getValue());
    }
    return headers;
  }

  private static Map<String, List<String>> query(org.eclipse.jetty.server.Request request) {
    Map<String, List<String>> query = new LinkedHashMap<>();
    Fields fields = org.eclipse.jetty.server.Request.extractQueryParameters(request);
    for (Fields.Field field : fields) {
      query.put(field.getName(), new ArrayList<>(field.getValues()));
    }
    return query;
  }

  private static void send(
      org.eclipse.jetty.server.Response response,
      Callback callback,
      int status,
      String contentType,
      String body) {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
    byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    response.write(true, ByteBuffer.wrap(bytes), callback);
  }
}
