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

  /** Whether no chat platform is configured, so the console is the embedded default. */
  public boolean consoleOnly() {
    return slack.isEmpty() && discord.isEmpty();
  }

  /** Reads the settings from an environment map, collecting every problem before failing once. */
  public static Settings from(Map<String, String> env) throws InvalidSettings {
    List<String> problems = new ArrayList<>();
    Optional<Slack> slack = readSlack(env, problems);
    Optional<Discord> discord = readDiscord(env, problems);
    Optional<Path> knowledgeDir = knowledgeDirFrom(env);
    Optional<String> dnsResolver = readDnsResolver(env, problems);
    readDataDir(env, problems);
    if (!problems.isEmpty()) {
      throw new InvalidSettings(problems);
    }
    return new Settings(slack, discord, knowledgeDir, dnsResolver);
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
        + ", knowledgeDir="
        + knowledgeDir.map(Path::toString).orElse("-")
        + ", dnsResolver="
        + dnsResolver.orElse("system")
        + "]";
  }
}
