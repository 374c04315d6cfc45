package dev.pastefix.app;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * A Slack Web API on loopback for the load test (and the service tests): answers {@code auth.test}
 * and {@code chat.postMessage} after a configurable latency, without holding a thread while it
 * waits, and counts the replies per thread so that duplicates show.
 */
final class FakeSlackWebApi implements AutoCloseable {
  private final Server server;
  private final ServerConnector connector;
  private final Duration latency;
  private final Map<String, Integer> repliesByThread = new HashMap<>();
  private final AtomicLong ts = new AtomicLong(1_700_000_100_000_000L);
  private long lastPostNanos;
  private int posts;
  private final java.util.concurrent.atomic.AtomicInteger authTests =
      new java.util.concurrent.atomic.AtomicInteger();

  FakeSlackWebApi(Duration latency) throws Exception {
    this.latency = latency;
    QueuedThreadPool threads = new QueuedThreadPool(16, 4);
    threads.setName("fake-slack-api");
    threads.setDaemon(true);
    server = new Server(threads);
    connector = new ServerConnector(server, 1, 1);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    server.setHandler(
        new Handler.Abstract.NonBlocking() {
          @Override
          public boolean handle(Request request, Response response, Callback callback) {
            return answer(request, response, callback);
          }
        });
    server.start();
  }

  URI apiUrl() {
    return URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/api/");
  }

  private boolean answer(Request request, Response response, Callback callback) {
    String path = Request.getPathInContext(request);
    Content.Source.asStringAsync(request, StandardCharsets.UTF_8)
        .whenComplete(
            (body, failure) -> {
              if (failure != null) {
                callback.failed(failure);
                return;
              }
              if (path.equals("/api/chat.postMessage")) {
                Map<String, String> form = form(body);
                String channel = form.getOrDefault("channel", "");
                String json =
                    "{\"ok\":true,\"channel\":\"" + channel + "\",\"ts\":\"" + nextTs() + "\"}";
                server
                    .getScheduler()
                    .schedule(
                        () -> {
                          record(channel + "/" + form.getOrDefault("thread_ts", "-"));
                          send(response, callback, json);
                        },
                        latency.toMillis(),
                        TimeUnit.MILLISECONDS);
              } else if (path.equals("/api/auth.test")) {
                authTests.incrementAndGet();
                send(
                    response,
                    callback,
                    "{\"ok\":true,\"url\":\"https://loadtest.slack.com/\",\"team\":\"Load\","
                        + "\"user\":\"pastefix\",\"team_id\":\"T0LOAD\",\"user_id\":\"U0BOT\","
                        + "\"bot_id\":\"B0BOT\"}");
              } else {
                send(response, callback, "{\"ok\":true}");
              }
            });
    return true;
  }

  private synchronized void record(String thread) {
    repliesByThread.merge(thread, 1, Integer::sum);
    posts++;
    lastPostNanos = System.nanoTime();
    notifyAll();
  }

  private String nextTs() {
    long micros = ts.incrementAndGet();
    return (micros / 1_000_000) + "." + String.format("%06d", micros % 1_000_000);
  }

  private static void send(Response response, Callback callback, String json) {
    response.setStatus(200);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
    response.write(true, ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8)), callback);
  }

  private static Map<String, String> form(String body) {
    Map<String, String> form = new HashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        form.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return form;
  }

  /** auth.test calls answered so far. */
  int authTests() {
    return authTests.get();
  }

  /** chat.postMessage calls answered so far. */
  synchronized int posts() {
    return posts;
  }

  /** Threads (channel and parent message) that got at least one reply. */
  synchronized int repliedThreads() {
    return repliesByThread.size();
  }

  /** Replies beyond the first in a thread: an event answered twice. */
  synchronized int duplicates() {
    return repliesByThread.values().stream().mapToInt(n -> n - 1).sum();
  }

  synchronized long lastPostNanos() {
    return lastPostNanos;
  }

  /** Waits until {@code threads} threads got a reply, at most {@code wait}; false if not. */
  synchronized boolean awaitReplies(int threads, Duration wait) throws InterruptedException {
    long deadline = System.nanoTime() + wait.toNanos();
    while (repliesByThread.size() < threads) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return true;
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }
}
