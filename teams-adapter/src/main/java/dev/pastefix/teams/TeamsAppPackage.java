package dev.pastefix.teams;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The Teams app package that installs pastefix: {@code manifest.json} (schema 1.17) naming the bot
 * by its app id in personal, team and group-chat scopes, with the compose-box commands and the
 * resource-specific permission to read channel messages, and the two icons Teams requires. Upload
 * it in Teams (Apps, Manage your apps, Upload an app) or to the organisation's app catalog.
 */
public final class TeamsAppPackage {
  public static final String MANIFEST_VERSION = "1.17";
  public static final String SCHEMA =
      "https://developer.microsoft.com/en-us/json-schemas/teams/v1.17/MicrosoftTeams.schema.json";

  /** Lets Teams deliver every message of a team's channels to the bot, not only mentions. */
  public static final String CHANNEL_MESSAGES_PERMISSION = "ChannelMessage.Read.Group";

  public static final List<String> SCOPES = List.of("personal", "team", "groupChat");

  static final String MANIFEST = "manifest.json";
  static final String COLOR_ICON = "color.png";
  static final String OUTLINE_ICON = "outline.png";
  static final String ACCENT = "#2B579A";

  /** The compose-box commands: what a user picks from the list, and its one-line help. */
  static final List<List<String>> COMMANDS =
      List.of(
          List.of("help", "What pastefix does and its commands"),
          List.of("diagnose", "diagnose <error text>: find the cause and the fix"),
          List.of("kb", "kb <id or words>: show a knowledge-base entry"),
          List.of("check", "check <name> [argument]: run a check, such as dns contoso.com"));

  /**
   * What the package says about the app: its version ({@code x.y.z}) and the developer's pages
   * Teams shows in the app details.
   */
  public record Details(String version, String developerName, URI website, URI privacy, URI terms) {
    public Details {
      Objects.requireNonNull(version, "version");
      Objects.requireNonNull(developerName, "developerName");
      Objects.requireNonNull(website, "website");
      Objects.requireNonNull(privacy, "privacy");
      Objects.requireNonNull(terms, "terms");
      if (!version.matches("\\d{1,5}\\.\\d{1,5}\\.\\d{1,5}")) {
        throw new IllegalArgumentException("the app version must look like 1.0.0, got " + version);
      }
      for (URI page : List.of(website, privacy, terms)) {
        if (!"https".equalsIgnoreCase(page.getScheme())) {
          throw new IllegalArgumentException("Teams needs https developer pages, got " + page);
        }
      }
    }
  }

  private final String appId;
  private final Details details;
  private final ObjectMapper json = new ObjectMapper();

  public TeamsAppPackage(String appId, Details details) {
    if (!TeamsConfig.GUID.matcher(appId).matches()) {
      throw new IllegalArgumentException(
          "the Teams app id must be the bot's Microsoft App ID (a GUID), got '" + appId + "'");
    }
    this.appId = appId;
    this.details = Objects.requireNonNull(details, "details");
  }

  /** The manifest as Teams reads it. */
  ObjectNode manifest() {
    ObjectNode m = json.createObjectNode();
    m.put("$schema", SCHEMA);
    m.put("manifestVersion", MANIFEST_VERSION);
    m.put("version", details.version());
    m.put("id", appId);
    ObjectNode developer = m.putObject("developer");
    developer.put("name", details.developerName());
    developer.put("websiteUrl", details.website().toString());
    developer.put("privacyUrl", details.privacy().toString());
    developer.put("termsOfUseUrl", details.terms().toString());
    m.putObject("name").put("short", "pastefix").put("full", "pastefix troubleshooting bot");
    m.putObject("description")
        .put("short", "Paste a Skype for Business Online or Teams PowerShell error, get the fix.")
        .put(
            "full",
            "pastefix recognises errors Microsoft 365 administrators paste (Skype for Business"
                + " Online connector, remote PowerShell sessions, sign-in) and answers with the"
                + " cause, the commands to run and the source article. Chat with it, mention it"
                + " in a channel, or let it read a channel and answer the pastes it is sure"
                + " about. Commands: help, diagnose, kb, check.");
    m.putObject("icons").put("color", COLOR_ICON).put("outline", OUTLINE_ICON);
    m.put("accentColor", ACCENT);
    ObjectNode bot = m.putArray("bots").addObject();
    bot.put("botId", appId);
    SCOPES.forEach(bot.putArray("scopes")::add);
    bot.put("supportsFiles", false);
    bot.put("isNotificationOnly", false);
    ObjectNode list = bot.putArray("commandLists").addObject();
    SCOPES.forEach(list.putArray("scopes")::add);
    ArrayNode commands = list.putArray("commands");
    for (List<String> command : COMMANDS) {
      commands.addObject().put("title", command.get(0)).put("description", command.get(1));
    }
    m.putArray("permissions").add("identity").add("messageTeamMembers");
    m.putArray("validDomains");
    // RSC needs webApplicationInfo; its resource is unused but must be present.
    m.putObject("webApplicationInfo").put("id", appId).put("resource", "https://RscBasedStoreApp");
    m.putObject("authorization")
        .putObject("permissions")
        .putArray("resourceSpecific")
        .addObject()
        .put("name", CHANNEL_MESSAGES_PERMISSION)
        .put("type", "Application");
    return m;
  }

  /** The zip file to upload: the manifest and the two icons at its root. */
  public byte[] zip() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
      add(zip, MANIFEST, manifest().toPrettyString().getBytes(StandardCharsets.UTF_8));
      add(zip, COLOR_ICON, TeamsIcons.color());
      add(zip, OUTLINE_ICON, TeamsIcons.outline());
    }
    return bytes.toByteArray();
  }

  private static void add(ZipOutputStream zip, String name, byte[] content) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(content);
    zip.closeEntry();
  }
}
