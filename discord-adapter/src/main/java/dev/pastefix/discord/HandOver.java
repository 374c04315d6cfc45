package dev.pastefix.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pastefix.core.Channel;
import dev.pastefix.core.Inbound;
import dev.pastefix.core.Origin;
import dev.pastefix.core.state.ConversationKey;
import dev.pastefix.core.state.Redaction;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

/**
 * What another instance needs to answer a Discord message whose instance died: the message and
 * channel ids to reply to and the message as the bot read it, its text redacted as everything
 * stored is. Stored as the payload of the message's claim.
 */
record HandOver(String messageId, String channelId, Inbound.Message message) {
  private static final ObjectMapper JSON = new ObjectMapper();

  HandOver {
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(channelId, "channelId");
    Objects.requireNonNull(message, "message");
  }

  /** The hand-over of {@code message}, its text redacted. */
  static HandOver of(String messageId, String channelId, Inbound.Message message) {
    return new HandOver(
        messageId,
        channelId,
        new Inbound.Message(message.origin(), Redaction.redact(message.text())));
  }

  String toJson() {
    ObjectNode node = JSON.createObjectNode();
    node.put("message", messageId);
    node.put("channel", channelId);
    Origin origin = message.origin();
    node.put("kind", origin.channel().name());
    node.put("user", origin.senderId());
    ConversationKey key = origin.conversationKey();
    node.put("workspace", key.workspace());
    node.put("conversation", key.channel());
    key.thread().ifPresent(t -> node.put("thread", t));
    node.put("text", message.text());
    return node.toString();
  }

  /** The hand-over a claim carries; empty when it carries none or one this version cannot read. */
  static Optional<HandOver> parse(String payload) {
    if (payload.isBlank()) {
      return Optional.empty();
    }
    try {
      JsonNode node = JSON.readTree(payload);
      ConversationKey key =
          new ConversationKey(
              Conversations.PLATFORM,
              node.path("workspace").asText(),
              node.path("conversation").asText(),
              node.hasNonNull("thread")
                  ? Optional.of(node.get("thread").asText())
                  : Optional.empty());
      String messageId = node.path("message").asText();
      Origin origin =
          Origin.of(Channel.valueOf(node.path("kind").asText()), node.path("user").asText(), key)
              .delivered(messageId);
      return Optional.of(
          new HandOver(
              messageId,
              node.path("channel").asText(),
              new Inbound.Message(origin, node.path("text").asText())));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
