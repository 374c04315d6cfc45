package dev.pastefix.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TeamsManifestCommandTest {
  static final String APP_ID = "00000000-1111-2222-3333-444444444444";

  @TempDir Path dir;

  @Test
  void writesThePackageWhoseManifestNamesTheAppScopesAndPermission() throws Exception {
    Path out = dir.resolve("pastefix-teams.zip");
    InMemoryTerminal terminal = new InMemoryTerminal(new byte[0], Map.of("TEAMS_APP_ID", APP_ID));

    int code =
        Main.standard()
            .run(List.of("teams-manifest", "--out", out.toString()), terminal.terminal());

    assertEquals(ExitCodes.OK, code, terminal.err());
    Map<String, byte[]> files = unzip(out);
    assertEquals(3, files.size(), files.keySet().toString());
    assertTrue(files.containsKey("color.png") && files.containsKey("outline.png"));
    JsonNode manifest = new ObjectMapper().readTree(files.get("manifest.json"));
    assertEquals(APP_ID, manifest.path("id").asText());
    assertEquals(APP_ID, manifest.path("bots").path(0).path("botId").asText());
    assertEquals(3, manifest.path("bots").path(0).path("scopes").size());
    assertEquals(
        "ChannelMessage.Read.Group",
        manifest
            .path("authorization")
            .path("permissions")
            .path("resourceSpecific")
            .path(0)
            .path("name")
            .asText());
    assertTrue(terminal.err().contains("placeholders"), terminal.err());
  }

  @Test
  void usesTheGivenDeveloperPages() throws Exception {
    Path out = dir.resolve("p.zip");
    InMemoryTerminal terminal = new InMemoryTerminal(new byte[0], Map.of("TEAMS_APP_ID", APP_ID));

    int code =
        TestingCommandLine.run(
            new TeamsManifestCommand(),
            List.of("--out", out.toString(), "--website", "https://it.contoso.com/bot"),
            terminal.terminal());

    assertEquals(ExitCodes.OK, code, terminal.err());
    JsonNode developer =
        new ObjectMapper().readTree(unzip(out).get("manifest.json")).path("developer");
    assertEquals("https://it.contoso.com/bot", developer.path("websiteUrl").asText());
    assertEquals("https://it.contoso.com/bot/privacy", developer.path("privacyUrl").asText());
    assertFalse(terminal.err().contains("placeholders"), terminal.err());
  }

  @Test
  void explainsAMissingAppIdAndExitsThree() {
    InMemoryTerminal terminal = new InMemoryTerminal();

    int code =
        TestingCommandLine.run(
            new TeamsManifestCommand(),
            List.of("--out", dir.resolve("x.zip").toString()),
            terminal.terminal());

    assertEquals(ExitCodes.CONFIG, code);
    assertTrue(terminal.err().contains("TEAMS_APP_ID is missing"), terminal.err());
    assertFalse(Files.exists(dir.resolve("x.zip")));
  }

  @Test
  void needsAnOutputFile() {
    InMemoryTerminal terminal = new InMemoryTerminal(new byte[0], Map.of("TEAMS_APP_ID", APP_ID));

    assertEquals(
        ExitCodes.USAGE,
        TestingCommandLine.run(new TeamsManifestCommand(), List.of(), terminal.terminal()));
    assertTrue(
        terminal.err().contains("Missing required option: '--out=FILE.zip'"), terminal.err());
  }

  private static Map<String, byte[]> unzip(Path zip) throws Exception {
    Map<String, byte[]> files = new HashMap<>();
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        files.put(e.getName(), in.readAllBytes());
      }
    }
    return files;
  }
}
