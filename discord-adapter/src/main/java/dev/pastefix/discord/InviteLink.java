package dev.pastefix.discord;

import java.util.EnumSet;
import net.dv8tion.jda.api.Permission;

/** The OAuth2 URL that adds pastefix to a server with exactly the permissions it uses. */
public final class InviteLink {
  /**
   * View Channels, Send Messages, Send Messages in Threads, Embed Links, Read Message History, Use
   * Application Commands.
   */
  public static final long PERMISSIONS =
      Permission.getRaw(
          EnumSet.of(
              Permission.VIEW_CHANNEL,
              Permission.MESSAGE_SEND,
              Permission.MESSAGE_SEND_IN_THREADS,
              Permission.MESSAGE_EMBED_LINKS,
              Permission.MESSAGE_HISTORY,
              Permission.USE_APPLICATION_COMMANDS));

  public static final String SCOPES = "bot+applications.commands";

  private InviteLink() {}

  /** The invite URL for the application {@code clientId}. */
  public static String forApplication(String clientId) {
    return "https://discord.com/oauth2/authorize?client_id="
        + clientId
        + "&scope="
        + SCOPES
        + "&permissions="
        + PERMISSIONS;
  }
}
