package dev.pastefix.teams;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pastefix.core.telemetry.Telemetry;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/messages}, the Bot Connector's door into pastefix, as a Jetty core handler. The
 * token is checked before the body is read; anything not from the Bot Connector gets 401 and
 * nothing else happens. Other paths are left to the next handler.
 */
final class MessagesEndpoint extends Handler.Abstract {
  private static final Logger log = LoggerFactory.getLogger(MessagesEndpoint.class);

  static final String PATH = "/api/messages";

  private final BotFrameworkAuth auth;
  private final ServiceUrls trusted;
  private final TeamsListener listener;
  private final Telemetry telemetry;
  private final ObjectMapper json = new ObjectMapper();

  MessagesEndpoint(
      BotFrameworkAuth auth, ServiceUrls trusted, TeamsListener listener, Telemetry telemetry) {
    this.auth = auth;
    this.trusted = trusted;
    this.listener = listener;
    this.telemetry = telemetry;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    if (!PATH.equals(Request.getPathInContext(request))) {
      return false;
    }
    long started = System.nanoTime();
    if (!HttpMethod.POST.is(request.getMethod())) {
      response.getHeaders().put(HttpHeader.ALLOW, "POST");
      return status(response, callback, HttpStatus.METHOD_NOT_ALLOWED_405);
    }
    BotFrameworkAuth.Caller caller;
    try {
      caller =
          auth.authenticate(
              Optional.ofNullable(request.getHeaders().get(HttpHeader.AUTHORIZATION)));
    } catch (BotFrameworkAuth.Unauthorized e) {
      log.info(
          "Teams: 401 for a request from {}: {}", Request.getRemoteAddr(request), e.getMessage());
      return status(response, callback, HttpStatus.UNAUTHORIZED_401);
    }
    long declared = request.getLength();
    if (declared > TeamsLimits.MAX_REQUEST_BYTES) {
      return status(response, callback, HttpStatus.PAYLOAD_TOO_LARGE_413);
    }
    Activity activity;
    try {
      Optional<byte[]> body = read(request);
      if (body.isEmpty()) {
        return status(response, callback, HttpStatus.PAYLOAD_TOO_LARGE_413);
      }
      JsonNode tree = json.readTree(body.get());
      activity = Activity.parse(tree == null ? json.nullNode() : tree);
    } catch (JsonProcessingException | Activity.Malformed e) {
      log.info("Teams: 400 for a malformed activity: {}", firstLine(e.getMessage()));
      return status(response, callback, HttpStatus.BAD_REQUEST_400);
    } catch (IOException e) {
      log.info("Teams: could not read a request body: {}", e.toString());
      return status(response, callback, HttpStatus.BAD_REQUEST_400);
    }
    try {
      auth.admit(caller, activity);
    } catch (BotFrameworkAuth.Unauthorized e) {
      log.info("Teams: 401 for activity {}: {}", activity.id(), e.getMessage());
      return status(response, callback, HttpStatus.UNAUTHORIZED_401);
    }
    trusted.trust(activity.serviceUrl());
    TeamsListener.Reception reception = listener.receive(activity);
    if (!(reception instanceof TeamsListener.Reception.Busy)) {
      telemetry.acknowledged(
          TeamsListener.PLATFORM, java.time.Duration.ofNanos(System.nanoTime() - started));
    }
    if (reception instanceof TeamsListener.Reception.InvokeResponse invoke) {
      response.setStatus(HttpStatus.OK_200);
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
      Content.Sink.write(response, true, invoke.body().toString(), callback);
      return true;
    }
    if (reception instanceof TeamsListener.Reception.Busy) {
      response.getHeaders().put(HttpHeader.RETRY_AFTER, "5");
      return status(response, callback, HttpStatus.SERVICE_UNAVAILABLE_503);
    }
    return status(response, callback, HttpStatus.OK_200);
  }

  /** The body, or empty when it is larger than {@link TeamsLimits#MAX_REQUEST_BYTES}. */
  private static Optional<byte[]> read(Request request) throws IOException {
    try (InputStream in = Content.Source.asInputStream(request)) {
      byte[] body = in.readNBytes(TeamsLimits.MAX_REQUEST_BYTES + 1);
      return body.length > TeamsLimits.MAX_REQUEST_BYTES ? Optional.empty() : Optional.of(body);
    }
  }

  private static boolean status(Response response, Callback callback, int status) {
    response.setStatus(status);
    response.write(true, null, callback);
    return true;
  }

  private static String firstLine(String message) {
    return message == null ? "" : message.lines().findFirst().orElse("");
  }
}
