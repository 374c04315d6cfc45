package dev.pastefix.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Payloads shaped like the ones Slack sends, for the loopback tests. */
public final class SlackPayloads {
  public static final String TEAM = FakeSlackApi.TEAM;
  private static final ObjectMapper JSON = new ObjectMapper();

  private SlackPayloads() {}

  /** An Events API callback carrying one message event. */
  public static String message(
      String eventId,
      String channel,
      String channelType,
      String user,
      String ts,
      String text,
      Optional<String> threadTs) {
    ObjectNode event = JSON.createObjectNode();
    event.put("type", "message");
    event.put("channel", channel);
    event.put("user", user);
    event.put("text", text);
    event.put("ts", ts);
    event.put("event_ts", ts);
    event.put("channel_type", channelType);
    threadTs.ifPresent(t -> event.put("thread_ts", t));
    return callback(eventId, event);
  }

  public static String channelMessage(String eventId, String channel, String ts, String text) {
    return message(eventId, channel, "channel", "U0USER1", ts, text, Optional.empty());
  }

  public static String mention(String eventId, String channel, String ts, String text) {
    ObjectNode event = JSON.createObjectNode();
    event.put("type", "app_mention");
    event.put("channel", channel);
    event.put("user", "U0USER1");
    event.put("text", text);
    event.put("ts", ts);
    event.put("event_ts", ts);
    return callback(eventId, event);
  }

  public static String botMessage(String eventId, String channel, String ts, String text) {
    ObjectNode event = JSON.createObjectNode();
    event.put("type", "message");
    event.put("subtype", "bot_message");
    event.put("channel", channel);
    event.put("bot_id", "BOTHER");
    event.put("text", text);
    event.put("ts", ts);
    event.put("channel_type", "channel");
    return callback(eventId, event);
  }

  public static String editedMessage(String eventId, String channel, String ts, String text) {
    ObjectNode event = JSON.createObjectNode();
    event.put("type", "message");
    event.put("subtype", "message_changed");
    event.put("channel", channel);
    event.put("ts", ts);
    event.put("channel_type", "channel");
    ObjectNode message = event.putObject("message");
    message.put("type", "message");
    message.put("user", "U0USER1");
    message.put("text", text);
    message.put("ts", ts);
    return callback(eventId, event);
  }

  public static String callback(String eventId, ObjectNode event) {
    ObjectNode body = JSON.createObjectNode();
    body.put("token", "legacy-verification-token");
    body.put("team_id", TEAM);
    body.put("api_app_id", "A0APP");
    body.set("event", event);
    body.put("type", "event_callback");
    body.put("event_id", eventId);
    body.put("event_time", 1_700_000_000);
    ArrayNode auths = body.putArray("authorizations");
    ObjectNode auth = auths.addObject();
    auth.put("team_id", TEAM);
    auth.put("user_id", FakeSlackApi.BOT_USER);
    auth.put("is_bot", true);
    return body.toString();
  }

  /** The form fields of a {@code /pastefix} invocation. */
  public static Map<String, String> command(String text, String responseUrl) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("token", "legacy-verification-token");
    form.put("team_id", TEAM);
    form.put("team_domain", "test");
    form.put("channel_id", "C0ADMINS");
    form.put("channel_name", "admins");
    form.put("user_id", "U0USER1");
    form.put("user_name", "admin");
    form.put("command", "/pastefix");
    form.put("text", text);
    form.put("api_app_id", "A0APP");
    form.put("response_url", responseUrl);
    form.put("trigger_id", "1.2.3");
    return form;
  }

  /**
   * The form of a button click on a message: {@code payload} is the JSON Slack posts; {@code
   * blocksJson} the message's blocks (for a visible message) or empty (an ephemeral one).
   */
  public static Map<String, String> blockAction(
      String actionId,
      String blockId,
      String value,
      String channel,
      String messageTs,
      Optional<String> blocksJson,
      String responseUrl) {
    ObjectNode payload = JSON.createObjectNode();
    payload.put("type", "block_actions");
    payload.putObject("team").put("id", TEAM).put("domain", "test");
    payload.putObject("user").put("id", "U0USER2").put("username", "other").put("team_id", TEAM);
    payload.put("api_app_id", "A0APP");
    payload.put("token", "legacy-verification-token");
    ObjectNode container = payload.putObject("container");
    container.put("type", "message");
    container.put("message_ts", messageTs);
    container.put("channel_id", channel);
    container.put("is_ephemeral", blocksJson.isEmpty());
    payload.put("trigger_id", "1.2.3");
    payload.putObject("channel").put("id", channel).put("name", "admins");
    blocksJson.ifPresent(
        blocks -> {
          ObjectNode message = payload.putObject("message");
          message.put("type", "message");
          message.put("user", FakeSlackApi.BOT_USER);
          message.put("bot_id", FakeSlackApi.BOT_ID);
          message.put("text", "the answer");
          message.put("ts", messageTs);
          try {
            message.set("blocks", JSON.readTree(blocks));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
    payload.put("response_url", responseUrl);
    ObjectNode action = payload.putArray("actions").addObject();
    action.put("action_id", actionId);
    action.put("block_id", blockId);
    action.put("type", "button");
    action.put("value", value);
    action.putObject("text").put("type", "plain_text").put("text", "button");
    action.put("action_ts", "1700000200.000001");
    Map<String, String> form = new LinkedHashMap<>();
    form.put("payload", payload.toString());
    return form;
  }
}
