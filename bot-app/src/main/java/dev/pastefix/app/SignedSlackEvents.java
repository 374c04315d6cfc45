package dev.pastefix.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Plays Slack's side of HTTP mode for the load test: signed {@code message} events. */
final class SignedSlackEvents {
  /** An error the engine answers in a channel (the tenant's shell quota). */
  static final String PASTE =
      "New-PSSession : [admin1a.online.lync.com] Connecting to remote server"
          + " admin1a.online.lync.com failed with the following error message : The WS-Management"
          + " service cannot process the request. The maximum number of concurrent shells for this"
          + " tenant has been exceeded. Close existing shells or raise the quota for this tenant.";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http;
  private final URI endpoint;
  private final String secret;
  private final Duration timeout;

  /** Gives up on an answer after {@code timeout}: Slack's is 3 seconds. */
  SignedSlackEvents(int port, String secret, Duration timeout) {
    this.timeout = timeout;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    this.endpoint = URI.create("http://127.0.0.1:" + port + "/slack/events");
    this.secret = secret;
  }

  /** A channel message event as Slack sends it. */
  static String channelMessage(String eventId, String channel, String ts, String text) {
    ObjectNode event = JSON.createObjectNode();
    event.put("type", "message");
    event.put("channel", channel);
    event.put("channel_type", "channel");
    event.put("user", "U0USER1");
    event.put("text", text);
    event.put("ts", ts);
    event.put("event_ts", ts);
    ObjectNode body = JSON.createObjectNode();
    body.put("token", "legacy-verification-token");
    body.put("team_id", "T0LOAD");
    body.put("api_app_id", "A0APP");
    body.set("event", event);
    body.put("type", "event_callback");
    body.put("event_id", eventId);
    body.put("event_time", Instant.now().getEpochSecond());
    return body.toString();
  }

  /** Slack's request signature: {@code v0=} HMAC-SHA256 of {@code v0:timestamp:body}. */
  static String signature(String secret, String timestamp, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return "v0="
          + HexFormat.of()
              .formatHex(
                  mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Sends {@code body} signed now; {@code retry} > 0 marks it as Slack's n-th retry. */
  CompletableFuture<HttpResponse<String>> send(String body, int retry) {
    String ts = Long.toString(Instant.now().getEpochSecond());
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint)
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .header("X-Slack-Request-Timestamp", ts)
            .header("X-Slack-Signature", signature(secret, ts, body))
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (retry > 0) {
      request.header("X-Slack-Retry-Num", Integer.toString(retry));
      request.header("X-Slack-Retry-Reason", "http_error");
    }
    return http.sendAsync(
        request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
