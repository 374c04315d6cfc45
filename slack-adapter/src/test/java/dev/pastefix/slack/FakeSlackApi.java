package dev.pastefix.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.WebSocketListener;

/**
 * A loopback Slack Web API: answers auth.test, chat.postMessage, chat.postEphemeral, chat.update,
 * apps.connections.open (pointing at a WebSocket on the same server) and response_url posts, and
 * records every request.
 */
public final class FakeSlackApi implements AutoCloseable {
  public static final String BOT_USER = "UBOT";
  public static final String BOT_ID = "BBOT";
  public static final String TEAM = "T0001";

  /** One request the fake received. */
  public record Call(
      String path, String body, Map<String, String> form, Instant at, int status, String token) {
    JsonNode json() {
      try {
        return new ObjectMapper().readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    JsonNode blocks() {
      try {
        return new ObjectMapper().readTree(form.getOrDefault("blocks", "[]"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private final MockWebServer server = new MockWebServer();
  private final List<Call> calls = new ArrayList<>();
  private final AtomicInteger postMessageRateLimits = new AtomicInteger();
  private final AtomicLong ts = new AtomicLong(1_700_000_100_000_000L);
  private volatile WebSocketListener socketListener;
  private volatile boolean rejectTokens;
  private volatile String heldToken = "";
  private final AtomicInteger heldPosts = new AtomicInteger();
  private final java.util.concurrent.CountDownLatch release =
      new java.util.concurrent.CountDownLatch(1);
  private volatile Duration postDelay = Duration.ZERO;

  public FakeSlackApi() throws IOException {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return answer(request);
          }
        });
    server.start();
  }

  public URI apiUrl() {
    return server.url("/api/").uri();
  }

  public String responseUrl(String id) {
    return server.url("/response/" + id).toString();
  }

  /** The next {@code count} chat.postMessage calls are answered HTTP 429, Retry-After 1. */
  public void rateLimitPostMessage(int count) {
    postMessageRateLimits.set(count);
  }

  /** Holds every chat.postMessage of {@code token} open until {@link #releaseHeldPosts}. */
  public void holdPostMessagesOf(String token) {
    heldToken = token;
  }

  /** How many posts are held open now or were. */
  public int heldPosts() {
    return heldPosts.get();
  }

  /** Lets the held posts go (their callers may be gone). */
  public void releaseHeldPosts() {
    heldToken = "";
    release.countDown();
  }

  /** Every chat.postMessage answer is held back for {@code delay}, like a slow Web API. */
  void delayPosts(Duration delay) {
    postDelay = delay;
  }

  /** auth.test answers {@code invalid_auth}, as Slack does for a revoked or mistyped token. */
  public void rejectTokens() {
    rejectTokens = true;
  }

  public void acceptWebSocket(WebSocketListener listener) {
    this.socketListener = listener;
  }

  private MockResponse answer(RecordedRequest request) {
    String path = request.getUrl().encodedPath();
    String body = request.getBody() == null ? "" : request.getBody().utf8();
    Map<String, String> form = form(request, body);
    String authorization = request.getHeaders().get("Authorization");
    String token =
        authorization == null
            ? form.getOrDefault("token", "")
            : authorization.replace("Bearer ", "");
    if (path.equals("/api/chat.postMessage") && token.equals(heldToken)) {
      // Holds the post open, as a slow Web API would, until the test lets it go.
      heldPosts.incrementAndGet();
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    MockResponse response;
    switch (path) {
      case "/api/auth.test":
        if (rejectTokens) {
          response = json(200, "{\"ok\":false,\"error\":\"invalid_auth\"}");
          break;
        }
        response =
            json(
                200,
                "{\"ok\":true,\"url\":\"https://test.slack.com/\",\"team\":\"Test\",\"user\":\"pastefix\","
                    + "\"team_id\":\""
                    + TEAM
                    + "\",\"user_id\":\""
                    + BOT_USER
                    + "\",\"bot_id\":\""
                    + BOT_ID
                    + "\"}");
        break;
      case "/api/chat.postMessage":
        if (postMessageRateLimits.getAndUpdate(n -> Math.max(n - 1, 0)) > 0) {
          response =
              new MockResponse.Builder()
                  .code(429)
                  .addHeader("Retry-After", "1")
                  .addHeader("Content-Type", "application/json")
                  .body("{\"ok\":false,\"error\":\"ratelimited\"}")
                  .build();
        } else {
          response =
              json(
                      200,
                      "{\"ok\":true,\"channel\":\""
                          + form.getOrDefault("channel", "")
                          + "\",\"ts\":\""
                          + nextTs()
                          + "\"}")
                  .newBuilder()
                  .headersDelay(postDelay.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                  .build();
        }
        break;
      case "/api/chat.postEphemeral":
        response = json(200, "{\"ok\":true,\"message_ts\":\"" + nextTs() + "\"}");
        break;
      case "/api/chat.update":
        response =
            json(
                200,
                "{\"ok\":true,\"channel\":\""
                    + form.getOrDefault("channel", "")
                    + "\",\"ts\":\""
                    + form.getOrDefault("ts", "")
                    + "\"}");
        break;
      case "/api/apps.connections.open":
        response =
            json(
                200,
                "{\"ok\":true,\"url\":\"ws://127.0.0.1:"
                    + server.getPort()
                    + "/link/?ticket=t1\"}");
        break;
      case "/link/":
        WebSocketListener listener = socketListener;
        response =
            listener == null
                ? json(404, "{}")
                : new MockResponse.Builder().webSocketUpgrade(listener).build();
        break;
      default:
        if (path.startsWith("/response/")) {
          response = new MockResponse.Builder().code(200).body("ok").build();
        } else {
          response = json(404, "{\"ok\":false,\"error\":\"unknown_method\"}");
        }
    }
    synchronized (calls) {
      calls.add(new Call(path, body, form, Instant.now(), response.getCode(), token));
      calls.notifyAll();
    }
    return response;
  }

  private String nextTs() {
    long micros = ts.incrementAndGet();
    return (micros / 1_000_000) + "." + String.format("%06d", micros % 1_000_000);
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .addHeader("Content-Type", "application/json; charset=utf-8")
        .body(body)
        .build();
  }

  private static Map<String, String> form(RecordedRequest request, String body) {
    Map<String, String> form = new LinkedHashMap<>();
    String type = request.getHeaders().get("Content-Type");
    if (type == null || !type.startsWith("application/x-www-form-urlencoded")) {
      return form;
    }
    for (String pair : body.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name =
          URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value =
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      form.put(name, value);
    }
    return form;
  }

  /** Every call to {@code path} so far. */
  public List<Call> calls(String path) {
    synchronized (calls) {
      return calls.stream().filter(c -> c.path().equals(path)).toList();
    }
  }

  /** Waits until a call to {@code path} matching {@code test} arrives; fails after {@code wait}. */
  public Call await(String path, Predicate<Call> test, Duration wait) throws InterruptedException {
    long deadline = System.nanoTime() + wait.toNanos();
    synchronized (calls) {
      while (true) {
        for (Call call : calls) {
          if (call.path().equals(path) && test.test(call)) {
            return call;
          }
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError("no " + path + " call arrived; calls were: " + paths());
        }
        calls.wait(Math.max(1, left / 1_000_000));
      }
    }
  }

  public Call await(String path) throws InterruptedException {
    return await(path, c -> true, Duration.ofSeconds(10));
  }

  /** Waits until {@code count} calls to {@code path} arrived. */
  public List<Call> awaitCount(String path, int count) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    synchronized (calls) {
      while (calls(path).size() < count) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError(
              "expected " + count + " " + path + " calls; calls were: " + paths());
        }
        calls.wait(Math.max(1, left / 1_000_000));
      }
      return calls(path);
    }
  }

  private List<String> paths() {
    return calls.stream().map(Call::path).toList();
  }

  @Override
  public void close() {
    release.countDown();
    server.close();
  }
}
