package dev.pastefix.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.atomic.AtomicInteger;

/** Activities as the Bot Connector posts them for Teams, trimmed to what matters. */
final class Activities {
  static final String BOT_ID = "28:bot-id";
  static final String BOT_NAME = "pastefix";
  static final String USER_ID = "29:user-aad";
  static final String TENANT = "tenant-1";
  static final String CHANNEL_THREAD = "19:general@thread.tacv2;messageid=1700000000001";

  private static final AtomicInteger ids = new AtomicInteger(1000);

  private Activities() {}

  static String nextId() {
    return "1700000" + ids.incrementAndGet();
  }

  /** A message in the personal chat with the bot. */
  static ObjectNode personal(String serviceUrl, String text) {
    return message(serviceUrl, "a:personal-chat-1", "personal", text);
  }

  /** An unaddressed channel message (delivered through the RSC permission). */
  static ObjectNode channel(String serviceUrl, String conversationId, String text) {
    ObjectNode activity = message(serviceUrl, conversationId, "channel", text);
    activity.putObject("channelData").putObject("team").put("id", "19:team@thread.tacv2");
    return activity;
  }

  /** A channel message that {@code @mentions} the bot. */
  static ObjectNode mention(String serviceUrl, String conversationId, String text) {
    ObjectNode activity = channel(serviceUrl, conversationId, "<at>" + BOT_NAME + "</at> " + text);
    ObjectNode mention = activity.putArray("entities").addObject();
    mention.put("type", "mention");
    mention.put("text", "<at>" + BOT_NAME + "</at>");
    mention.putObject("mentioned").put("id", BOT_ID).put("name", BOT_NAME);
    return activity;
  }

  /** An {@code Action.Submit} click on a card the bot sent as {@code cardId}. */
  static ObjectNode click(String serviceUrl, String cardId, JsonNode data) {
    ObjectNode activity = message(serviceUrl, "a:personal-chat-1", "personal", "");
    activity.remove("text");
    activity.put("replyToId", cardId);
    activity.set("value", data);
    return activity;
  }

  static ObjectNode message(
      String serviceUrl, String conversationId, String conversationType, String text) {
    ObjectNode activity = JsonNodeFactory.instance.objectNode();
    activity.put("type", "message");
    activity.put("id", nextId());
    activity.put("timestamp", "2026-12-02T17:00:00.000Z");
    activity.put("serviceUrl", serviceUrl);
    activity.put("channelId", "msteams");
    activity.putObject("from").put("id", USER_ID).put("name", "Ada Admin");
    activity.putObject("recipient").put("id", BOT_ID).put("name", BOT_NAME);
    ObjectNode conversation = activity.putObject("conversation");
    conversation.put("id", conversationId);
    conversation.put("conversationType", conversationType);
    conversation.put("tenantId", TENANT);
    activity.put("text", text);
    activity.put("textFormat", "plain");
    activity.put("locale", "en-US");
    return activity;
  }
}
