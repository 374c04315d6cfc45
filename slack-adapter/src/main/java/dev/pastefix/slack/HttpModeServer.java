package dev.pastefix.slack;

import com.slack.api.app_backend.SlackSignature;
import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slack's HTTP mode on the JDK's HTTP server: events, slash commands and interactivity all arrive
 * at {@value #EVENTS_PATH} and go through Bolt, which verifies each request's signature and
 * timestamp (401 otherwise). {@value #HEALTH_PATH} answers 200 for load balancers.
 */
final class HttpModeServer implements AutoCloseable {
  static final String EVENTS_PATH = "/slack/events";
  static final String HEALTH_PATH = "/healthz";

  /** Slack's payloads are a few kilobytes; anything this large is not from Slack. */
  static final int MAX_BODY_BYTES = 1 << 20;

  private static final int THREADS = 8;
  private static final Logger log = LoggerFactory.getLogger(HttpModeServer.class);

  private final App app;
  private final SlackRequestParser parser;
  private final HttpServer server;
  private final ExecutorService threads;

  HttpModeServer(App app, int port) throws IOException {
    this.app = app;
    this.parser = new SlackRequestParser(app.config());
    this.server = HttpServer.create(new InetSocketAddress(port), 0);
    this.threads =
        Executors.newFixedThreadPool(
            THREADS,
            r -> {
              Thread t = new Thread(r, "pastefix-slack-http");
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(threads);
    server.createContext(EVENTS_PATH, this::events);
    server.createContext(HEALTH_PATH, this::health);
  }

  void start() {
    server.start();
    log.info("Slack HTTP mode listening on port {} at {}", port(), EVENTS_PATH);
  }

  int port() {
    return server.getAddress().getPort();
  }

  private void health(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!exchange.getRequestMethod().equals("GET")
          && !exchange.getRequestMethod().equals("HEAD")) {
        send(exchange, 405, "text/plain; charset=utf-8", "method not allowed");
        return;
      }
      send(exchange, 200, "application/json; charset=utf-8", "{\"status\":\"ok\"}");
    }
  }

  private void events(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!exchange.getRequestURI().getPath().equals(EVENTS_PATH)) {
        send(exchange, 404, "text/plain; charset=utf-8", "not found");
        return;
      }
      if (!exchange.getRequestMethod().equals("POST")) {
        send(exchange, 405, "text/plain; charset=utf-8", "method not allowed");
        return;
      }
      byte[] body = readBody(exchange.getRequestBody());
      if (body == null) {
        send(exchange, 413, "text/plain; charset=utf-8", "request too large");
        return;
      }
      String bodyText = new String(body, StandardCharsets.UTF_8);
      // Check the signature before parsing: a stranger's malformed body must get 401, not reach
      // Bolt's parser.
      if (!signedBySlack(exchange, bodyText)) {
        send(exchange, 401, "text/plain; charset=utf-8", "invalid request");
        return;
      }
      Request<?> request;
      try {
        request =
            parser.parse(
                SlackRequestParser.HttpRequest.builder()
                    .requestUri(exchange.getRequestURI().getPath())
                    .queryString(query(exchange.getRequestURI().getRawQuery()))
                    .headers(new RequestHeaders(exchange.getRequestHeaders()))
                    .requestBody(bodyText)
                    .remoteAddress(exchange.getRemoteAddress().getAddress().getHostAddress())
                    .build());
      } catch (RuntimeException e) {
        log.warn("a signed request that is not a Slack payload: {}", e.toString());
        send(exchange, 400, "text/plain; charset=utf-8", "not a Slack request");
        return;
      }
      if (request == null) {
        send(exchange, 400, "text/plain; charset=utf-8", "not a Slack request");
        return;
      }
      Response response;
      try {
        response = app.run(request);
      } catch (Exception e) {
        log.error("a Slack request failed", e);
        send(exchange, 500, "text/plain; charset=utf-8", "internal error");
        return;
      }
      if (response.getHeaders() != null) {
        response
            .getHeaders()
            .forEach(
                (name, values) -> {
                  if (!name.equalsIgnoreCase("content-type")
                      && !name.equalsIgnoreCase("content-length")) {
                    exchange.getResponseHeaders().put(name, values);
                  }
                });
      }
      String contentType =
          response.getContentType() == null
              ? "text/plain; charset=utf-8"
              : response.getContentType();
      send(exchange, response.getStatusCode(), contentType, response.getBody());
    }
  }

  private boolean signedBySlack(HttpExchange exchange, String body) {
    String secret = app.config().getSigningSecret();
    String timestamp = exchange.getRequestHeaders().getFirst("X-Slack-Request-Timestamp");
    String signature = exchange.getRequestHeaders().getFirst("X-Slack-Signature");
    if (secret == null || timestamp == null || signature == null) {
      return false;
    }
    return new SlackSignature.Verifier(new SlackSignature.Generator(secret))
        .isValid(timestamp, body, signature);
  }

  private static byte[] readBody(InputStream in) throws IOException {
    byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
    return bytes.length > MAX_BODY_BYTES ? null : bytes;
  }

  private static Map<String, List<String>> query(String rawQuery) {
    Map<String, List<String>> query = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return query;
    }
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      String name =
          URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value =
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      query.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
    return query;
  }

  private static void send(HttpExchange exchange, int status, String contentType, String body)
      throws IOException {
    byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    if (exchange.getRequestMethod().equals("HEAD")) {
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  @Override
  public void close() {
    server.stop(1);
    threads.shutdown();
    try {
      threads.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
