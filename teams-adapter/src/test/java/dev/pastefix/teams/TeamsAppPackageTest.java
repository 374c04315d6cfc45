package dev.pastefix.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class TeamsAppPackageTest {
  static final String APP_ID = "00000000-1111-2222-3333-444444444444";
  static final TeamsAppPackage.Details DETAILS =
      new TeamsAppPackage.Details(
          "1.0.0",
          "Contoso IT",
          URI.create("https://contoso.example/pastefix"),
          URI.create("https://contoso.example/privacy"),
          URI.create("https://contoso.example/terms"));

  @Test
  void unzipsToAManifestNamingTheAppScopesAndChannelPermission() throws Exception {
    Map<String, byte[]> files = unzip(new TeamsAppPackage(APP_ID, DETAILS).zip());

    assertEquals(List.of("color.png", "manifest.json", "outline.png"), sorted(files));
    JsonNode manifest = new ObjectMapper().readTree(files.get("manifest.json"));
    assertEquals("1.17", manifest.path("manifestVersion").asText());
    assertEquals(APP_ID, manifest.path("id").asText());
    JsonNode bot = manifest.path("bots").path(0);
    assertEquals(APP_ID, bot.path("botId").asText());
    assertEquals(List.of("personal", "team", "groupChat"), texts(bot.path("scopes")));
    List<String> commands = new ArrayList<>();
    bot.path("commandLists")
        .path(0)
        .path("commands")
        .forEach(c -> commands.add(c.path("title").asText()));
    assertEquals(List.of("help", "diagnose", "kb", "check"), commands);
    JsonNode rsc = manifest.path("authorization").path("permissions").path("resourceSpecific");
    assertEquals("ChannelMessage.Read.Group", rsc.path(0).path("name").asText());
    assertEquals("Application", rsc.path(0).path("type").asText());
    assertEquals(APP_ID, manifest.path("webApplicationInfo").path("id").asText());
    assertEquals(
        "https://contoso.example/privacy", manifest.path("developer").path("privacyUrl").asText());
    assertTrue(manifest.path("description").path("short").asText().length() <= 80);
  }

  @Test
  void shipsTheTwoIconsInTheSizesTeamsRequires() throws Exception {
    Map<String, byte[]> files = unzip(new TeamsAppPackage(APP_ID, DETAILS).zip());

    BufferedImage color = ImageIO.read(new ByteArrayInputStream(files.get("color.png")));
    BufferedImage outline = ImageIO.read(new ByteArrayInputStream(files.get("outline.png")));

    assertEquals(192, color.getWidth());
    assertEquals(192, color.getHeight());
    assertEquals(32, outline.getWidth());
    assertEquals(32, outline.getHeight());
    boolean drawn = false;
    for (int x = 0; x < 32; x++) {
      for (int y = 0; y < 32; y++) {
        int argb = outline.getRGB(x, y);
        int alpha = argb >>> 24;
        if (alpha > 0) {
          drawn = true;
          assertEquals(0xFFFFFF, argb & 0xFFFFFF, "outline pixels are white");
        }
      }
    }
    assertTrue(drawn, "the outline icon is not empty");
    assertEquals(0, outline.getRGB(0, 0) >>> 24, "the outline icon's background is transparent");
  }

  @Test
  void refusesAnAppIdThatIsNoGuidAndPlainHttpPages() {
    assertThrows(IllegalArgumentException.class, () -> new TeamsAppPackage("my-bot", DETAILS));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new TeamsAppPackage.Details(
                "1.0.0",
                "x",
                URI.create("http://contoso.example/"),
                URI.create("https://contoso.example/p"),
                URI.create("https://contoso.example/t")));
  }

  private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
    Map<String, byte[]> files = new HashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        files.put(e.getName(), in.readAllBytes());
      }
    }
    return files;
  }

  private static List<String> sorted(Map<String, byte[]> files) {
    return files.keySet().stream().sorted().toList();
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
