package dev.pastefix.teams;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The parts of a Bot Framework activity the adapter reads. Everything else in the JSON is ignored;
 * a body without the fields every activity has is refused as malformed.
 */
record Activity(
    String type,
    String id,
    String serviceUrl,
    String channelId,
    Account from,
    Account recipient,
    String conversationId,
    String conversationType,
    Optional<String> tenantId,
    String text,
    Optional<String> replyToId,
    Optional<Locale> locale,
    Optional<String> name,
    Optional<JsonNode> value,
    List<Mention> mentions) {

  static final String MESSAGE = "message";
  static final String INVOKE = "invoke";

  /** One-to-one chat with the bot. */
  static final String PERSONAL = "personal";

  static final String CHANNEL = "channel";
  static final String GROUP_CHAT = "groupChat";

  /** A user or a bot: its channel account id and display name. */
  record Account(String id, String name) {
    Account {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(name, "name");
    }
  }

  /** An {@code @mention} entity: who was mentioned and the text that shows it in the message. */
  record Mention(String mentionedId, String text) {
    Mention {
      Objects.requireNonNull(mentionedId, "mentionedId");
      Objects.requireNonNull(text, "text");
    }
  }

  Activity {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(serviceUrl, "serviceUrl");
    Objects.requireNonNull(channelId, "channelId");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(conversationId, "conversationId");
    Objects.requireNonNull(conversationType, "conversationType");
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(replyToId, "replyToId");
    Objects.requireNonNull(locale, "locale");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    mentions = List.copyOf(mentions);
  }

  /** Thrown for a body that is not an activity; the message says which field is wrong. */
  static final class Malformed extends Exception {
    private static final long serialVersionUID = 1L;

    Malformed(String message) {
      super(message);
    }
  }

  /** Reads an activity; one without type, id, serviceUrl, from, recipient or conversation fails. */
  static Activity parse(JsonNode json) throws Malformed {
    if (!json.isObject()) {
      throw new Malformed("the body is not a JSON object");
    }
    List<String> missing = new ArrayList<>();
    String type = text(json, "type", missing);
    String id = text(json, "id", missing);
    String serviceUrl = text(json, "serviceUrl", missing);
    JsonNode from = json.path("from");
    JsonNode recipient = json.path("recipient");
    JsonNode conversation = json.path("conversation");
    String fromId = text(from, "id", missing, "from.id");
    String recipientId = text(recipient, "id", missing, "recipient.id");
    String conversationId = text(conversation, "id", missing, "conversation.id");
    if (!missing.isEmpty()) {
      throw new Malformed("the activity lacks " + String.join(", ", missing));
    }
    String conversationType =
        optional(conversation, "conversationType")
            .orElse(conversation.path("isGroup").asBoolean(false) ? GROUP_CHAT : PERSONAL);
    Optional<String> tenant =
        optional(conversation, "tenantId")
            .or(() -> optional(json.path("channelData").path("tenant"), "id"));
    List<Mention> mentions = new ArrayList<>();
    for (JsonNode entity : json.path("entities")) {
      if ("mention".equals(entity.path("type").asText())) {
        Optional<String> mentioned = optional(entity.path("mentioned"), "id");
        if (mentioned.isPresent()) {
          mentions.add(new Mention(mentioned.get(), entity.path("text").asText("")));
        }
      }
    }
    JsonNode value = json.path("value");
    return new Activity(
        type,
        id,
        serviceUrl,
        json.path("channelId").asText(""),
        new Activity.Account(fromId, from.path("name").asText("")),
        new Activity.Account(recipientId, recipient.path("name").asText("")),
        conversationId,
        conversationType,
        tenant,
        json.path("text").asText(""),
        optional(json, "replyToId"),
        optional(json, "locale").map(Locale::forLanguageTag),
        optional(json, "name"),
        value.isMissingNode() || value.isNull() ? Optional.empty() : Optional.of(value),
        mentions);
  }

  /** Whether the message {@code @mentions} the bot that received it. */
  boolean mentionsRecipient() {
    return mentions.stream().anyMatch(m -> m.mentionedId().equals(recipient.id()));
  }

  /** The text without the bot's mention tags ({@code <at>pastefix</at>}). */
  String textWithoutMention() {
    String stripped = text;
    for (Mention mention : mentions) {
      if (mention.mentionedId().equals(recipient.id()) && !mention.text().isEmpty()) {
        stripped = stripped.replace(mention.text(), " ");
      }
    }
    return stripped.strip();
  }

  private static String text(JsonNode node, String field, List<String> missing) {
    return text(node, field, missing, field);
  }

  private static String text(JsonNode node, String field, List<String> missing, String shown) {
    Optional<String> v = optional(node, field);
    if (v.isEmpty()) {
      missing.add(shown);
      return "";
    }
    return v.get();
  }

  private static Optional<String> optional(JsonNode node, String field) {
    JsonNode v = node.path(field);
    if (!v.isTextual() || v.asText().isBlank()) {
      return Optional.empty();
    }
    return Optional.of(v.asText());
  }
}
