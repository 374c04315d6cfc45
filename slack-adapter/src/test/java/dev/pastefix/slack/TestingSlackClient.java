package dev.pastefix.slack;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Plays Slack's side of HTTP mode: sends signed requests to the bot's endpoint. */
public final class TestingSlackClient {
  private final HttpClient http = HttpClient.newHttpClient();
  private final URI endpoint;
  private final String signingSecret;

  public TestingSlackClient(int port, String signingSecret) {
    this.endpoint = URI.create("http://127.0.0.1:" + port + "/slack/events");
    this.signingSecret = signingSecret;
  }

  /** Slack's request signature: {@code v0=} HMAC-SHA256 of {@code v0:timestamp:body}. */
  public static String signature(String secret, String timestamp, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] digest =
          mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8));
      return "v0=" + HexFormat.of().formatHex(digest);
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public HttpResponse<String> postJson(String body, Map<String, String> headers)
      throws IOException, InterruptedException {
    return post(body, "application/json", headers, Instant.now().getEpochSecond(), signingSecret);
  }

  public HttpResponse<String> postJson(String body) throws IOException, InterruptedException {
    return postJson(body, Map.of());
  }

  public HttpResponse<String> postForm(Map<String, String> fields)
      throws IOException, InterruptedException {
    return post(
        form(fields),
        "application/x-www-form-urlencoded",
        Map.of(),
        Instant.now().getEpochSecond(),
        signingSecret);
  }

  public HttpResponse<String> post(
      String body, String contentType, Map<String, String> headers, long timestamp, String secret)
      throws IOException, InterruptedException {
    String ts = Long.toString(timestamp);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint)
            .header("Content-Type", contentType)
            .header("X-Slack-Request-Timestamp", ts)
            .header("X-Slack-Signature", signature(secret, ts, body))
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    headers.forEach(request::header);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /**
   * The status code the bot answers to a request that announces a body of {@code length} bytes,
   * read after sending only the headers: a refusal of an oversized body comes before the body, and
   * a test that sent the body would race the server closing the connection on it. (Java 17's client
   * hangs on {@code Expect: 100-continue} answered with a refusal, hence a plain socket.)
   */
  public int statusForAnnouncedBody(long length) throws IOException {
    try (java.net.Socket socket = new java.net.Socket(endpoint.getHost(), endpoint.getPort())) {
      socket.setSoTimeout(10_000);
      String head =
          "POST "
              + endpoint.getPath()
              + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
              + "Content-Length: "
              + length
              + "\r\n\r\n";
      socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      String status =
          new java.io.BufferedReader(
                  new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
              .readLine();
      if (status == null) {
        throw new IOException("the connection closed without a response");
      }
      // "HTTP/1.1 413 Payload Too Large"
      return Integer.parseInt(status.split(" ")[1]);
    }
  }

  public HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(endpoint.resolve(path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  public static String form(Map<String, String> fields) {
    StringBuilder out = new StringBuilder();
    fields.forEach(
        (name, value) -> {
          if (out.length() > 0) {
            out.append('&');
          }
          out.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
              .append('=')
              .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        });
    return out.toString();
  }
}
