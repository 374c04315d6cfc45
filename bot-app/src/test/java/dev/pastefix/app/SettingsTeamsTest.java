package dev.pastefix.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The Teams part of the settings: defaults, overrides, and every problem reported at once. */
class SettingsTeamsTest {
  static final String APP_ID = "00000000-1111-2222-3333-444444444444";
  static final String SECRET = "Q~teams-secret-value";

  @Test
  void readsTeamsWithThePublicEndpointsAndPort3978ByDefault() throws Exception {
    Settings settings = Settings.from(Map.of("TEAMS_APP_ID", APP_ID, "TEAMS_APP_PASSWORD", SECRET));

    Settings.Teams teams = settings.teams().orElseThrow();
    assertEquals(APP_ID, teams.appId());
    assertEquals(3978, teams.port());
    assertEquals(Optional.empty(), teams.openIdMetadataUrl());
    assertFalse(settings.consoleOnly());
    assertEquals(
        URI.create("https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token"),
        Platforms.config(teams).loginUrl());
  }

  @Test
  void aSingleTenantAppGetsItsTenantsTokenEndpoint() throws Exception {
    String tenant = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";
    Settings.Teams teams =
        Settings.from(
                Map.of(
                    "TEAMS_APP_ID", APP_ID,
                    "TEAMS_APP_PASSWORD", SECRET,
                    "TEAMS_TENANT_ID", tenant,
                    "PASTEFIX_TEAMS_PORT", "3999"))
            .teams()
            .orElseThrow();

    assertEquals(3999, teams.port());
    assertEquals(
        URI.create("https://login.microsoftonline.com/" + tenant + "/oauth2/v2.0/token"),
        Platforms.config(teams).loginUrl());
  }

  @Test
  void takesLoopbackOverridesForTestsAndProxies() throws Exception {
    Settings.Teams teams =
        Settings.from(
                Map.of(
                    "TEAMS_APP_ID",
                    APP_ID,
                    "TEAMS_APP_PASSWORD",
                    SECRET,
                    "TEAMS_OPENID_METADATA_URL",
                    "http://127.0.0.1:9000/openid",
                    "TEAMS_LOGIN_URL",
                    "http://localhost:9000/token"))
            .teams()
            .orElseThrow();

    assertEquals(URI.create("http://127.0.0.1:9000/openid"), teams.openIdMetadataUrl().get());
    assertEquals(URI.create("http://localhost:9000/token"), Platforms.config(teams).loginUrl());
  }

  @Test
  void reportsEveryProblemOfAHalfConfiguredTeamsAtOnce() {
    Settings.InvalidSettings e =
        assertThrows(
            Settings.InvalidSettings.class,
            () ->
                Settings.from(
                    Map.of(
                        "TEAMS_APP_ID", "my-bot",
                        "TEAMS_TENANT_ID", "contoso.onmicrosoft.com",
                        "TEAMS_LOGIN_URL", "http://login.example.net/token",
                        "PASTEFIX_TEAMS_PORT", "0")));

    assertEquals(5, e.problems().size(), e.getMessage());
    assertTrue(e.getMessage().contains("TEAMS_APP_ID must be a GUID"), e.getMessage());
    assertTrue(e.getMessage().contains("TEAMS_APP_PASSWORD is missing"), e.getMessage());
    assertTrue(e.getMessage().contains("TEAMS_TENANT_ID must be"), e.getMessage());
    assertTrue(e.getMessage().contains("TEAMS_LOGIN_URL must be an https URL"), e.getMessage());
    assertTrue(e.getMessage().contains("PASTEFIX_TEAMS_PORT must be a port"), e.getMessage());
  }

  @Test
  void refusesSlackHttpModeAndTeamsOnOnePort() {
    Settings.InvalidSettings e =
        assertThrows(
            Settings.InvalidSettings.class,
            () ->
                Settings.from(
                    Map.of(
                        "SLACK_BOT_TOKEN", "xoxb-1",
                        "SLACK_SIGNING_SECRET", "s3cr3t",
                        "PASTEFIX_HTTP_PORT", "3978",
                        "TEAMS_APP_ID", APP_ID,
                        "TEAMS_APP_PASSWORD", SECRET)));

    assertEquals(1, e.problems().size(), e.getMessage());
    assertTrue(e.getMessage().contains("both set to port 3978"), e.getMessage());
  }

  @Test
  void neverShowsTheAppPassword() throws Exception {
    Settings settings = Settings.from(Map.of("TEAMS_APP_ID", APP_ID, "TEAMS_APP_PASSWORD", SECRET));

    assertFalse(settings.toString().contains(SECRET), settings.toString());
    assertFalse(Platforms.config(settings.teams().get()).toString().contains(SECRET));
    assertTrue(settings.toString().contains(APP_ID));
  }
}
