package dev.pastefix.discord;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The Discord try-it path ({@code docs/try/discord.sh}): runs the loopback fake Discord the tests
 * use, writes the settings that point a real pastefix at it, waits for that pastefix to connect,
 * sends it one direct message as a person would and prints the embed it posted back. Exit 0 when
 * the reply came, 1 when it did not within the time allowed.
 */
public final class TryDiscord {
  static final String TOKEN = "MTIz.try-it-token.local";
  static final Duration WAIT = Duration.ofSeconds(90);

  private TryDiscord() {}

  /** {@code TryDiscord SETTINGS_FILE [TEXT]}: the file gets DISCORD_* lines for the bot. */
  public static void main(String[] args) throws Exception {
    if (args.length < 1 || args.length > 2) {
      System.err.println("usage: TryDiscord SETTINGS_FILE [TEXT]");
      System.exit(2);
    }
    String text =
        args.length == 2
            ? args[1]
            : "Import-Module : File C:\\Program Files\\Common Files\\Skype for Business Online"
                + "\\Modules\\LyncOnlineConnector\\LyncOnlineConnectorStartup.psm1 cannot be"
                + " loaded because running scripts is disabled on this system.";
    try (FakeDiscord discord = new FakeDiscord(TOKEN, InviteLink.PERMISSIONS).start()) {
      Path settings = Path.of(args[0]);
      Path partial = settings.resolveSibling(settings.getFileName() + ".partial");
      Files.writeString(
          partial,
          String.join(
              "\n",
              "DISCORD_TOKEN=" + TOKEN,
              "DISCORD_API_URL=" + discord.apiUrl(),
              "DISCORD_GATEWAY_URL=" + discord.gatewayUrl(),
              "DISCORD_GUILD_ID=" + discord.guildId,
              ""),
          StandardCharsets.UTF_8);
      // Written whole, then renamed: the script never reads half a file.
      Files.move(partial, settings, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      System.out.println("fake Discord on " + discord.apiUrl() + ", waiting for pastefix");
      try {
        // Connected and registered its commands: the bot is listening.
        discord.await(
            "PUT",
            "applications/" + discord.appId + "/guilds/" + discord.guildId + "/commands",
            0,
            WAIT);
        int from = discord.calls().size();
        discord.dispatch(
            "MESSAGE_CREATE", discord.userMessage(FakeDiscord.snowflake(), text, false, List.of()));
        System.out.println("sent a direct message: " + text);
        FakeDiscord.Call reply =
            discord.await("POST", "channels/" + discord.dmChannelId + "/messages", from, WAIT);
        JsonNode embed = reply.body().path("embeds").path(0);
        System.out.println("pastefix replied: " + embed.path("title").asText());
        System.out.println(embed.path("description").asText());
        for (JsonNode field : embed.path("fields")) {
          System.out.println(
              "  " + field.path("name").asText() + ": " + field.path("value").asText());
        }
      } catch (AssertionError e) {
        System.out.println("no reply: " + e.getMessage());
        System.exit(1);
      }
    }
  }
}
