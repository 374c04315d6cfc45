package dev.pastefix.discord;

import dev.pastefix.core.Bot;
import dev.pastefix.core.feedback.FeedbackStore;
import dev.pastefix.core.state.BotState;
import dev.pastefix.core.state.SeenEvents;
import dev.pastefix.core.telemetry.SafeUrl;
import dev.pastefix.core.telemetry.Telemetry;
import dev.pastefix.core.work.Workers;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.events.session.ShutdownEvent;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.requests.CloseCode;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.SessionController;
import net.dv8tion.jda.api.utils.SessionControllerAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * pastefix on Discord: connects with JDA, registers {@code /pastefix} and answers until closed.
 * When Discord refuses the privileged Message Content intent it says how to enable it and carries
 * on without it, so slash commands, DMs and mentions still work.
 */
public final class DiscordBot implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(DiscordBot.class);

  static final Set<GatewayIntent> INTENTS =
      EnumSet.of(
          GatewayIntent.GUILD_MESSAGES,
          GatewayIntent.DIRECT_MESSAGES,
          GatewayIntent.MESSAGE_CONTENT);
  static final int WORKERS = 2;
  static final int QUEUE = 200;
  static final long SHUTDOWN_WAIT_SECONDS = 5;

  static final String PORTAL_HINT =
      "Discord refused the privileged Message Content intent (close code 4014). To let pastefix"
          + " read errors pasted in channels, open https://discord.com/developers/applications,"
          + " choose the application, then Bot > Privileged Gateway Intents > enable MESSAGE"
          + " CONTENT INTENT, save and restart. Continuing without it: /pastefix, DMs and mentions"
          + " still work; unaddressed channel pastes are not read.";

  private final DiscordConfig config;
  private final Workers workers;
  private final PastefixListener listener;
  private volatile Optional<JDA> jda = Optional.empty();
  private volatile boolean messageContent;
  private final Duration staleClaimAfter;
  private final ScheduledExecutorService sweeper =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "pastefix-discord-takeover");
            t.setDaemon(true);
            return t;
          });

  /** A bot whose state lives in this process only, with feedback recorded in {@code feedback}. */
  public DiscordBot(DiscordConfig config, Bot bot, FeedbackStore feedback, KbChoices kb) {
    this(config, bot, feedback, kb, Telemetry.inMemory());
  }

  /** As above, reporting to {@code telemetry}. */
  public DiscordBot(
      DiscordConfig config, Bot bot, FeedbackStore feedback, KbChoices kb, Telemetry telemetry) {
    this(config, bot, BotState.inMemory(Clock.systemUTC()).withFeedback(feedback), kb, telemetry);
  }

  /** A bot keeping its claims, answered messages and votes in {@code state}. */
  public DiscordBot(
      DiscordConfig config, Bot bot, BotState state, KbChoices kb, Telemetry telemetry) {
    this(config, bot, state, kb, SeenEvents.DEFAULT_STALE_AFTER, telemetry);
  }

  /**
   * As above; a message another instance claimed but left unanswered for {@code staleClaimAfter}
   * (it died) is answered by this one.
   */
  public DiscordBot(
      DiscordConfig config,
      Bot bot,
      BotState state,
      KbChoices kb,
      Duration staleClaimAfter,
      Telemetry telemetry) {
    this.config = config;
    this.staleClaimAfter = Objects.requireNonNull(staleClaimAfter, "staleClaimAfter");
    this.workers = new Workers(PastefixListener.PLATFORM, WORKERS, QUEUE, telemetry);
    this.listener =
        new PastefixListener(
            bot,
            new EmbedRenderer(),
            state.feedback(),
            state.seenEvents(),
            state.conversations(),
            kb,
            new MessageTranslator(),
            workers,
            telemetry,
            Clock.systemUTC());
  }

  /**
   * Connects, waits for READY (bounded by the configured timeout) and registers the slash commands.
   *
   * @throws DiscordStartException with a message fit for an administrator when Discord refuses the
   *     token, cannot be reached, or the gateway does not get ready in time
   */
  public void start() throws DiscordStartException, InterruptedException {
    log.info("Discord: starting ({})", config);
    Startup first = connect(INTENTS);
    if (first.refusedIntents()) {
      log.warn(PORTAL_HINT);
      EnumSet<GatewayIntent> without = EnumSet.copyOf(INTENTS);
      without.remove(GatewayIntent.MESSAGE_CONTENT);
      Startup second = connect(without);
      if (!second.ready()) {
        throw second.failure();
      }
      messageContent = false;
    } else if (!first.ready()) {
      throw first.failure();
    } else {
      messageContent = true;
    }
    JDA client = jda.orElseThrow();
    registerCommands(client);
    startSweeper();
    log.info(
        "Discord: ready; invite link for other servers: {}",
        InviteLink.forApplication(client.getSelfUser().getApplicationId()));
  }

  /**
   * Looks for messages another instance (or this one before a restart) claimed but never answered,
   * at once and then every quarter of the stale age, and answers them while connected.
   */
  private void startSweeper() {
    long every = Math.max(1000, staleClaimAfter.toMillis() / 4);
    sweeper.scheduleWithFixedDelay(
        () -> {
          try {
            Optional<JDA> client = jda;
            if (client.isPresent() && connected()) {
              listener.takeOverStale(client.get(), staleClaimAfter);
            }
          } catch (RuntimeException e) {
            log.debug("looking for stale Discord claims failed", e);
          }
        },
        0,
        every,
        TimeUnit.MILLISECONDS);
  }

  /** Whether channel pastes can be read (the Message Content intent was granted). */
  public boolean messageContentEnabled() {
    return messageContent;
  }

  Optional<JDA> jda() {
    return jda;
  }

  /** Whether the gateway session is up (after READY, and again after a reconnect). */
  public boolean connected() {
    return jda.map(client -> client.getStatus() == JDA.Status.CONNECTED).orElse(false);
  }

  /**
   * The workers messages are answered on: stopping them takes no new messages and interactions,
   * draining them waits for the replies of those taken to be handed to JDA (which sends them before
   * it shuts down).
   */
  public Workers workers() {
    return workers;
  }

  private Startup connect(Set<GatewayIntent> intents)
      throws DiscordStartException, InterruptedException {
    StartupWatch watch = new StartupWatch();
    JDABuilder builder =
        JDABuilder.createLight(config.token(), intents)
            .addEventListeners(watch, listener)
            .setEnableShutdownHook(false);
    config.restBase().ifPresent(base -> builder.setRestConfig(new RestConfig().setBaseUrl(base)));
    config
        .gatewayUrl()
        .ifPresent(
            url ->
                // A proxy or a test server speaks plain JSON frames, not zlib streams.
                builder
                    .setSessionController(new FixedGateway(url.toString()))
                    .setCompression(Compression.NONE));
    JDA client;
    try {
      client = builder.build();
    } catch (InvalidTokenException e) {
      throw new DiscordStartException(
          "Discord refused DISCORD_TOKEN (401 Unauthorized): copy the bot token again from the"
              + " developer portal (Bot > Reset Token)");
    } catch (RuntimeException e) {
      throw new DiscordStartException(
          "Discord could not be reached at "
              + SafeUrl.of(URI.create(config.restBase().orElse(RestConfig.DEFAULT_BASE_URL)))
              + ": "
              + e.getMessage(),
          e);
    }
    jda = Optional.of(client);
    boolean signalled = watch.await(config.readyTimeout().toMillis());
    if (signalled && watch.ready()) {
      return new Startup(true, false, null);
    }
    Optional<Integer> code = watch.closeCode();
    shutdown(client);
    if (code.isPresent() && code.get() == CloseCode.DISALLOWED_INTENTS.getCode()) {
      return new Startup(false, true, null);
    }
    String why =
        code.map(c -> "the gateway closed the connection with code " + c + " (" + meaning(c) + ")")
            .orElse(
                "the gateway did not get ready within "
                    + config.readyTimeout().toSeconds()
                    + " s (last status "
                    + client.getStatus()
                    + ")");
    return new Startup(false, false, new DiscordStartException("Discord could not start: " + why));
  }

  private static String meaning(int code) {
    CloseCode known = CloseCode.from(code);
    return known == null ? "unknown close code" : known.getMeaning();
  }

  private void registerCommands(JDA client) throws InterruptedException {
    try {
      if (config.guildId().isPresent()) {
        Guild guild = client.getGuildById(config.guildId().get());
        if (guild != null) {
          guild
              .updateCommands()
              .addCommands(SlashCommands.definition())
              .submit()
              .get(config.readyTimeout().toMillis(), TimeUnit.MILLISECONDS);
          log.info("Discord: /pastefix registered on guild {}", guild.getId());
          return;
        }
        log.warn(
            "Discord: the bot is not a member of guild {} (DISCORD_GUILD_ID); registering"
                + " /pastefix globally instead (it can take up to an hour to appear)",
            config.guildId().get());
      }
      client
          .updateCommands()
          .addCommands(SlashCommands.definition())
          .submit()
          .get(config.readyTimeout().toMillis(), TimeUnit.MILLISECONDS);
      log.info("Discord: /pastefix registered globally");
    } catch (ExecutionException | TimeoutException e) {
      log.warn(
          "Discord: could not register /pastefix ({}); was the bot invited with the"
              + " applications.commands scope? Messages and mentions still work.",
          e.getCause() == null ? e.toString() : e.getCause().getMessage());
    }
  }

  @Override
  public void close() {
    sweeper.shutdownNow();
    jda.ifPresent(DiscordBot::shutdown);
    workers.close();
  }

  private static void shutdown(JDA client) {
    client.shutdown();
    try {
      if (!client.awaitShutdown(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS)) {
        client.shutdownNow();
      }
    } catch (InterruptedException e) {
      client.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  /** How one connection attempt ended. */
  private record Startup(boolean ready, boolean refusedIntents, DiscordStartException failure) {}

  /** Signals READY, or the shutdown that ends a refused connection, to {@link #connect}. */
  private static final class StartupWatch extends ListenerAdapter {
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile boolean ready;
    private volatile Optional<Integer> closeCode = Optional.empty();

    @Override
    public void onReady(ReadyEvent event) {
      ready = true;
      done.countDown();
    }

    @Override
    public void onShutdown(ShutdownEvent event) {
      closeCode = Optional.of(event.getCode());
      done.countDown();
    }

    boolean await(long millis) throws InterruptedException {
      return done.await(millis, TimeUnit.MILLISECONDS);
    }

    boolean ready() {
      return ready;
    }

    Optional<Integer> closeCode() {
      return closeCode;
    }
  }

  /** Sends JDA to a configured gateway instead of asking Discord for one. */
  private static final class FixedGateway extends SessionControllerAdapter {
    private final String url;

    FixedGateway(String url) {
      this.url = url;
    }

    @Override
    public String getGateway() {
      return url;
    }

    @Override
    public SessionController.ShardedGateway getShardedGateway(JDA api) {
      return new SessionController.ShardedGateway(url, 1);
    }
  }
}
