package dev.pastefix.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/**
 * A small Discord on loopback: the REST API under {@code /api/v10/} and the gateway at {@code
 * /gateway}, speaking the JSON frames of the real one (HELLO, IDENTIFY, READY, GUILD_CREATE,
 * heartbeats, dispatches). It records every REST call for the test to inspect.
 */
final class FakeDiscord implements AutoCloseable {
  static final long DISCORD_EPOCH = 1420070400000L;
  static final ObjectMapper JSON = new ObjectMapper();

  final String botId = snowflake();
  final String appId = botId;
  final String guildId = snowflake();
  final String channelId = snowflake();
  final String dmChannelId = snowflake();
  final String userId = snowflake();
  final String token;

  /** The permissions of {@code @everyone} in the fake guild: exactly what the invite URL asks. */
  final long guildPermissions;

  private final MockWebServer server = new MockWebServer();
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final List<JsonNode> identifies = new CopyOnWriteArrayList<>();
  private final AtomicInteger sequence = new AtomicInteger();
  private volatile Optional<WebSocket> socket = Optional.empty();
  private final java.util.Set<String> tokens = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private final java.util.Set<String> held = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private final java.util.Map<String, WebSocket> socketsByToken =
      new java.util.concurrent.ConcurrentHashMap<>();
  private final java.util.concurrent.CountDownLatch release =
      new java.util.concurrent.CountDownLatch(1);
  private final AtomicInteger heldPosts = new AtomicInteger();
  private volatile boolean refuseMessageContent;
  private final AtomicInteger closedCleanly = new AtomicInteger();
  private final AtomicInteger resumes = new AtomicInteger();
  private final java.util.Map<String, String> files =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static final AtomicLong LAST = new AtomicLong();

  /** A fresh snowflake of "now": Discord derives an interaction's age from its id. */
  static String snowflake() {
    long id = (System.currentTimeMillis() - DISCORD_EPOCH) << 22;
    return Long.toString(LAST.updateAndGet(prev -> Math.max(prev + 1, id)));
  }

  /** One REST request as the fake received it, with the bot token it carried. */
  record Call(String method, String path, JsonNode body, String token) {
    boolean is(String m, String pathPattern) {
      return method.equals(m) && path.matches(pathPattern);
    }
  }

  FakeDiscord(String token, long guildPermissions) {
    this.token = token;
    this.guildPermissions = guildPermissions;
    tokens.add(token);
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return FakeDiscord.this.dispatch(request);
          }
        });
  }

  FakeDiscord start() throws IOException {
    server.start(InetAddress.getLoopbackAddress(), 0);
    return this;
  }

  URI apiUrl() {
    return URI.create("http://127.0.0.1:" + server.getPort() + "/api/v10/");
  }

  URI gatewayUrl() {
    return URI.create("ws://127.0.0.1:" + server.getPort() + "/gateway");
  }

  /** Closes the gateway with 4014 when IDENTIFY asks for the Message Content intent. */
  void refuseMessageContent() {
    refuseMessageContent = true;
  }

  /** Lets a second bot (another instance, with a token of its own) sign in too. */
  void acceptToken(String other) {
    tokens.add(other);
  }

  /** Holds every message {@code holder} posts open, unanswered, until {@link #releaseHeld()}. */
  void holdPostsOf(String holder) {
    held.add(holder);
  }

  int heldPosts() {
    return heldPosts.get();
  }

  void releaseHeld() {
    release.countDown();
  }

  /** Sends a dispatch to the gateway session of the bot signed in with {@code to} only. */
  void dispatchTo(String to, String type, JsonNode data) {
    WebSocket ws = socketsByToken.get(to);
    if (ws == null) {
      throw new IllegalStateException("no gateway session for that token");
    }
    ObjectNode frame = JSON.createObjectNode();
    frame.put("op", 0);
    frame.put("t", type);
    frame.put("s", sequence.incrementAndGet());
    frame.set("d", data);
    ws.send(frame.toString());
  }

  /** Whether a bot signed in with {@code who} has a gateway session. */
  boolean signedIn(String who) {
    return socketsByToken.containsKey(who);
  }

  List<JsonNode> identifies() {
    return List.copyOf(identifies);
  }

  List<Call> calls() {
    return List.copyOf(calls);
  }

  int resumes() {
    return resumes.get();
  }

  /** Drops the gateway connection the way Discord does before asking the client to resume. */
  void dropGateway() {
    socket.ifPresent(ws -> ws.close(4000, "Unknown error"));
  }

  int cleanCloses() {
    return closedCleanly.get();
  }

  /** Waits (bounded) for a REST call matching method and path pattern, after {@code from}. */
  Call await(String method, String pathPattern, int from, Duration timeout)
      throws InterruptedException {
    return await(c -> c.is(method, pathPattern), from, timeout, method + " " + pathPattern);
  }

  Call await(Predicate<Call> match, int from, Duration timeout, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      List<Call> now = calls();
      for (int i = from; i < now.size(); i++) {
        if (match.test(now.get(i))) {
          return now.get(i);
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no " + what + " within " + timeout + "; calls: " + summary());
  }

  String summary() {
    List<String> lines = new ArrayList<>();
    for (Call c : calls) {
      lines.add(c.method() + " " + c.path());
    }
    return lines.toString();
  }

  // ---- gateway

  /** Sends a dispatch (op 0) to the connected client. */
  void dispatch(String type, JsonNode data) {
    ObjectNode frame = JSON.createObjectNode();
    frame.put("op", 0);
    frame.put("t", type);
    frame.put("s", sequence.incrementAndGet());
    frame.set("d", data);
    send(frame);
  }

  private void send(JsonNode frame) {
    WebSocket ws = socket.orElseThrow(() -> new IllegalStateException("no gateway connection"));
    ws.send(frame.toString());
  }

  private final class Gateway extends WebSocketListener {
    @Override
    public void onOpen(WebSocket webSocket, Response response) {
      socket = Optional.of(webSocket);
      webSocket.send("{\"op\":10,\"d\":{\"heartbeat_interval\":41250},\"s\":null,\"t\":null}");
    }

    @Override
    public void onMessage(WebSocket webSocket, String text) {
      JsonNode frame = read(text);
      int op = frame.path("op").asInt(-1);
      switch (op) {
        case 1:
          webSocket.send("{\"op\":11,\"d\":null,\"s\":null,\"t\":null}");
          break;
        case 2:
          identifies.add(frame.path("d"));
          String signedIn = frame.path("d").path("token").asText();
          socketsByToken.put(
              signedIn.startsWith("Bot ") ? signedIn.substring(4) : signedIn, webSocket);
          socket = Optional.of(webSocket);
          long intents = frame.path("d").path("intents").asLong();
          if (refuseMessageContent && (intents & (1L << 15)) != 0) {
            webSocket.close(4014, "Disallowed intent(s).");
            return;
          }
          sequence.set(0);
          dispatch("READY", ready());
          dispatch("GUILD_CREATE", guild());
          break;
        case 6:
          resumes.incrementAndGet();
          dispatch("RESUMED", JSON.createObjectNode());
          break;
        default:
          break;
      }
    }

    @Override
    public void onClosing(WebSocket webSocket, int code, String reason) {
      // Completing the close handshake lets JDA shut down at once instead of timing out.
      webSocket.close(code == 1005 ? 1000 : code, null);
      closedCleanly.incrementAndGet();
    }

    @Override
    public void onFailure(WebSocket webSocket, Throwable t, Response response) {
      socket = Optional.empty();
    }
  }

  // ---- REST

  private MockResponse dispatch(RecordedRequest request) {
    String path = request.getUrl().encodedPath();
    if (path.startsWith("/gateway")) {
      return new MockResponse.Builder().webSocketUpgrade(new Gateway()).build();
    }
    if (path.startsWith("/attachments/")) {
      String file = files.get(path);
      calls.add(new Call(request.getMethod(), path.substring(1), JSON.nullNode(), ""));
      return file == null
          ? new MockResponse.Builder().code(404).build()
          : new MockResponse.Builder()
              .code(200)
              .setHeader("Content-Type", "text/plain; charset=utf-8")
              .body(file)
              .build();
    }
    String method = request.getMethod();
    JsonNode body =
        request.getBody() == null || request.getBody().size() == 0
            ? JSON.nullNode()
            : read(request.getBody().string(StandardCharsets.UTF_8));
    String api = path.startsWith("/api/v10/") ? path.substring("/api/v10/".length()) : path;
    String authorization =
        Optional.ofNullable(request.getHeaders().get("Authorization")).orElse("");
    String caller = authorization.startsWith("Bot ") ? authorization.substring(4) : "";
    if (!tokens.contains(caller)
        && !api.startsWith("interactions/")
        && !api.startsWith("webhooks/")) {
      return json(401, "{\"message\":\"401: Unauthorized\",\"code\":0}");
    }
    calls.add(new Call(method, api, body, caller));
    if (method.equals("POST") && api.matches("channels/\\d+/messages") && held.contains(caller)) {
      // Held open, as a Discord that has stopped answering: the sender waits, its claim with it.
      heldPosts.incrementAndGet();
      try {
        release.await(5, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return json(503, "{\"message\":\"held\",\"code\":0}");
    }
    if (method.equals("GET") && api.equals("users/@me")) {
      return json(200, selfUser().toString());
    }
    if (method.equals("GET") && api.equals("gateway/bot")) {
      return json(
          200,
          "{\"url\":\""
              + gatewayUrl()
              + "\",\"shards\":1,\"session_start_limit\":{\"total\":1000,\"remaining\":999,"
              + "\"reset_after\":0,\"max_concurrency\":1}}");
    }
    if (method.equals("PUT") && api.matches("applications/\\d+(/guilds/\\d+)?/commands")) {
      ArrayNode registered = JSON.createArrayNode();
      for (JsonNode command : body) {
        ObjectNode copy = command.deepCopy();
        copy.put("id", snowflake());
        copy.put("application_id", appId);
        copy.put("version", snowflake());
        copy.put("default_member_permissions", (String) null);
        copy.put("type", 1);
        registered.add(copy);
      }
      return json(200, registered.toString());
    }
    if (method.equals("POST") && api.equals("users/@me/channels")) {
      // Opening a DM with the one user there is gives the DM channel the fake delivers from.
      ObjectNode dm = JSON.createObjectNode();
      dm.put("id", dmChannelId);
      dm.put("type", 1);
      dm.putNull("last_message_id");
      dm.putArray("recipients").add(user(userId, "admin", false));
      return json(200, dm.toString());
    }
    if (method.equals("POST") && api.matches("channels/\\d+/messages")) {
      String channel = api.split("/")[1];
      return json(200, message(snowflake(), channel, body).toString());
    }
    if (method.equals("POST") && api.matches("interactions/\\d+/[^/]+/callback")) {
      return json(200, callbackResponse(api.split("/")[1], body).toString());
    }
    if (method.equals("POST") && api.matches("webhooks/\\d+/[^/]+")) {
      return json(200, message(snowflake(), channelId, body).toString());
    }
    if (method.equals("PATCH") && api.matches("webhooks/\\d+/[^/]+/messages/.+")) {
      return json(200, message(snowflake(), channelId, body).toString());
    }
    if (method.equals("DELETE")) {
      return new MockResponse.Builder().code(204).build();
    }
    return json(404, "{\"message\":\"Unknown route\",\"code\":0}");
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .setHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  static JsonNode read(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---- payloads

  ObjectNode selfUser() {
    ObjectNode user = user(botId, "pastefix", true);
    user.put("verified", true);
    user.put("mfa_enabled", false);
    user.put("flags", 0);
    return user;
  }

  static ObjectNode user(String id, String name, boolean bot) {
    ObjectNode user = JSON.createObjectNode();
    user.put("id", id);
    user.put("username", name);
    user.put("discriminator", "0");
    user.putNull("global_name");
    user.putNull("avatar");
    user.put("bot", bot);
    user.put("public_flags", 0);
    return user;
  }

  private ObjectNode ready() {
    ObjectNode d = JSON.createObjectNode();
    d.put("v", 10);
    d.set("user", selfUser());
    ArrayNode guilds = d.putArray("guilds");
    guilds.addObject().put("id", guildId).put("unavailable", true);
    d.put("session_id", "fake-session");
    d.put("resume_gateway_url", gatewayUrl().toString());
    d.putArray("shard").add(0).add(1);
    d.putObject("application").put("id", appId).put("flags", 0);
    d.putArray("private_channels");
    d.putArray("relationships");
    d.putArray("presences");
    d.putArray("guild_join_requests");
    return d;
  }

  private ObjectNode member(ObjectNode user) {
    ObjectNode member = JSON.createObjectNode();
    if (user != null) {
      member.set("user", user);
    }
    member.putArray("roles");
    member.put("joined_at", "2024-01-01T00:00:00.000000+00:00");
    member.put("deaf", false);
    member.put("mute", false);
    member.put("flags", 0);
    return member;
  }

  ObjectNode textChannel() {
    ObjectNode channel = JSON.createObjectNode();
    channel.put("id", channelId);
    channel.put("type", 0);
    channel.put("guild_id", guildId);
    channel.put("name", "sfb-errors");
    channel.put("position", 0);
    channel.putArray("permission_overwrites");
    channel.putNull("topic");
    channel.put("nsfw", false);
    channel.putNull("last_message_id");
    channel.put("rate_limit_per_user", 0);
    channel.putNull("parent_id");
    channel.put("flags", 0);
    return channel;
  }

  private ObjectNode guild() {
    ObjectNode g = JSON.createObjectNode();
    g.put("id", guildId);
    g.put("name", "Skype admins");
    g.putNull("icon");
    g.putNull("splash");
    g.putNull("discovery_splash");
    g.put("owner_id", userId);
    g.putNull("afk_channel_id");
    g.put("afk_timeout", 300);
    g.put("verification_level", 0);
    g.put("default_message_notifications", 0);
    g.put("explicit_content_filter", 0);
    ObjectNode everyone = g.putArray("roles").addObject();
    everyone.put("id", guildId);
    everyone.put("name", "@everyone");
    everyone.put("color", 0);
    ObjectNode colors = everyone.putObject("colors");
    colors.put("primary_color", 0);
    colors.putNull("secondary_color");
    colors.putNull("tertiary_color");
    everyone.put("hoist", false);
    everyone.put("position", 0);
    everyone.put("permissions", Long.toString(guildPermissions));
    everyone.put("managed", false);
    everyone.put("mentionable", false);
    everyone.put("flags", 0);
    g.putArray("emojis");
    g.putArray("stickers");
    g.putArray("features");
    g.put("mfa_level", 0);
    g.putNull("application_id");
    g.putNull("system_channel_id");
    g.put("system_channel_flags", 0);
    g.putNull("rules_channel_id");
    g.putNull("vanity_url_code");
    g.putNull("description");
    g.putNull("banner");
    g.put("premium_tier", 0);
    g.put("premium_subscription_count", 0);
    g.put("preferred_locale", "en-US");
    g.putNull("public_updates_channel_id");
    g.put("nsfw_level", 0);
    g.put("premium_progress_bar_enabled", false);
    g.put("joined_at", "2024-01-01T00:00:00.000000+00:00");
    g.put("large", false);
    g.put("unavailable", false);
    g.put("member_count", 2);
    g.putArray("voice_states");
    g.putArray("members").add(member(selfUser()));
    g.putArray("channels").add(textChannel());
    g.putArray("threads");
    g.putArray("presences");
    g.putArray("stage_instances");
    g.putArray("guild_scheduled_events");
    g.putArray("soundboard_sounds");
    return g;
  }

  /** A message object as Discord returns it, echoing what the client sent. */
  ObjectNode message(String id, String channel, JsonNode sent) {
    ObjectNode m = JSON.createObjectNode();
    m.put("id", id);
    m.put("channel_id", channel);
    m.set("author", selfUser());
    m.put("content", sent.path("content").asText(""));
    m.put("timestamp", Instant.now().toString());
    m.putNull("edited_timestamp");
    m.put("tts", false);
    m.put("mention_everyone", false);
    m.putArray("mentions");
    m.putArray("mention_roles");
    m.putArray("attachments");
    ArrayNode embeds = m.putArray("embeds");
    for (JsonNode embed : sent.path("embeds")) {
      embeds.add(((ObjectNode) embed.deepCopy()).put("type", "rich"));
    }
    m.set(
        "components",
        sent.has("components") ? sent.get("components").deepCopy() : JSON.createArrayNode());
    m.put("pinned", false);
    m.put("type", sent.has("message_reference") ? 19 : 0);
    m.put("flags", sent.path("flags").asInt(0));
    return m;
  }

  private ObjectNode callbackResponse(String interactionId, JsonNode sent) {
    ObjectNode r = JSON.createObjectNode();
    ObjectNode interaction = r.putObject("interaction");
    interaction.put("id", interactionId);
    interaction.put("type", 2);
    interaction.putNull("activity_instance_id");
    interaction.putNull("response_message_id");
    interaction.put("response_message_loading", sent.path("type").asInt() == 5);
    interaction.put(
        "response_message_ephemeral", (sent.path("data").path("flags").asInt() & 64) != 0);
    ObjectNode resource = r.putObject("resource");
    resource.put("type", sent.path("type").asInt());
    if (sent.path("type").asInt() == 4 || sent.path("type").asInt() == 7) {
      resource.set("message", message(snowflake(), channelId, sent.path("data")));
    }
    return r;
  }

  // ---- events the tests send

  /** An attachment object for a text file the fake serves, as Discord's CDN would. */
  ObjectNode textAttachment(String filename, String text) {
    String id = snowflake();
    String path = "/attachments/" + id + "/" + filename;
    files.put(path, text);
    ObjectNode a = JSON.createObjectNode();
    a.put("id", id);
    a.put("filename", filename);
    a.put("size", text.getBytes(StandardCharsets.UTF_8).length);
    a.put("url", "http://127.0.0.1:" + server.getPort() + path);
    a.put("proxy_url", "http://127.0.0.1:" + server.getPort() + path);
    a.put("content_type", "text/plain; charset=utf-8");
    return a;
  }

  /** A MESSAGE_CREATE from a person, in the guild channel or (guild empty) in a DM. */
  ObjectNode userMessage(String id, String content, boolean inGuild, List<ObjectNode> mentions) {
    ObjectNode m = JSON.createObjectNode();
    m.put("id", id);
    m.put("channel_id", inGuild ? channelId : dmChannelId);
    if (inGuild) {
      m.put("guild_id", guildId);
      m.set("member", member(null));
    } else {
      m.put("channel_type", 1);
    }
    m.set("author", user(userId, "admin", false));
    m.put("content", content);
    m.put("timestamp", Instant.now().toString());
    m.putNull("edited_timestamp");
    m.put("tts", false);
    m.put("mention_everyone", false);
    ArrayNode mentionArray = m.putArray("mentions");
    mentions.forEach(mentionArray::add);
    m.putArray("mention_roles");
    m.putArray("attachments");
    m.putArray("embeds");
    m.putArray("components");
    m.put("pinned", false);
    m.put("type", 0);
    m.put("flags", 0);
    return m;
  }

  private ObjectNode interactionBase(String id, int type) {
    return interactionBase(id, type, userId);
  }

  private ObjectNode interactionBase(String id, int type, String fromUser) {
    ObjectNode i = JSON.createObjectNode();
    i.put("id", id);
    i.put("application_id", appId);
    i.put("type", type);
    i.put("token", "interaction-token-" + id);
    i.put("version", 1);
    i.put("guild_id", guildId);
    ObjectNode partialGuild = i.putObject("guild");
    partialGuild.put("id", guildId);
    partialGuild.put("locale", "en-US");
    partialGuild.putArray("features");
    i.put("channel_id", channelId);
    i.set("channel", textChannel());
    ObjectNode member =
        member(user(fromUser, fromUser.equals(userId) ? "admin" : "someone", false));
    member.put("permissions", Long.toString(guildPermissions));
    i.set("member", member);
    i.put("app_permissions", Long.toString(guildPermissions));
    i.put("locale", "en-US");
    i.put("guild_locale", "en-US");
    i.putArray("entitlements");
    i.putObject("authorizing_integration_owners").put("0", guildId);
    i.put("context", 0);
    return i;
  }

  /** An INTERACTION_CREATE for {@code /pastefix <sub> <option>=<value>}. */
  ObjectNode slashCommand(String id, String sub, String option, String value) {
    return slashCommandFrom(userId, id, sub, option, value);
  }

  /** As {@link #slashCommand}, sent by the member {@code fromUser}. */
  ObjectNode slashCommandFrom(String fromUser, String id, String sub, String option, String value) {
    ObjectNode i = interactionBase(id, 2, fromUser);
    ObjectNode data = i.putObject("data");
    data.put("id", snowflake());
    data.put("name", "pastefix");
    data.put("type", 1);
    ObjectNode subcommand = data.putArray("options").addObject();
    subcommand.put("name", sub);
    subcommand.put("type", 1);
    ArrayNode options = subcommand.putArray("options");
    if (option != null) {
      options.addObject().put("name", option).put("type", 3).put("value", value);
    }
    return i;
  }

  /** An INTERACTION_CREATE for a click on {@code customId} under {@code message}. */
  ObjectNode buttonClick(String id, String customId, JsonNode message) {
    ObjectNode i = interactionBase(id, 3);
    ObjectNode data = i.putObject("data");
    data.put("custom_id", customId);
    data.put("component_type", 2);
    i.set("message", message);
    return i;
  }

  @Override
  public void close() throws IOException {
    release.countDown();
    socket.ifPresent(ws -> ws.close(1001, "test over"));
    server.close();
  }

  static void pause(Duration d) throws InterruptedException {
    TimeUnit.MILLISECONDS.sleep(d.toMillis());
  }
}
