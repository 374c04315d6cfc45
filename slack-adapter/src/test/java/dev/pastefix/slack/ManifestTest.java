package dev.pastefix.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The app manifest asks for what the handlers use, no more. */
class ManifestTest {
  private static JsonNode manifest() throws Exception {
    return new ObjectMapper(new YAMLFactory()).readTree(Path.of("manifest.yaml").toFile());
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }

  @Test
  void asksForTheBotScopesTheHandlersNeed() throws Exception {
    assertEquals(
        List.of(
            "app_mentions:read",
            "chat:write",
            "channels:history",
            "groups:history",
            "im:history",
            "mpim:history",
            "im:write",
            "commands"),
        strings(manifest().path("oauth_config").path("scopes").path("bot")));
  }

  @Test
  void subscribesToMentionsAndMessagesEverywhere() throws Exception {
    assertEquals(
        List.of("app_mention", "message.channels", "message.groups", "message.im", "message.mpim"),
        strings(manifest().path("settings").path("event_subscriptions").path("bot_events")));
  }

  @Test
  void declaresTheSlashCommandInteractivityAndSocketMode() throws Exception {
    JsonNode manifest = manifest();

    assertEquals(
        SlackHandlers.COMMAND,
        manifest.path("features").path("slash_commands").get(0).path("command").asText());
    assertTrue(manifest.path("settings").path("interactivity").path("is_enabled").asBoolean());
    assertTrue(manifest.path("settings").path("socket_mode_enabled").asBoolean());
    assertTrue(manifest.path("features").path("app_home").path("messages_tab_enabled").asBoolean());
  }
}
