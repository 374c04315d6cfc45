package dev.pastefix.app;

import dev.pastefix.core.telemetry.LoggedText;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.HostPort;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets a request through only when its {@code Host} names this server: the configured host, an IP
 * literal or {@code localhost}. A web page in a browser on the host can point a name of its own at
 * 127.0.0.1 (DNS rebinding) and read the answers as same-origin; its requests still carry that
 * name, so they get 421 and never a metric. No name is ever looked up.
 */
final class HostGate extends Handler.Wrapper {
  /** The answer to a Host that names another server (RFC 9110, 15.5.20). */
  static final int MISDIRECTED = 421;

  static final int BAD_REQUEST = 400;

  private static final Logger log = LoggerFactory.getLogger(HostGate.class);

  private static final Pattern IPV4 =
      Pattern.compile(
          "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(?:\\.(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

  /** An IPv6 literal as a Host header writes it, brackets included, an optional zone after %. */
  private static final Pattern IPV6 = Pattern.compile("\\[[0-9A-Fa-f:.]+(?:%25[\\w.~-]+)?]");

  private final String configuredHost;

  HostGate(String configuredHost, Handler handler) {
    super(Objects.requireNonNull(handler, "handler"));
    this.configuredHost = normal(Objects.requireNonNull(configuredHost, "configuredHost"));
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    Optional<String> refusal = refusal(request);
    if (refusal.isEmpty()) {
      return super.handle(request, response, callback);
    }
    log.debug("management request refused: {}", refusal.get());
    boolean missing = request.getHeaders().get(HttpHeader.HOST) == null;
    response.setStatus(missing ? BAD_REQUEST : MISDIRECTED);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    response.getHeaders().put("X-Content-Type-Options", "nosniff");
    String body =
        "pastefix: "
            + refusal.get()
            + "; the management endpoints answer only Host "
            + configuredHost
            + ", localhost or an IP address\n";
    response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    return true;
  }

  /**
   * Why {@code request} is not for this server, if it is not. (An absolute request target that
   * disagrees with the Host header Jetty refuses itself, with 400.)
   */
  private Optional<String> refusal(Request request) {
    String header = request.getHeaders().get(HttpHeader.HOST);
    if (header == null || header.isBlank()) {
      return Optional.of("the request has no Host header");
    }
    Optional<String> host = hostOf(header);
    if (host.isEmpty() || !allowed(host.get())) {
      return Optional.of("Host " + LoggedText.quoted(header) + " names another server");
    }
    return Optional.empty();
  }

  /** The host part of a Host header, lower-cased, without port or trailing dot. */
  private static Optional<String> hostOf(String header) {
    try {
      return Optional.of(normal(new HostPort(header.strip()).getHost()));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private boolean allowed(String host) {
    return host.equals(configuredHost)
        || host.equals("localhost")
        || IPV4.matcher(host).matches()
        || IPV6.matcher(host).matches();
  }

  private static String normal(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.indexOf(':') >= 0 && !h.startsWith("[")) {
      h = "[" + h + "]";
    }
    return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
  }
}
