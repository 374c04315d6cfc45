package dev.pastefix.app;

import dev.pastefix.core.admin.Admins;
import dev.pastefix.core.telemetry.SafeUrl;
import dev.pastefix.slack.SlackOptions;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything pastefix reads from the environment, read once at start-up. {@link #from(Map)} reports
 * every missing or invalid variable in one message. Tokens never appear in {@link #toString()}.
 */
public record Settings(
    Optional<Slack> slack,
    Optional<Discord> discord,
    Optional<Teams> teams,
    Optional<Path> knowledgeDir,
    Optional<String> dnsResolver,
    Admins admins,
    Service service) {

  /** The settings of a platform-less run: defaults for the service part. */
  public Settings(
      Optional<Slack> slack,
      Optional<Discord> discord,
      Optional<Path> knowledgeDir,
      Optional<String> dnsResolver) {
    this(
        slack,
        discord,
        Optional.empty(),
        knowledgeDir,
        dnsResolver,
        Admins.none(),
        Service.DEFAULT);
  }

  /** How logs are written: plain text lines or one JSON object per line. */
  public enum LogFormat {
    TEXT,
    JSON
  }

  /**
   * Running as a service: the management endpoints ({@code managementPort} 0 turns them off), the
   * address Slack's HTTP mode binds to, the HTTP server's limits, and the logs.
   */
  public record Service(
      String managementHost,
      int managementPort,
      String httpHost,
      HttpLimits limits,
      LogFormat logFormat,
      String logLevel) {
    public static final Service DEFAULT =
        new Service(
            DEFAULT_MANAGEMENT_HOST,
            DEFAULT_MANAGEMENT_PORT,
            DEFAULT_HTTP_HOST,
            HttpLimits.DEFAULT,
            LogFormat.TEXT,
            "INFO");

    public boolean managementEnabled() {
      return managementPort != 0;
    }
  }

  /**
   * The HTTP server's limits, set once for every handler on it: threads, how long a connection may
   * sit idle or send nothing (slow clients are cut off after it), the largest request body, and the
   * connections held at once.
   */
  public record HttpLimits(
      int maxThreads, Duration idleTimeout, int maxRequestBytes, int maxConnections) {
    public static final HttpLimits DEFAULT =
        new HttpLimits(64, Duration.ofSeconds(10), 1 << 20, 2_000);

    public HttpLimits {
      if (maxThreads < 8 || maxRequestBytes < 1 || maxConnections < 1) {
        throw new IllegalArgumentException("HTTP limits out of range: " + this);
      }
      Objects.requireNonNull(idleTimeout, "idleTimeout");
    }
  }

  /** Slack: Socket Mode when an app token is set, HTTP mode when a signing secret is set. */
  public record Slack(
      String botToken,
      Optional<String> appToken,
      Optional<String> signingSecret,
      URI apiUrl,
      int httpPort,
      SlackOptions.Capacity capacity) {
    public boolean socketMode() {
      return appToken.isPresent();
    }

    @Override
    public String toString() {
      return "Slack[mode="
          + (socketMode() ? "socket" : "http")
          + ", apiUrl="
          + SafeUrl.of(apiUrl)
          + ", httpPort="
          + httpPort
          + ", "
          + capacity
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
          + apiUrl.map(SafeUrl::of).orElse("default")
          + ", gatewayUrl="
          + gatewayUrl.map(SafeUrl::of).orElse("default")
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

  /**
   * Thrown when the environment is incomplete or contradictory; the message lists every problem.
   */
  public static final class InvalidSettings extends Exception {
    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    InvalidSettings(List<String> problems) {
      super("pastefix cannot start; fix these settings:\n  - " + String.join("\n  - ", problems));
      this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
      return problems;
    }
  }

  public static final URI DEFAULT_SLACK_API_URL = URI.create("https://slack.com/api/");
  public static final int DEFAULT_HTTP_PORT = 3000;
  public static final int DEFAULT_MANAGEMENT_PORT = 9464;
  public static final String DEFAULT_MANAGEMENT_HOST = "127.0.0.1";
  public static final String DEFAULT_HTTP_HOST = "0.0.0.0";
  public static final int DEFAULT_TEAMS_PORT = 3978;

  /** Whether no chat platform is configured, so the console is the embedded default. */
  public boolean consoleOnly() {
    return slack.isEmpty() && discord.isEmpty() && teams.isEmpty();
  }

  /**
   * Reads the settings from an environment map, collecting every problem before failing once. Each
   * secret may instead come from the file its {@code _FILE} variable names ({@link SecretFiles}).
   */
  public static Settings from(Map<String, String> environment) throws InvalidSettings {
    List<String> problems = new ArrayList<>();
    Map<String, String> env = SecretFiles.resolve(environment, problems);
    Optional<Slack> slack = readSlack(env, problems);
    Optional<Discord> discord = readDiscord(env, problems);
    Optional<Teams> teams = readTeams(env, problems);
    Optional<Path> knowledgeDir = knowledgeDirFrom(env);
    Optional<String> dnsResolver = readDnsResolver(env, problems);
    Admins admins = readAdmins(env, problems);
    problems.addAll(storageProblems(env, problems));
    Service service = readService(env, problems);
    if (slack.isPresent()
        && !slack.get().socketMode()
        && service.managementEnabled()
        && slack.get().httpPort() == service.managementPort()) {
      problems.add(
          "PASTEFIX_MANAGEMENT_PORT and PASTEFIX_HTTP_PORT are both "
              + service.managementPort()
              + ": give the management endpoints a port of their own");
    }
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
    return new Settings(slack, discord, teams, knowledgeDir, dnsResolver, admins, service);
  }

  /** The value of {@code PASTEFIX_DATA_DIR} that keeps nothing on disk. */
  public static final String IN_MEMORY = ":memory:";

  /**
   * The data directory ({@code PASTEFIX_DATA_DIR}; by default {@code $XDG_DATA_HOME/pastefix}, else
   * {@code $HOME/.local/share/pastefix}), where pastefix keeps what outlives a run, such as trained
   * categorizer models. Empty for {@code :memory:}, or when neither default can be placed (no
   * {@code HOME}).
   */
  public static Optional<Path> dataDirFrom(Map<String, String> env) throws InvalidSettings {
    List<String> problems = new ArrayList<>();
    Optional<Path> dir = readDataDir(env, problems);
    if (!problems.isEmpty()) {
      throw new InvalidSettings(problems);
    }
    return dir;
  }

  private static Optional<Path> readDataDir(Map<String, String> env, List<String> problems) {
    Optional<String> value = value(env, "PASTEFIX_DATA_DIR");
    if (value.isPresent()) {
      if (value.get().equals(IN_MEMORY)) {
        return Optional.empty();
      }
      Path dir;
      try {
        dir = Path.of(value.get());
      } catch (java.nio.file.InvalidPathException e) {
        problems.add("PASTEFIX_DATA_DIR is not a valid path: " + e.getMessage());
        return Optional.empty();
      }
      if (!dir.isAbsolute()) {
        problems.add(
            "PASTEFIX_DATA_DIR must be an absolute path or "
                + IN_MEMORY
                + ", got '"
                + value.get()
                + "'");
        return Optional.empty();
      }
      return Optional.of(dir);
    }
    // The XDG base-directory rules: a relative XDG_DATA_HOME is ignored.
    Optional<Path> xdg =
        value(env, "XDG_DATA_HOME").flatMap(Settings::absolutePath).map(p -> p.resolve("pastefix"));
    if (xdg.isPresent()) {
      return xdg;
    }
    return value(env, "HOME")
        .flatMap(Settings::absolutePath)
        .map(home -> home.resolve(".local").resolve("share").resolve("pastefix"));
  }

  private static Optional<Path> absolutePath(String value) {
    try {
      Path path = Path.of(value);
      return path.isAbsolute() ? Optional.of(path) : Optional.empty();
    } catch (java.nio.file.InvalidPathException e) {
      return Optional.empty();
    }
  }

  /** {@code PASTEFIX_LOG_FORMAT} and {@code PASTEFIX_LOG_LEVEL} alone, for every command. */
  public static Service loggingFrom(Map<String, String> env) throws InvalidSettings {
    List<String> problems = new ArrayList<>();
    Service service = readService(env, problems);
    if (!problems.isEmpty()) {
      throw new InvalidSettings(problems);
    }
    return service;
  }

  private static final List<String> LEVELS = List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR");

  private static Service readService(Map<String, String> env, List<String> problems) {
    String managementHost =
        host(env, "PASTEFIX_MANAGEMENT_HOST", problems).orElse(DEFAULT_MANAGEMENT_HOST);
    int managementPort =
        number(env, "PASTEFIX_MANAGEMENT_PORT", 0, 65535, problems).orElse(DEFAULT_MANAGEMENT_PORT);
    String httpHost = host(env, "PASTEFIX_HTTP_HOST", problems).orElse(DEFAULT_HTTP_HOST);
    HttpLimits defaults = HttpLimits.DEFAULT;
    int maxThreads =
        number(env, "PASTEFIX_HTTP_MAX_THREADS", 8, 10_000, problems).orElse(defaults.maxThreads());
    int idleMillis =
        number(env, "PASTEFIX_HTTP_IDLE_TIMEOUT_MS", 100, 3_600_000, problems)
            .orElse((int) defaults.idleTimeout().toMillis());
    int maxConnections =
        number(env, "PASTEFIX_HTTP_MAX_CONNECTIONS", 1, 1_000_000, problems)
            .orElse(defaults.maxConnections());
    LogFormat format = LogFormat.TEXT;
    Optional<String> formatValue = value(env, "PASTEFIX_LOG_FORMAT");
    if (formatValue.isPresent()) {
      switch (formatValue.get().toLowerCase(Locale.ROOT)) {
        case "text":
          format = LogFormat.TEXT;
          break;
        case "json":
          format = LogFormat.JSON;
          break;
        default:
          problems.add("PASTEFIX_LOG_FORMAT must be text or json, got '" + formatValue.get() + "'");
      }
    }
    String level = value(env, "PASTEFIX_LOG_LEVEL").orElse("INFO").toUpperCase(Locale.ROOT);
    if (!LEVELS.contains(level)) {
      problems.add(
          "PASTEFIX_LOG_LEVEL must be one of "
              + String.join(", ", LEVELS)
              + ", got '"
              + level
              + "'");
      level = "INFO";
    }
    return new Service(
        managementHost,
        managementPort,
        httpHost,
        new HttpLimits(
            maxThreads, Duration.ofMillis(idleMillis), defaults.maxRequestBytes(), maxConnections),
        format,
        level);
  }

  private static SlackOptions.Capacity readCapacity(
      Map<String, String> env, List<String> problems) {
    SlackOptions.Capacity defaults = SlackOptions.Capacity.DEFAULT;
    return new SlackOptions.Capacity(
        number(env, "PASTEFIX_SLACK_ENGINE_THREADS", 1, 256, problems)
            .orElse(defaults.engineThreads()),
        number(env, "PASTEFIX_SLACK_POSTING_THREADS", 1, 1024, problems)
            .orElse(defaults.postingThreads()),
        number(env, "PASTEFIX_SLACK_BACKLOG", 1, 1_000_000, problems).orElse(defaults.backlog()),
        number(env, "PASTEFIX_SLACK_CHANNEL_PACE_MS", 0, 60_000, problems)
            .map(ms -> Duration.ofMillis(ms))
            .orElse(defaults.channelPace()),
        defaults.postAttempts());
  }

  private static Optional<String> host(
      Map<String, String> env, String name, List<String> problems) {
    Optional<String> host = value(env, name);
    if (host.isPresent() && !host.get().matches("[A-Za-z0-9.\\-]+|[0-9A-Fa-f:.]+")) {
      problems.add(name + " must be a host name or an IP address, got '" + host.get() + "'");
      return Optional.empty();
    }
    return host;
  }

  private static Optional<Integer> number(
      Map<String, String> env, String name, int min, int max, List<String> problems) {
    Optional<String> v = value(env, name);
    if (v.isEmpty()) {
      return Optional.empty();
    }
    try {
      int n = Integer.parseInt(v.get());
      if (n < min || n > max) {
        problems.add(name + " must be between " + min + " and " + max + ", got " + n);
        return Optional.empty();
      }
      return Optional.of(n);
    } catch (NumberFormatException e) {
      problems.add(name + " must be a number, got '" + v.get() + "'");
      return Optional.empty();
    }
  }

  /**
   * The administrator's knowledge directory ({@code PASTEFIX_KNOWLEDGE_DIR}) alone, for commands
   * that need nothing else from the environment.
   */
  public static Optional<Path> knowledgeDirFrom(Map<String, String> env) {
    return value(env, "PASTEFIX_KNOWLEDGE_DIR").map(Path::of);
  }

  /** Whether the shipped knowledge is used: {@code PASTEFIX_KNOWLEDGE_SHIPPED}, true by default. */
  static final String KNOWLEDGE_SHIPPED_ENV = "PASTEFIX_KNOWLEDGE_SHIPPED";

  /**
   * The knowledge to load: {@code PASTEFIX_KNOWLEDGE_DIR}, with or without the shipped files
   * ({@code PASTEFIX_KNOWLEDGE_SHIPPED=false} leaves them out and then needs the directory).
   */
  public static dev.pastefix.knowledge.KnowledgeSources knowledgeFrom(Map<String, String> env)
      throws InvalidSettings {
    Optional<Path> dir = knowledgeDirFrom(env);
    Optional<String> shipped = value(env, KNOWLEDGE_SHIPPED_ENV);
    boolean useShipped = true;
    if (shipped.isPresent()) {
      String v = shipped.get().strip().toLowerCase(java.util.Locale.ROOT);
      if (v.equals("false") || v.equals("no") || v.equals("0")) {
        useShipped = false;
      } else if (!v.equals("true") && !v.equals("yes") && !v.equals("1")) {
        throw new InvalidSettings(
            List.of(KNOWLEDGE_SHIPPED_ENV + " must be true or false, got '" + shipped.get() + "'"));
      }
    }
    if (!useShipped && dir.isEmpty()) {
      throw new InvalidSettings(
          List.of(
              "--no-shipped ("
                  + KNOWLEDGE_SHIPPED_ENV
                  + "=false) needs a knowledge directory: --knowledge DIR or PASTEFIX_KNOWLEDGE_DIR"));
    }
    return new dev.pastefix.knowledge.KnowledgeSources(useShipped, dir);
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
   * {@code PASTEFIX_ADMINS}: who may use {@code /pastefix stats}, {@code review} and {@code
   * reload}, as {@code slack:U0123ABC,discord:123456789012345678}; nobody when unset.
   */
  private static Admins readAdmins(Map<String, String> env, List<String> problems) {
    Optional<String> list = value(env, "PASTEFIX_ADMINS");
    if (list.isEmpty()) {
      return Admins.none();
    }
    try {
      return Admins.parse(list.get());
    } catch (IllegalArgumentException e) {
      problems.add("PASTEFIX_ADMINS: " + e.getMessage());
      return Admins.none();
    }
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
        && !resolver
            .get()
            .matches("[A-Za-z0-9.\\-]+(:\\d{1,5})?|\\[[0-9A-Fa-f:.]+\\](:\\d{1,5})?")) {
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
    SlackOptions.Capacity capacity = readCapacity(env, problems);
    if (!problems.isEmpty() || botToken.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Slack(botToken.get(), appToken, secret, apiUrl, port, capacity));
  }

  private static Optional<Discord> readDiscord(Map<String, String> env, List<String> problems) {
    Optional<String> token = value(env, "DISCORD_TOKEN");
    Optional<String> guild = value(env, "DISCORD_GUILD_ID");
    Optional<URI> apiUrl = url(env, "DISCORD_API_URL", problems);
    Optional<URI> gatewayUrl = url(env, "DISCORD_GATEWAY_URL", problems);
    boolean any =
        token.isPresent() || guild.isPresent() || apiUrl.isPresent() || gatewayUrl.isPresent();
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

  /**
   * Where the bot's state lives: the embedded database in {@code dataDir} (empty: in memory, for
   * {@code PASTEFIX_DATA_DIR=:memory:} or {@code --ephemeral}), or the PostgreSQL server of {@code
   * databaseUrl} with its credentials; the answer log's retention; and how long an event's claim
   * may stay unanswered before another instance takes it over. The password never appears in {@link
   * #toString()}.
   */
  public record Storage(
      Optional<Path> dataDir,
      Optional<String> databaseUrl,
      Optional<String> databaseUser,
      Optional<String> databasePassword,
      Duration retention,
      Duration staleClaimAfter) {
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(30);
    public static final Duration DEFAULT_STALE_CLAIM_AFTER = Duration.ofMinutes(2);

    /** The same, kept in memory whatever the environment says ({@code --ephemeral}). */
    public Storage ephemeral() {
      return new Storage(
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          retention,
          staleClaimAfter);
    }

    @Override
    public String toString() {
      return "Storage[dataDir="
          + dataDir.map(Path::toString).orElse(IN_MEMORY)
          + ", databaseUrl="
          + databaseUrl.map(dev.pastefix.core.state.Redaction::url).orElse("-")
          + ", databaseUser="
          + databaseUser.orElse("-")
          + ", password=<redacted>, retention="
          + retention
          + ", staleClaimAfter="
          + staleClaimAfter
          + "]";
    }
  }

  /**
   * The state settings alone: {@code PASTEFIX_DATA_DIR}, {@code PASTEFIX_DATABASE_URL} with {@code
   * PASTEFIX_DATABASE_USER} / {@code PASTEFIX_DATABASE_PASSWORD}, {@code PASTEFIX_RETENTION_DAYS}
   * (default 30) and {@code PASTEFIX_STALE_CLAIM_SECONDS} (default 120); every problem at once.
   */
  public static Storage storageFrom(Map<String, String> environment) throws InvalidSettings {
    List<String> problems = new ArrayList<>();
    Map<String, String> env = SecretFiles.resolve(environment, problems);
    Optional<Path> dataDir = readDataDir(env, problems);
    Optional<String> url = value(env, "PASTEFIX_DATABASE_URL");
    url.ifPresent(
        u -> {
          if (!u.startsWith("jdbc:postgresql://")) {
            problems.add(
                "PASTEFIX_DATABASE_URL must be jdbc:postgresql://host:port/database, got '"
                    + dev.pastefix.core.state.Redaction.url(u)
                    + "'");
          }
        });
    Optional<String> user = value(env, "PASTEFIX_DATABASE_USER");
    Optional<String> password = value(env, "PASTEFIX_DATABASE_PASSWORD");
    if (url.isEmpty() && (user.isPresent() || password.isPresent())) {
      problems.add(
          "PASTEFIX_DATABASE_USER / PASTEFIX_DATABASE_PASSWORD are set without"
              + " PASTEFIX_DATABASE_URL");
    }
    int days = positive(env, "PASTEFIX_RETENTION_DAYS", 3650, problems).orElse(30);
    int stale = positive(env, "PASTEFIX_STALE_CLAIM_SECONDS", 86_400, problems).orElse(120);
    if (!problems.isEmpty()) {
      throw new InvalidSettings(problems);
    }
    return new Storage(
        dataDir, url, user, password, Duration.ofDays(days), Duration.ofSeconds(stale));
  }

  /** The state settings' problems not already in {@code known}. */
  private static List<String> storageProblems(Map<String, String> env, List<String> known) {
    try {
      storageFrom(env);
      return List.of();
    } catch (InvalidSettings e) {
      return e.problems().stream().filter(p -> !known.contains(p)).toList();
    }
  }

  private static Optional<Integer> positive(
      Map<String, String> env, String name, int max, List<String> problems) {
    Optional<String> v = value(env, name);
    if (v.isEmpty()) {
      return Optional.empty();
    }
    try {
      int n = Integer.parseInt(v.get());
      if (n < 1 || n > max) {
        problems.add(name + " must be between 1 and " + max + ", got " + n);
        return Optional.empty();
      }
      return Optional.of(n);
    } catch (NumberFormatException e) {
      problems.add(name + " must be a whole number, got '" + v.get() + "'");
      return Optional.empty();
    }
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
      problems.add("TEAMS_APP_PASSWORD is missing: a client secret of the bot's app registration");
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
    boolean loopback = host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]");
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

  private static Optional<Integer> port(
      Map<String, String> env, String name, List<String> problems) {
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
        + ", admins="
        + admins.members().size()
        + ", "
        + service
        + "]";
  }
}
