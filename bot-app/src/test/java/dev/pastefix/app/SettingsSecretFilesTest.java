package dev.pastefix.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsSecretFilesTest {
  @TempDir Path dir;

  private Path secret(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void readsEachSecretFromTheFileItsFileVariableNames() throws Exception {
    Map<String, String> env =
        Map.of(
            "SLACK_BOT_TOKEN_FILE", secret("bot", "xoxb-from-file\n").toString(),
            "SLACK_SIGNING_SECRET_FILE", secret("signing", "  signing-from-file  \n").toString(),
            "DISCORD_TOKEN_FILE", secret("discord", "discord-from-file").toString(),
            "TEAMS_APP_ID", "00000000-1111-2222-3333-444444444444",
            "TEAMS_APP_PASSWORD_FILE", secret("teams", "teams-from-file\r\n").toString(),
            "PASTEFIX_TEAMS_PORT", "3979");

    Settings settings = Settings.from(env);

    assertEquals("xoxb-from-file", settings.slack().orElseThrow().botToken());
    assertEquals(Optional.of("signing-from-file"), settings.slack().orElseThrow().signingSecret());
    assertEquals("discord-from-file", settings.discord().orElseThrow().token());
    assertEquals("teams-from-file", settings.teams().orElseThrow().appPassword());
    assertFalse(settings.toString().contains("from-file"), settings.toString());
  }

  @Test
  void readsTheAppTokenAndTheDatabasePasswordFromFiles() throws Exception {
    Map<String, String> env =
        Map.of(
            "SLACK_BOT_TOKEN", "xoxb-direct",
            "SLACK_APP_TOKEN_FILE", secret("app", "xapp-from-file\n").toString(),
            "PASTEFIX_DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/pastefix",
            "PASTEFIX_DATABASE_USER", "pastefix",
            "PASTEFIX_DATABASE_PASSWORD_FILE", secret("db", "db-password\n").toString());

    Settings settings = Settings.from(env);
    Settings.Storage storage = Settings.storageFrom(env);

    assertEquals(Optional.of("xapp-from-file"), settings.slack().orElseThrow().appToken());
    assertEquals(Optional.of("db-password"), storage.databasePassword());
    assertFalse(storage.toString().contains("db-password"));
  }

  @Test
  void bothTheValueAndItsFileIsAnError() throws Exception {
    Map<String, String> env =
        Map.of(
            "SLACK_BOT_TOKEN", "xoxb-direct",
            "SLACK_BOT_TOKEN_FILE", secret("bot", "xoxb-from-file").toString(),
            "SLACK_SIGNING_SECRET", "direct");

    Settings.InvalidSettings e =
        assertThrows(Settings.InvalidSettings.class, () -> Settings.from(env));

    assertTrue(
        e.problems()
            .contains("SLACK_BOT_TOKEN and SLACK_BOT_TOKEN_FILE are both set: use one of them"),
        e.getMessage());
    assertFalse(e.getMessage().contains("xoxb-direct"), e.getMessage());
  }

  @Test
  void bothTheDatabasePasswordAndItsFileIsAnErrorOfTheStateSettings() throws Exception {
    Map<String, String> env =
        Map.of(
            "PASTEFIX_DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/pastefix",
            "PASTEFIX_DATABASE_PASSWORD", "direct",
            "PASTEFIX_DATABASE_PASSWORD_FILE", secret("db", "from-file").toString());

    Settings.InvalidSettings e =
        assertThrows(Settings.InvalidSettings.class, () -> Settings.storageFrom(env));

    assertEquals(
        java.util.List.of(
            "PASTEFIX_DATABASE_PASSWORD and PASTEFIX_DATABASE_PASSWORD_FILE are both set: use one"
                + " of them"),
        e.problems());
  }

  @Test
  void aFileThatCannotBeReadIsReportedByItsPathNeverItsContent() throws Exception {
    Path missing = dir.resolve("no-such-secret");
    Path directory = Files.createDirectory(dir.resolve("a-directory"));
    Path empty = secret("empty", "\n");
    Map<String, String> env =
        Map.of(
            "SLACK_BOT_TOKEN_FILE", missing.toString(),
            "SLACK_SIGNING_SECRET_FILE", directory.toString(),
            "DISCORD_TOKEN_FILE", empty.toString());

    Settings.InvalidSettings e =
        assertThrows(Settings.InvalidSettings.class, () -> Settings.from(env));

    assertTrue(
        e.problems().contains("SLACK_BOT_TOKEN_FILE: cannot read " + missing + ": no such file"),
        e.getMessage());
    assertTrue(
        e.problems().stream()
            .anyMatch(p -> p.startsWith("SLACK_SIGNING_SECRET_FILE: cannot read " + directory)),
        e.getMessage());
    assertTrue(
        e.problems().contains("DISCORD_TOKEN_FILE: cannot read " + empty + ": it is empty"),
        e.getMessage());
  }

  @Test
  void aSecretFileTooBigForASecretIsRefused() throws Exception {
    Path big = secret("big", "x".repeat(SecretFiles.MAX_BYTES + 1));

    Settings.InvalidSettings e =
        assertThrows(
            Settings.InvalidSettings.class,
            () -> Settings.from(Map.of("DISCORD_TOKEN_FILE", big.toString())));

    assertTrue(e.getMessage().contains("DISCORD_TOKEN_FILE: cannot read " + big), e.getMessage());
    assertTrue(e.getMessage().contains("too big for a secret"), e.getMessage());
  }
}
