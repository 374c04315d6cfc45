package dev.pastefix.app;

import dev.pastefix.core.admin.AdminCommands;
import dev.pastefix.core.review.Reviewer;
import dev.pastefix.core.state.BotState;
import dev.pastefix.core.state.FallbackState;
import dev.pastefix.core.telemetry.Telemetry;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot running as a service: the configured platforms, the HTTP server with their handlers and
 * the management endpoints, the metrics, and the graceful stop (readiness 503 at once, no new work,
 * every acknowledged message answered and posted within {@link #GRACE}, then everything closed).
 */
final class RunningBot {
  /** How long a stop waits for acknowledged messages to be answered before it gives up. */
  static final Duration GRACE = Duration.ofSeconds(30);

  private static final Logger log = LoggerFactory.getLogger(RunningBot.class);

  private final List<Platform> platforms;
  private final WebServer web;
  private final Readiness readiness;
  private final PrometheusMeterRegistry registry;
  private final Optional<WebServer.Mount> management;
  private final List<WebServer.Mount> mounts = new ArrayList<>();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final JvmGcMetrics gcMetrics = new JvmGcMetrics();
  private boolean stopping;

  private RunningBot(
      List<Platform> platforms,
      WebServer web,
      Readiness readiness,
      PrometheusMeterRegistry registry,
      Optional<WebServer.Mount> management) {
    this.platforms = platforms;
    this.web = web;
    this.readiness = readiness;
    this.registry = registry;
    this.management = management;
  }

  /**
   * Starts the management endpoints first (so that {@code /readyz} answers 503 while platforms
   * connect), then every configured platform, then mounts their handlers.
   *
   * @throws Platform.StartFailure when a platform cannot start; everything started is closed
   */
  static RunningBot start(Settings settings, Startup.Ready ready, PrintStream err)
      throws Platform.StartFailure {
    java.time.Clock clock = java.time.Clock.systemUTC();
    BotState state = ready.state();
    return start(
        settings,
        ready,
        AdminCommands.closed(new Reviewer(state.answerLog(), state.feedback(), clock), clock),
        dev.pastefix.core.state.SeenEvents.DEFAULT_STALE_AFTER,
        err);
  }

  /**
   * As above, serving {@code admin}'s commands and keeping claims, conversations and votes in the
   * state {@code ready} answers over.
   */
  static RunningBot start(
      Settings settings,
      Startup.Ready ready,
      AdminCommands admin,
      Duration staleClaimAfter,
      PrintStream err)
      throws Platform.StartFailure {
    return start(
        settings, ready, admin, new KnowledgeInUse(ready.knowledge()), staleClaimAfter, err);
  }

  /** As above, the knowledge metric and readiness following {@code inUse} through reloads. */
  static RunningBot start(
      Settings settings,
      Startup.Ready ready,
      AdminCommands admin,
      KnowledgeInUse inUse,
      Duration staleClaimAfter,
      PrintStream err)
      throws Platform.StartFailure {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Telemetry telemetry = new Telemetry(registry);
    return start(
        settings,
        inUse,
        Platforms.configured(
            settings,
            ready.bot(admin, telemetry),
            ready.knowledge(),
            ready.state(),
            staleClaimAfter,
            telemetry),
        registry,
        err);
  }

  /** As above, with the platforms already built (reporting to {@code registry}). */
  static RunningBot start(
      Settings settings,
      Startup.Ready ready,
      List<Platform> platforms,
      PrometheusMeterRegistry registry,
      PrintStream err)
      throws Platform.StartFailure {
    return start(settings, new KnowledgeInUse(ready.knowledge()), platforms, registry, err);
  }

  private static RunningBot start(
      Settings settings,
      KnowledgeInUse inUse,
      List<Platform> platforms,
      PrometheusMeterRegistry registry,
      PrintStream err)
      throws Platform.StartFailure {
    Gauge.builder("pastefix.knowledge.entries", inUse, KnowledgeInUse::entries)
        .description("Knowledge base entries of the knowledge answering now")
        .register(registry);
    BuildInfo build = BuildInfo.current();
    Gauge.builder("pastefix.build.info", () -> 1)
        .description("The running build: its version and commit as tags, the value always 1")
        .tag("version", build.version())
        .tag("commit", build.commit())
        .register(registry);
    Readiness readiness = new Readiness();
    readiness.add("knowledge", () -> inUse.entries() > 0);
    // The database joins these checks through watch(), where storage is configured.
    platforms.forEach(p -> readiness.add(p.name(), p::ready));
    Gauge.builder("pastefix.ready", readiness, r -> r.notReady().isEmpty() ? 1 : 0)
        .description("1 when /readyz answers 200, else 0")
        .register(registry);
    Settings.Service service = settings.service();
    WebServer web = new WebServer(service.limits());
    Optional<WebServer.Mount> management =
        service.managementEnabled()
            ? Optional.of(
                new WebServer.Mount(
                    "management",
                    service.managementHost(),
                    service.managementPort(),
                    new HostGate(
                        service.managementHost(), new ManagementHandler(readiness, registry))))
            : Optional.empty();
    RunningBot bot = new RunningBot(platforms, web, readiness, registry, management);
    bot.bindJvmMetrics();
    try {
      if (management.isPresent()) {
        web.mount(management.get());
        bot.mounts.add(management.get());
      }
      web.start();
    } catch (Exception e) {
      bot.closeAll();
      throw new Platform.StartFailure(
          "cannot listen on "
              + service.managementHost()
              + ":"
              + service.managementPort()
              + " for the management endpoints (PASTEFIX_MANAGEMENT_PORT): "
              + e.getMessage(),
          e);
    }
    Announcer announcer = new Announcer(service.logFormat(), err);
    management.ifPresent(
        m ->
            announcer.info(
                "pastefix: management endpoints on http://"
                    + m.host()
                    + ":"
                    + web.localPort(m)
                    + " (/healthz, /readyz, /metrics)"));
    for (Platform platform : platforms) {
      try {
        platform.start();
        for (WebServer.Mount mount : platform.mounts().get()) {
          web.mount(mount);
          bot.mounts.add(mount);
        }
      } catch (Platform.StartFailure e) {
        bot.closeAll();
        throw e;
      } catch (Exception e) {
        bot.closeAll();
        throw new Platform.StartFailure(
            platform.name() + ": cannot listen for it: " + e.getMessage(), e);
      }
      announcer.info("pastefix: " + platform.description().get() + "; stop with Ctrl-C.");
    }
    return bot;
  }

  private void bindJvmMetrics() {
    new ClassLoaderMetrics().bindTo(registry);
    new JvmMemoryMetrics().bindTo(registry);
    gcMetrics.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    new FileDescriptorMetrics().bindTo(registry);
  }

  /** What {@code /readyz} says of the database while it is down: the bot answers from memory. */
  static final String DEGRADED = "degraded: state in memory";

  /**
   * Reports the state store's health: {@code /readyz} names the database ({@code up}, or {@value
   * #DEGRADED}, still ready), and the metrics count the time degraded and the writes waiting to go
   * back to it.
   */
  void watch(FallbackState store) {
    readiness.addState("database", () -> store.degraded() ? DEGRADED : "up");
    Gauge.builder("pastefix.state.degraded", store, s -> s.degraded() ? 1 : 0)
        .description("1 while the state is kept in this instance's memory (the database is down)")
        .register(registry);
    FunctionCounter.builder(
            "pastefix.state.degraded.seconds", store, s -> s.timeDegraded().toMillis() / 1000.0)
        .description("Time spent with the state in memory because the database was down")
        .baseUnit("seconds")
        .register(registry);
    Gauge.builder("pastefix.state.write.back.waiting", store, FallbackState::waiting)
        .description("Writes made in memory during an outage, waiting to go to the database")
        .register(registry);
    FunctionCounter.builder("pastefix.state.written.back", store, FallbackState::writtenBack)
        .description("Writes made in memory during an outage and written to the database since")
        .register(registry);
    FunctionCounter.builder("pastefix.state.write.back.dropped", store, FallbackState::dropped)
        .description("Writes made in memory during an outage and dropped: too many waited")
        .register(registry);
  }

  /** The port a platform's or the management handler listens on, by mount name. */
  Optional<Integer> port(String mountName) {
    return mounts.stream().filter(m -> m.name().equals(mountName)).findFirst().map(web::localPort);
  }

  Readiness readiness() {
    return readiness;
  }

  PrometheusMeterRegistry registry() {
    return registry;
  }

  /** Blocks until {@link #stop()} has finished. */
  void awaitStopped() throws InterruptedException {
    stopped.await();
  }

  /**
   * Stops gracefully: readiness 503 at once, no new work, then waits (at most {@link #GRACE} in
   * all) for every acknowledged message to be answered and posted, logs how many were left, and
   * closes platforms and the HTTP server. Returns how many messages were left unanswered.
   */
  int stop() {
    return stop(GRACE);
  }

  /** As {@link #stop()}, waiting at most {@code grace} in all. */
  int stop(Duration grace) {
    synchronized (this) {
      if (stopping) {
        return 0;
      }
      stopping = true;
    }
    readiness.stopping();
    log.info("stopping: readiness is 503; taking no new messages");
    platforms.forEach(Platform::stopAccepting);
    long deadline = System.nanoTime() + grace.toNanos();
    int left = 0;
    for (Platform platform : platforms) {
      try {
        Duration budget = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
        int platformLeft = platform.drain(budget);
        if (platformLeft > 0) {
          log.warn(
              "{}: {} acknowledged messages still unanswered after {} s; giving up on them",
              platform.name(),
              platformLeft,
              grace.toSeconds());
        }
        left += platformLeft;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    if (left == 0) {
      log.info("stopping: every acknowledged message was answered");
    }
    closeAll();
    stopped.countDown();
    return left;
  }

  private void closeAll() {
    for (Platform platform : platforms) {
      try {
        platform.close();
      } catch (RuntimeException e) {
        // One platform failing to close must not keep the others open.
        log.warn("{}: closing failed: {}", platform.name(), e.toString());
      }
    }
    web.close();
    gcMetrics.close();
    registry.close();
  }
}
