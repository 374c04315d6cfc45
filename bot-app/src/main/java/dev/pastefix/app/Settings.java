package dev.pastefix.app;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything pastefix reads from the environment, read once at start-up. {@link #from(Map)}
 * reports every missing or invalid variable in one message. Tokens never appear in {@link
 * #toString()}.
 */
public record Settings(
    Optional<Slack> slack,
    Optional<Discord> discord,
    Optional<Teams> teams,
    Optional<Path> knowledgeDir,
    Optional<String> dnsResolver) {

  /** Slack: Socket Mode when an app token is set, HTTP mode when a signing secret is set. */
  public record Slack(
      String botToken,
      Optional<String> appToken,
      Optional<String> signingSecret,
      URI apiUrl,
      int httpPort) {
    public boolean socketMode() {
      return appToken.isPresent();
    }

    @Override
    public String toString() {
      return "Slack[mode="
          + (socketMode() ? "socket" : "http")
          + ", apiUrl="
          + apiUrl
          + ", httpPort="
          + httpPort
          + ", tokens=<redacted>]";
    }
  }

  /** Discord: the bot token, an optional guild for instant slash commands, optional endpoints. */
  public record Discord(
      String token, Optional<String> guildId, Optional<URI> apiUrl, Optional<URI> gatewayUrl) {
    @Override
    public String toString() {
      return "Discord[guildId="
          + guildId.orElse("-")
          + ", apiUrl="
          + apiUrl.map(URI::toString).orElse("default")
          + ", gatewayUrl="
          + gatewayUrl.map(URI::toString).orElse("default")
          + ", token=<redacted>]";
    }
  }

  /**
   * Microsoft Teams: the bot's app id and password from its registration, the tenant of a
   * single-tenant app, endpoint overrides (proxies, tests) and the port of {@code /api/messages}.
   */
  public record Teams(
      String appId,
      String appPassword,
      Optional<String> tenantId,
      Optional<URI> openIdMetadataUrl,
      Optional<URI> loginUrl,
      int port) {
    @Override
    public String toString() {
      return "Teams[appId="
          + appId
          + ", tenantId="
          + tenantId.orElse("multi-tenant")
          + ", openIdMetadataUrl="
          + openIdMetadataUrl.map(URI::toString).orElse("default")
          + ", loginUrl="
          + loginUrl.map(URI::toString).orElse("default")
          + ", port="
          + port
          + ", appPassword=<redacted>]";
    }
  }

  /** Thrown when the environment is incomplete or contradictory; the message lists every problem. */
  public static final class InvalidSettings extends Exception {
    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    InvalidSettings(List<String> problems) {
      super(
          "pastefix cannot start; fix these settings:\n  - " + String.join("\n  - ", problems));
      this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
      return problems;
    }
  }

  public static final URI DEFAULT_SLACK_API_URL = URI.create("https://slack.com/api/");
  public static final int DEFAULT_HTTP_PORT = 3000;
  public static final int DEFAULT_TEAMS_PORT = 3978;

  /** Whether no chat platform is configured, so the console is the embedded default. */
  public boolean consoleOnly() {
    return slack.isEmpty() && discord.isEmpty() && teams.isEmpty();
  }

  /** Reads the settings from an environment map, collecting every problem before failing once. */
  public static Settings from(Map<String, String> env) throws InvalidSettings {
    List<String> problems = new ArrayList<>();
    Optional<Slack> slack = readSlack(env, problems);
    Optional<Discord> discord = readDiscord(env, problems);
    Optional<Teams> teams = readTeams(env, problems);
    Optional<Path> knowledgeDir = knowledgeDirFrom(env);
    Optional<String> dnsResolver = readDnsResolver(env, problems);
    if (teams.isPresent()
        && slack.isPresent()
        && !slack.get().socketMode()
        && slack.get().httpPort() == teams.get().port()) {
      problems.add(
          "Slack HTTP mode (PASTEFIX_HTTP_PORT) and Teams (PASTEFIX_TEAMS_PORT) are both set to"
              + " port "
              + teams.get().port()
              + ": give them different ports");
    }
    if (!problems.isEmpty()) {
      throw new InvalidSettings(problems);
    }
    return new Settings(slack, discord, teams, knowledgeDir, dnsResolver);
  }

  /**
   * The administrator's knowledge directory ({@code PASTEFIX_KNOWLEDGE_DIR}) alone, for commands
   * that need nothing else from the environment.
   */
  public static Optional<Path> knowledgeDirFrom(Map<String, String> env) {
    return value(env, "PASTEFIX_KNOWLEDGE_DIR").map(Path::of);
  }

  /**
   * {@code PASTEFIX_DNS_RESOLVER} alone ({@code host} or {@code host:port}; empty means the
   * system's resolvers), for commands that need nothing else from the environment.
   */
  public static Optional<String> dnsResolverFrom(Map<String, String> env) throws InvalidSettings {
    List<String> problems = new ArrayList<>();
    Optional<String> resolver = readDnsResolver(env, problems);
    if (!problems.isEmpty()) {
      throw new InvalidSettings(problems);
    }
    return resolver;
  }

  /**
   * {@code TEAMS_APP_ID} alone, for the command that writes the Teams app package.
   *
   * @throws InvalidSettings when it is missing or not a GUID
   */
  public static String teamsAppIdFrom(Map<String, String> env) throws InvalidSettings {
    Optional<String> appId = value(env, "TEAMS_APP_ID");
    if (appId.isEmpty()) {
      throw new InvalidSettings(
          List.of(
              "TEAMS_APP_ID is missing: the bot's Microsoft App ID (Azure Bot resource >"
                  + " Configuration, or Teams Developer Portal > Tools > Bot management)"));
    }
    if (!appId.get().matches(GUID)) {
      throw new InvalidSettings(
          List.of("TEAMS_APP_ID must be a GUID (the Microsoft App ID), got '" + appId.get() + "'"));
    }
    return appId.get();
  }

  private static Optional<String> readDnsResolver(Map<String, String> env, List<String> problems) {
    Optional<String> resolver = value(env, "PASTEFIX_DNS_RESOLVER");
    if (resolver.isPresent()
        && !resolver.get().matches("[A-Za-z0-9.\\-]+(:\\d{1,5})?|\\[[0-9A-Fa-f:.]+\\](:\\d{1,5})?")) {
      problems.add("PASTEFIX_DNS_RESOLVER must be host or host:port, got '" + resolver.get() + "'");
      return Optional.empty();
    }
    return resolver;
  }

  private static Optional<Slack> readSlack(Map<String, String> env, List<String> problems) {
    Optional<String> botToken = value(env, "SLACK_BOT_TOKEN");
    Optional<String> appToken = value(env, "SLACK_APP_TOKEN");
    Optional<String> secret = value(env, "SLACK_SIGNING_SECRET");
    boolean any =
        botToken.isPresent()
            || appToken.isPresent()
            || secret.isPresent()
            || value(env, "SLACK_API_URL").isPresent();
    if (!any) {
      return Optional.empty();
    }
    if (botToken.isEmpty()) {
      problems.add("SLACK_BOT_TOKEN is missing (xoxb-...): Slack needs it in both modes");
    } else if (!botToken.get().startsWith("xoxb-")) {
      problems.add("SLACK_BOT_TOKEN should be a bot token starting with xoxb-");
    }
    if (appToken.isEmpty() && secret.isEmpty()) {
      problems.add(
          "set SLACK_APP_TOKEN (xapp-..., Socket Mode) or SLACK_SIGNING_SECRET (HTTP mode)");
    }
    if (appToken.isPresent() && secret.isPresent()) {
      problems.add(
          "SLACK_APP_TOKEN and SLACK_SIGNING_SECRET are both set: choose Socket Mode or HTTP mode");
    }
    appToken.ifPresent(
        t -> {
          if (!t.startsWith("xapp-")) {
            problems.add("SLACK_APP_TOKEN should be an app-level token starting with xapp-");
          }
        });
    URI apiUrl = url(env, "SLACK_API_URL", problems).orElse(DEFAULT_SLACK_API_URL);
    int port = port(env, "PASTEFIX_HTTP_PORT", problems).orElse(DEFAULT_HTTP_PORT);
    if (!problems.isEmpty() || botToken.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Slack(botToken.get(), appToken, secret, apiUrl, port));
  }

  private static Optional<Discord> readDiscord(Map<String, String> env, List<String> problems) {
    Optional<String> token = value(env, "DISCORD_TOKEN");
    Optional<String> guild = value(env, "DISCORD_GUILD_ID");
    Optional<URI> apiUrl = url(env, "DISCORD_API_URL", problems);
    Optional<URI> gatewayUrl = url(env, "DISCORD_GATEWAY_URL", problems);
    boolean any = token.isPresent() || guild.isPresent() || apiUrl.isPresent() || gatewayUrl.isPresent();
    if (!any) {
      return Optional.empty();
    }
    if (token.isEmpty()) {
      problems.add("DISCORD_TOKEN is missing: the other DISCORD_* settings need it");
    }
    guild.ifPresent(
        g -> {
          if (!g.matches("\\d{5,20}")) {
            problems.add("DISCORD_GUILD_ID must be a numeric id, got '" + g + "'");
          }
        });
    if (token.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Discord(token.get(), guild, apiUrl, gatewayUrl));
  }

  private static final String GUID =
      "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

  private static Optional<Teams> readTeams(Map<String, String> env, List<String> problems) {
    Optional<String> appId = value(env, "TEAMS_APP_ID");
    Optional<String> password = value(env, "TEAMS_APP_PASSWORD");
    Optional<String> tenant = value(env, "TEAMS_TENANT_ID");
    Optional<URI> metadata = url(env, "TEAMS_OPENID_METADATA_URL", problems);
    Optional<URI> login = url(env, "TEAMS_LOGIN_URL", problems);
    boolean any =
        appId.isPresent()
            || password.isPresent()
            || tenant.isPresent()
            || value(env, "TEAMS_OPENID_METADATA_URL").isPresent()
            || value(env, "TEAMS_LOGIN_URL").isPresent();
    if (!any) {
      return Optional.empty();
    }
    int before = problems.size();
    if (appId.isEmpty()) {
      problems.add(
          "TEAMS_APP_ID is missing: the bot's Microsoft App ID (Azure Bot resource >"
              + " Configuration, or Teams Developer Portal > Tools > Bot management)");
    } else if (!appId.get().matches(GUID)) {
      problems.add("TEAMS_APP_ID must be a GUID (the Microsoft App ID), got '" + appId.get() + "'");
    }
    if (password.isEmpty()) {
      problems.add(
          "TEAMS_APP_PASSWORD is missing: a client secret of the bot's app registration");
    }
    tenant.ifPresent(
        t -> {
          if (!t.matches(GUID)) {
            problems.add(
                "TEAMS_TENANT_ID must be the directory (tenant) id, a GUID, got '" + t + "'");
          }
        });
    metadata.ifPresent(u -> requireHttps("TEAMS_OPENID_METADATA_URL", u, problems));
    login.ifPresent(u -> requireHttps("TEAMS_LOGIN_URL", u, problems));
    int port = port(env, "PASTEFIX_TEAMS_PORT", problems).orElse(DEFAULT_TEAMS_PORT);
    if (problems.size() > before || appId.isEmpty() || password.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Teams(appId.get(), password.get(), tenant, metadata, login, port));
  }

  /** Tokens and keys travel over these: plain HTTP only to this machine (a local proxy, a test). */
  private static void requireHttps(String name, URI url, List<String> problems) {
    String host = url.getHost();
    boolean loopback =
        host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]");
    if (!"https".equalsIgnoreCase(url.getScheme()) && !loopback) {
      problems.add(name + " must be an https URL (http only for localhost), got '" + url + "'");
    }
  }

  private static Optional<String> value(Map<String, String> env, String name) {
    String v = env.get(name);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
  }

  private static Optional<URI> url(Map<String, String> env, String name, List<String> problems) {
    Optional<String> v = value(env, name);
    if (v.isEmpty()) {
      return Optional.empty();
    }
    try {
      URI uri = new URI(v.get());
      String scheme = uri.getScheme();
      if (scheme == null || uri.getHost() == null) {
        problems.add(name + " must be an absolute URL, got '" + v.get() + "'");
        return Optional.empty();
      }
      return Optional.of(uri);
    } catch (java.net.URISyntaxException e) {
      problems.add(name + " is not a valid URL: " + e.getMessage());
      return Optional.empty();
    }
  }

  private static Optional<Integer> port(Map<String, String> env, String name, List<String> problems) {
    Optional<String> v = value(env, name);
    if (v.isEmpty()) {
      return Optional.empty();
    }
    try {
      int port = Integer.parseInt(v.get());
      if (port < 1 || port > 65535) {
        problems.add(name + " must be a port between 1 and 65535, got " + port);
        return Optional.empty();
      }
      return Optional.of(port);
    } catch (NumberFormatException e) {
      problems.add(name + " must be a number, got '" + v.get() + "'");
      return Optional.empty();
    }
  }

  @Override
  public String toString() {
    return "Settings[slack="
        + slack.map(Slack::toString).orElse("off")
        + ", discord="
        + discord.map(Discord::toString).orElse("off")
        + ", teams="
        + teams.map(Teams::toString).orElse("off")
        + ", knowledgeDir="
        + knowledgeDir.map(Path::toString).orElse("-")
        + ", dnsResolver="
        + dnsResolver.orElse("system")
        + "]";
  }
}
