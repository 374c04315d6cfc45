package dev.pastefix.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.webhook.WebhookResponse;
import dev.pastefix.core.telemetry.Telemetry;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends replies through the Web API and {@code response_url}s, one attempt per call: a rate-limited
 * call (HTTP 429) or a network failure comes back as {@link Delivery.RetryAfter}, with the wait
 * Slack asked for, and the {@link Outbox} tries again without holding a thread.
 */
final class SlackReplies {
  /** The longest wait honoured; Slack asks for seconds, a longer pause would stall a channel. */
  static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(30);

  /** The wait before trying again after a network failure. */
  static final Duration NETWORK_RETRY = Duration.ofSeconds(1);

  static final String PLATFORM = "slack";

  private static final Logger log = LoggerFactory.getLogger(SlackReplies.class);

  private final Slack slack;
  private final MethodsClient methods;
  private final Telemetry telemetry;
  private final ObjectMapper json = new ObjectMapper();

  SlackReplies(Slack slack, String botToken, Telemetry telemetry) {
    this.slack = slack;
    this.methods = slack.methods(botToken);
    this.telemetry = telemetry;
  }

  /** Posts a message, in a thread when {@code threadTs} is present. */
  Delivery postMessage(String channel, Optional<String> threadTs, SlackMessage message) {
    return call(
        "chat.postMessage",
        () ->
            methods.chatPostMessage(
                r ->
                    r.channel(channel)
                        .threadTs(threadTs.orElse(null))
                        .text(message.text())
                        .blocksAsString(message.blocksJson())
                        .unfurlLinks(false)
                        .unfurlMedia(false)),
        ChatPostMessageResponse::getTs);
  }

  /** Shows a message to one user only. */
  Delivery postEphemeral(
      String channel, String user, Optional<String> threadTs, SlackMessage message) {
    return call(
        "chat.postEphemeral",
        () ->
            methods.chatPostEphemeral(
                r ->
                    r.channel(channel)
                        .user(user)
                        .threadTs(threadTs.orElse(null))
                        .text(message.text())
                        .blocksAsString(message.blocksJson())),
        r -> null);
  }

  /** Replaces a message the bot posted. */
  Delivery update(String channel, String ts, String text, String blocksJson) {
    return call(
        "chat.update",
        () ->
            methods.chatUpdate(
                r -> r.channel(channel).ts(ts).text(text).blocksAsString(blocksJson)),
        r -> null);
  }

  /**
   * Answers through a {@code response_url}: {@code responseType} is {@code ephemeral} or {@code
   * in_channel}.
   */
  Delivery respond(String responseUrl, String responseType, SlackMessage message) {
    ObjectNode body = json.createObjectNode();
    body.put("response_type", responseType);
    body.put("replace_original", false);
    body.put("text", message.text());
    try {
      body.set("blocks", json.readTree(message.blocksJson()));
    } catch (IOException e) {
      throw new IllegalArgumentException("blocks are not JSON", e);
    }
    return postToResponseUrl(responseUrl, body.toString());
  }

  /** Deletes the message a {@code response_url} belongs to (an ephemeral reply once shared). */
  Delivery deleteOriginal(String responseUrl) {
    return postToResponseUrl(responseUrl, "{\"delete_original\":true}");
  }

  private Delivery postToResponseUrl(String responseUrl, String payload) {
    try {
      WebhookResponse response = slack.send(responseUrl, payload);
      int code = response.getCode() == null ? 0 : response.getCode();
      if (code == 429) {
        telemetry.postingFailed(PLATFORM, true);
        return new Delivery.RetryAfter(
            retryAfter(header(response, "Retry-After")), "response_url rate-limited");
      }
      if (code < 200 || code >= 300) {
        telemetry.postingFailed(PLATFORM, false);
        log.warn("response_url answered HTTP {}", code);
        return new Delivery.Failed("response_url answered HTTP " + code);
      }
      return new Delivery.Sent(Optional.empty());
    } catch (IOException e) {
      telemetry.postingFailed(PLATFORM, false);
      return new Delivery.RetryAfter(NETWORK_RETRY, "response_url post failed: " + e.getMessage());
    }
  }

  /** A Web API call that may be rate-limited. */
  @FunctionalInterface
  interface ApiCall<T extends SlackApiTextResponse> {
    T run() throws IOException, SlackApiException;
  }

  /** Runs {@code call} once; {@code ts} reads the new message's timestamp from the answer. */
  <T extends SlackApiTextResponse> Delivery call(
      String method, ApiCall<T> call, Function<T, String> ts) {
    try {
      T response = call.run();
      if (!response.isOk()) {
        if ("ratelimited".equals(response.getError())) {
          telemetry.postingFailed(PLATFORM, true);
          return new Delivery.RetryAfter(retryAfter(Optional.empty()), method + " rate-limited");
        }
        telemetry.postingFailed(PLATFORM, false);
        log.warn("{} failed: {}", method, response.getError());
        return new Delivery.Failed(method + " failed: " + response.getError());
      }
      return new Delivery.Sent(Optional.ofNullable(ts.apply(response)));
    } catch (SlackApiException e) {
      int code = e.getResponse() == null ? 0 : e.getResponse().code();
      if (code == 429) {
        telemetry.postingFailed(PLATFORM, true);
        Optional<String> retryAfter = Optional.ofNullable(e.getResponse().header("Retry-After"));
        return new Delivery.RetryAfter(
            retryAfter(retryAfter),
            method + " rate-limited; Retry-After " + retryAfter.orElse("absent"));
      }
      telemetry.postingFailed(PLATFORM, false);
      if (code >= 500) {
        return new Delivery.RetryAfter(NETWORK_RETRY, method + " answered HTTP " + code);
      }
      log.warn("{} failed with HTTP {}: {}", method, code, errorOf(e));
      return new Delivery.Failed(method + " failed with HTTP " + code);
    } catch (IOException e) {
      telemetry.postingFailed(PLATFORM, false);
      return new Delivery.RetryAfter(NETWORK_RETRY, method + " failed: " + e.getMessage());
    }
  }

  private static Optional<String> header(WebhookResponse response, String name) {
    if (response.getHeaders() == null) {
      return Optional.empty();
    }
    return response.getHeaders().entrySet().stream()
        .filter(e -> e.getKey() != null && e.getKey().equalsIgnoreCase(name))
        .flatMap(e -> e.getValue().stream())
        .findFirst();
  }

  private static String errorOf(SlackApiException e) {
    return e.getError() != null && e.getError().getError() != null
        ? e.getError().getError()
        : "no error code";
  }

  /** The wait Slack asked for in {@code Retry-After} (seconds), bounded; one second if absent. */
  static Duration retryAfter(Optional<String> header) {
    long seconds = 1;
    if (header.isPresent()) {
      try {
        seconds = Long.parseLong(header.get().trim());
      } catch (NumberFormatException e) {
        seconds = 1;
      }
    }
    Duration wait = Duration.ofSeconds(Math.max(seconds, 0));
    return wait.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : wait;
  }
}
