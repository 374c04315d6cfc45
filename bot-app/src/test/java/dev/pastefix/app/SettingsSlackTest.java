package dev.pastefix.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Slack part of the settings: modes, defaults, and every problem reported at once. */
class SettingsSlackTest {
  @Test
  void choosesSocketModeWithAnAppToken() throws Exception {
    Settings settings =
        Settings.from(Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_APP_TOKEN", "xapp-1"));

    Settings.Slack slack = settings.slack().orElseThrow();
    assertTrue(slack.socketMode());
    assertEquals(Settings.DEFAULT_SLACK_API_URL, slack.apiUrl());
  }

  @Test
  void choosesHttpModeWithASigningSecretOnPort3000ByDefault() throws Exception {
    Settings settings =
        Settings.from(Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_SIGNING_SECRET", "s3cr3t"));

    Settings.Slack slack = settings.slack().orElseThrow();
    assertFalse(slack.socketMode());
    assertEquals(3000, slack.httpPort());
  }

  @Test
  void readsTheApiUrlAndPort() throws Exception {
    Settings settings =
        Settings.from(
            Map.of(
                "SLACK_BOT_TOKEN", "xoxb-1",
                "SLACK_SIGNING_SECRET", "s3cr3t",
                "SLACK_API_URL", "http://127.0.0.1:8089/api/",
                "PASTEFIX_HTTP_PORT", "3101"));

    assertEquals(URI.create("http://127.0.0.1:8089/api/"), settings.slack().orElseThrow().apiUrl());
    assertEquals(3101, settings.slack().orElseThrow().httpPort());
  }

  @Test
  void reportsEveryProblemOfAHalfConfiguredSlackAtOnce() {
    Settings.InvalidSettings e =
        assertThrows(
            Settings.InvalidSettings.class,
            () ->
                Settings.from(
                    Map.of(
                        "SLACK_APP_TOKEN", "not-an-app-token",
                        "SLACK_API_URL", "no url",
                        "PASTEFIX_HTTP_PORT", "70000")));

    assertEquals(4, e.problems().size(), e.getMessage());
    assertTrue(e.getMessage().contains("SLACK_BOT_TOKEN is missing"), e.getMessage());
    assertTrue(e.getMessage().contains("SLACK_APP_TOKEN should be"), e.getMessage());
    assertTrue(e.getMessage().contains("SLACK_API_URL"), e.getMessage());
    assertTrue(e.getMessage().contains("PASTEFIX_HTTP_PORT"), e.getMessage());
  }

  @Test
  void refusesBothModesAtOnce() {
    Settings.InvalidSettings e =
        assertThrows(
            Settings.InvalidSettings.class,
            () ->
                Settings.from(
                    Map.of(
                        "SLACK_BOT_TOKEN", "xoxb-1",
                        "SLACK_APP_TOKEN", "xapp-1",
                        "SLACK_SIGNING_SECRET", "s3cr3t")));

    assertTrue(e.getMessage().contains("choose Socket Mode or HTTP mode"), e.getMessage());
  }

  @Test
  void refusesABotTokenWithoutAMode() {
    Settings.InvalidSettings e =
        assertThrows(
            Settings.InvalidSettings.class,
            () -> Settings.from(Map.of("SLACK_BOT_TOKEN", "xoxb-1")));

    assertTrue(e.getMessage().contains("SLACK_APP_TOKEN"), e.getMessage());
    assertTrue(e.getMessage().contains("SLACK_SIGNING_SECRET"), e.getMessage());
  }

  @Test
  void neverShowsSlackSecretsInToString() throws Exception {
    Settings settings =
        Settings.from(
            Map.of("SLACK_BOT_TOKEN", "xoxb-hidden", "SLACK_SIGNING_SECRET", "hidden-secret"));

    assertFalse(settings.toString().contains("hidden"), settings.toString());
  }
}
