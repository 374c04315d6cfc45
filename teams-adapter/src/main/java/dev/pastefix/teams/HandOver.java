package dev.pastefix.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pastefix.core.state.Redaction;
import java.io.IOException;
import java.util.Optional;

/**
 * What another instance needs to answer a Teams message whose instance died: the parts of the
 * activity the reply is built from, its text redacted as everything stored is. Stored as the
 * payload of the activity's claim and read back as an {@link Activity}.
 */
final class HandOver {
  private static final ObjectMapper JSON = new ObjectMapper();

  private HandOver() {}

  /** The hand-over of a message activity, its text redacted. */
  static String of(Activity activity) {
    ObjectNode node = JSON.createObjectNode();
    node.put("type", activity.type());
    node.put("id", activity.id());
    node.put("serviceUrl", activity.serviceUrl());
    node.put("channelId", activity.channelId());
    node.putObject("from").put("id", activity.from().id()).put("name", activity.from().name());
    node.putObject("recipient")
        .put("id", activity.recipient().id())
        .put("name", activity.recipient().name());
    ObjectNode conversation = node.putObject("conversation");
    conversation.put("id", activity.conversationId());
    conversation.put("conversationType", activity.conversationType());
    activity.tenantId().ifPresent(t -> conversation.put("tenantId", t));
    node.put("text", Redaction.redact(activity.text()));
    activity.replyToId().ifPresent(r -> node.put("replyToId", r));
    activity.locale().ifPresent(l -> node.put("locale", l.toLanguageTag()));
    ArrayNode entities = node.putArray("entities");
    for (Activity.Mention mention : activity.mentions()) {
      ObjectNode entity = entities.addObject();
      entity.put("type", "mention");
      entity.putObject("mentioned").put("id", mention.mentionedId());
      entity.put("text", mention.text());
    }
    return node.toString();
  }

  /** The activity a claim hands over; empty when it carries none or one this cannot read. */
  static Optional<Activity> parse(String payload) {
    if (payload.isBlank()) {
      return Optional.empty();
    }
    try {
      JsonNode node = JSON.readTree(payload);
      return Optional.of(Activity.parse(node == null ? JSON.nullNode() : node));
    } catch (IOException | Activity.Malformed e) {
      return Optional.empty();
    }
  }
}
