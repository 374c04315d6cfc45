package dev.pastefix.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The management endpoints: {@code /healthz} (200 while the process is alive), {@code /readyz} (200
 * when every check passes, else 503 with a JSON body naming what is not ready) and {@code /metrics}
 * (Prometheus text format from Micrometer's registry).
 */
final class ManagementHandler extends Handler.Abstract {
  static final String HEALTH = "/healthz";
  static final String READY = "/readyz";
  static final String METRICS = "/metrics";

  private static final String JSON = "application/json; charset=utf-8";

  private final Readiness readiness;
  private final PrometheusMeterRegistry registry;
  private final ObjectMapper json = new ObjectMapper();

  ManagementHandler(Readiness readiness, PrometheusMeterRegistry registry) {
    this.readiness = readiness;
    this.registry = registry;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    String path = Request.getPathInContext(request);
    if (!path.equals(HEALTH) && !path.equals(READY) && !path.equals(METRICS)) {
      return false;
    }
    if (!request.getMethod().equals("GET") && !request.getMethod().equals("HEAD")) {
      send(response, callback, 405, "text/plain; charset=utf-8", "method not allowed");
      return true;
    }
    switch (path) {
      case HEALTH:
        send(response, callback, 200, JSON, "{\"status\":\"alive\"}");
        break;
      case READY:
        ready(response, callback);
        break;
      default:
        send(
            response, callback, 200, "text/plain; version=0.0.4; charset=utf-8", registry.scrape());
    }
    return true;
  }

  private void ready(Response response, Callback callback) {
    List<String> notReady = readiness.notReady();
    ObjectNode body = json.createObjectNode();
    body.put("status", notReady.isEmpty() ? "ready" : "not ready");
    ArrayNode failing = body.putArray("not_ready");
    notReady.forEach(failing::add);
    ArrayNode checks = body.putArray("checks");
    readiness.names().forEach(checks::add);
    // Ready while degraded is allowed (the bot answers from memory); the body says so.
    readiness.states().forEach(body::put);
    send(response, callback, notReady.isEmpty() ? 200 : 503, JSON, body.toString());
  }

  private static void send(
      Response response, Callback callback, int status, String type, String body) {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
  }
}
