package dev.pastefix.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.webhook.WebhookResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends replies through the Web API and {@code response_url}s. A rate-limited call (HTTP 429) is
 * retried after the {@code Retry-After} Slack asks for, a bounded number of times, so that a burst
 * does not lose a reply.
 */
final class SlackReplies {
  /** Attempts per call, the first included. */
  static final int MAX_ATTEMPTS = 4;

  /** The longest wait honoured; Slack asks for seconds, a longer pause would be a stuck thread. */
  static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(30);

  private static final Logger log = LoggerFactory.getLogger(SlackReplies.class);

  private final Slack slack;
  private final MethodsClient methods;
  private final ObjectMapper json = new ObjectMapper();

  SlackReplies(Slack slack, String botToken) {
    this.slack = slack;
    this.methods = slack.methods(botToken);
  }

  /** Posts a message, in a thread when {@code threadTs} is present; returns its timestamp. */
  Optional<String> postMessage(String channel, Optional<String> threadTs, SlackMessage message) {
    ChatPostMessageResponse response =
        call(
            "chat.postMessage",
            () ->
                methods.chatPostMessage(
                    r ->
                        r.channel(channel)
                            .threadTs(threadTs.orElse(null))
                            .text(message.text())
                            .blocksAsString(message.blocksJson())
                            .unfurlLinks(false)
                            .unfurlMedia(false)));
    return Optional.ofNullable(response).map(ChatPostMessageResponse::getTs);
  }

  /** Shows a message to one user only. */
  void postEphemeral(String channel, String user, Optional<String> threadTs, SlackMessage message) {
    call(
        "chat.postEphemeral",
        () ->
            methods.chatPostEphemeral(
                r ->
                    r.channel(channel)
                        .user(user)
                        .threadTs(threadTs.orElse(null))
                        .text(message.text())
                        .blocksAsString(message.blocksJson())));
  }

  /** Replaces a message the bot posted. */
  void update(String channel, String ts, String text, String blocksJson) {
    call(
        "chat.update",
        () ->
            methods.chatUpdate(
                r -> r.channel(channel).ts(ts).text(text).blocksAsString(blocksJson)));
  }

  /**
   * Answers through a {@code response_url}: {@code responseType} is {@code ephemeral} or {@code
   * in_channel}.
   */
  void respond(String responseUrl, String responseType, SlackMessage message) {
    ObjectNode body = json.createObjectNode();
    body.put("response_type", responseType);
    body.put("replace_original", false);
    body.put("text", message.text());
    try {
      body.set("blocks", json.readTree(message.blocksJson()));
    } catch (IOException e) {
      throw new IllegalArgumentException("blocks are not JSON", e);
    }
    postToResponseUrl(responseUrl, body.toString());
  }

  /** Deletes the message a {@code response_url} belongs to (an ephemeral reply once shared). */
  void deleteOriginal(String responseUrl) {
    postToResponseUrl(responseUrl, "{\"delete_original\":true}");
  }

  private void postToResponseUrl(String responseUrl, String payload) {
    for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      try {
        WebhookResponse response = slack.send(responseUrl, payload);
        int code = response.getCode() == null ? 0 : response.getCode();
        if (code == 429 && attempt < MAX_ATTEMPTS) {
          pause(header(response, "Retry-After"));
          continue;
        }
        if (code < 200 || code >= 300) {
          log.warn("response_url answered HTTP {}", code);
        }
        return;
      } catch (IOException e) {
        log.warn("response_url post failed: {}", e.getMessage());
        return;
      }
    }
  }

  /** A Web API call that may be rate-limited. */
  @FunctionalInterface
  interface ApiCall<T extends SlackApiTextResponse> {
    T run() throws IOException, SlackApiException;
  }

  /** Runs {@code call}, retrying on HTTP 429; returns empty-handed (logged) on any other error. */
  <T extends SlackApiTextResponse> T call(String method, ApiCall<T> call) {
    for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      try {
        T response = call.run();
        if (!response.isOk()) {
          if ("ratelimited".equals(response.getError()) && attempt < MAX_ATTEMPTS) {
            pause(Optional.empty());
            continue;
          }
          log.warn("{} failed: {}", method, response.getError());
          return null;
        }
        return response;
      } catch (SlackApiException e) {
        int code = e.getResponse() == null ? 0 : e.getResponse().code();
        if (code == 429 && attempt < MAX_ATTEMPTS) {
          Optional<String> retryAfter = Optional.ofNullable(e.getResponse().header("Retry-After"));
          log.info("{} rate-limited; retrying after {} s", method, retryAfter.orElse("1"));
          pause(retryAfter);
          continue;
        }
        log.warn("{} failed with HTTP {}: {}", method, code, errorOf(e));
        return null;
      } catch (IOException e) {
        log.warn("{} failed: {}", method, e.getMessage());
        return null;
      }
    }
    log.warn("{} still rate-limited after {} attempts; giving up", method, MAX_ATTEMPTS);
    return null;
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

  private static void pause(Optional<String> header) {
    try {
      Thread.sleep(retryAfter(header).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
