package dev.pastefix.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pastefix.core.feedback.Votes;
import dev.pastefix.core.reply.BotCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a pastefix card button does, carried in its {@code Action.Submit} data so that a click can
 * be handled after a restart. Teams sends the data back as the {@code value} of a message activity
 * (or inside {@code value.action.data} of an {@code adaptiveCard/action} invoke).
 */
sealed interface CardAction {
  /** The member that marks the data as ours, with the kind of action as its value. */
  String MARKER = "pastefix";

  ObjectNode data();

  /** Helpful / Not helpful on the answer about {@code entryIds}. */
  record Feedback(boolean helpful, List<String> entryIds) implements CardAction {
    public Feedback {
      entryIds = List.copyOf(entryIds);
    }

    @Override
    public ObjectNode data() {
      ObjectNode data = JsonNodeFactory.instance.objectNode();
      data.put(MARKER, "feedback");
      data.put("helpful", helpful);
      entryIds.forEach(data.putArray("entries")::add);
      return data;
    }
  }

  /** Runs a check with an argument taken from the paste (possibly empty). */
  record RunCheck(String checkId, String argument) implements CardAction {
    public RunCheck {
      Objects.requireNonNull(checkId, "checkId");
      Objects.requireNonNull(argument, "argument");
    }

    @Override
    public ObjectNode data() {
      ObjectNode data = JsonNodeFactory.instance.objectNode();
      data.put(MARKER, "check");
      data.put("check", checkId);
      data.put("argument", argument);
      return data;
    }

    /** The command the engine runs for the click, as the card offered it. */
    BotCommand.RunCheck command() {
      return new BotCommand.RunCheck(checkId, argument);
    }
  }

  /** The action behind a click's value, or empty when the value is not ours. */
  static Optional<CardAction> parse(JsonNode value) {
    JsonNode data = value.has(MARKER) ? value : value.path("action").path("data");
    String kind = data.path(MARKER).asText("");
    if (kind.equals("feedback") && data.path("helpful").isBoolean()) {
      List<String> ids = new ArrayList<>();
      for (JsonNode id : data.path("entries")) {
        if (id.isTextual() && !id.asText().isBlank()) {
          ids.add(id.asText());
        }
        if (ids.size() > Votes.MAX_ENTRIES) {
          // More than an answer can be about: enough for the vote to be refused, no more read.
          break;
        }
      }
      return Optional.of(new Feedback(data.path("helpful").asBoolean(), ids));
    }
    if (kind.equals("check") && data.path("check").isTextual()) {
      String check = data.path("check").asText().strip();
      if (check.isEmpty() || check.contains(" ")) {
        return Optional.empty();
      }
      return Optional.of(new RunCheck(check, data.path("argument").asText("").strip()));
    }
    return Optional.empty();
  }
}
