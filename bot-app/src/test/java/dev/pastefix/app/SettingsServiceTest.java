package dev.pastefix.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The service settings: management endpoints, HTTP limits, logs and Slack's capacity. */
class SettingsServiceTest {
  @Test
  void defaultsToManagementOnLoopbackAndTextLogsAtInfo() throws Exception {
    Settings settings = Settings.from(Map.of());

    Settings.Service service = settings.service();
    assertEquals("127.0.0.1", service.managementHost());
    assertEquals(9464, service.managementPort());
    assertTrue(service.managementEnabled());
    assertEquals("0.0.0.0", service.httpHost());
    assertEquals(Settings.LogFormat.TEXT, service.logFormat());
    assertEquals("INFO", service.logLevel());
  }

  @Test
  void readsEveryServiceVariable() throws Exception {
    Settings settings =
        Settings.from(
            Map.ofEntries(
                Map.entry("SLACK_BOT_TOKEN", "xoxb-1"),
                Map.entry("SLACK_SIGNING_SECRET", "s"),
                Map.entry("PASTEFIX_MANAGEMENT_PORT", "0"),
                Map.entry("PASTEFIX_MANAGEMENT_HOST", "0.0.0.0"),
                Map.entry("PASTEFIX_HTTP_HOST", "127.0.0.1"),
                Map.entry("PASTEFIX_LOG_FORMAT", "JSON"),
                Map.entry("PASTEFIX_LOG_LEVEL", "debug"),
                Map.entry("PASTEFIX_HTTP_MAX_THREADS", "32"),
                Map.entry("PASTEFIX_HTTP_IDLE_TIMEOUT_MS", "2500"),
                Map.entry("PASTEFIX_HTTP_MAX_CONNECTIONS", "300"),
                Map.entry("PASTEFIX_SLACK_ENGINE_THREADS", "2"),
                Map.entry("PASTEFIX_SLACK_POSTING_THREADS", "8"),
                Map.entry("PASTEFIX_SLACK_BACKLOG", "100"),
                Map.entry("PASTEFIX_SLACK_CHANNEL_PACE_MS", "0")));

    Settings.Service service = settings.service();
    assertFalse(service.managementEnabled());
    assertEquals("0.0.0.0", service.managementHost());
    assertEquals("127.0.0.1", service.httpHost());
    assertEquals(Settings.LogFormat.JSON, service.logFormat());
    assertEquals("DEBUG", service.logLevel());
    assertEquals(
        new Settings.HttpLimits(32, Duration.ofMillis(2500), 1 << 20, 300), service.limits());
    var capacity = settings.slack().orElseThrow().capacity();
    assertEquals(2, capacity.engineThreads());
    assertEquals(8, capacity.postingThreads());
    assertEquals(100, capacity.backlog());
    assertEquals(Duration.ZERO, capacity.channelPace());
  }

  @Test
  void reportsEveryBadServiceVariableAtOnce() {
    Settings.InvalidSettings e =
        assertThrows(
            Settings.InvalidSettings.class,
            () ->
                Settings.from(
                    Map.of(
                        "PASTEFIX_MANAGEMENT_PORT", "70000",
                        "PASTEFIX_LOG_FORMAT", "xml",
                        "PASTEFIX_LOG_LEVEL", "loud",
                        "PASTEFIX_HTTP_MAX_THREADS", "two",
                        "PASTEFIX_MANAGEMENT_HOST", "a b")));

    assertEquals(5, e.problems().size(), e.getMessage());
    assertTrue(e.getMessage().contains("PASTEFIX_LOG_FORMAT must be text or json, got 'xml'"));
  }

  @Test
  void refusesTheSamePortForManagementAndSlack() {
    Settings.InvalidSettings e =
        assertThrows(
            Settings.InvalidSettings.class,
            () ->
                Settings.from(
                    Map.of(
                        "SLACK_BOT_TOKEN", "xoxb-1",
                        "SLACK_SIGNING_SECRET", "s",
                        "PASTEFIX_HTTP_PORT", "9464")));

    assertTrue(e.getMessage().contains("give the management endpoints a port of their own"));
  }

  @Test
  void neverShowsCredentialsOfTheApiUrl() throws Exception {
    Settings settings =
        Settings.from(
            Map.of(
                "SLACK_BOT_TOKEN", "xoxb-1",
                "SLACK_SIGNING_SECRET", "s",
                "SLACK_API_URL", "https://user:hunter2@proxy.example/api/?token=xoxb-leak"));

    assertFalse(settings.toString().contains("hunter2"), settings.toString());
    assertFalse(settings.toString().contains("xoxb-leak"), settings.toString());
  }
}
