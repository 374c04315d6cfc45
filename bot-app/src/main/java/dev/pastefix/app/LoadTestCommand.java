package dev.pastefix.app;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code pastefix loadtest}: starts the bot in Slack HTTP mode as a child process on loopback
 * against a fake Web API with a set latency, sends signed events at a fixed rate for a fixed time
 * (retrying refused ones as Slack does), optionally holds slow connections open, then stops the bot
 * with SIGTERM and prints acknowledgement latency, replies, duplicates, shed events, errors and the
 * bot's memory (RSS) before and after. The child bot never touches real state: it runs with its
 * state in memory and temporary home and data directories, whatever the environment says. Not part
 * of the build: run it by hand.
 */
@CommandLine.Command(
    name = "loadtest",
    sortOptions = false,
    description = {
      "Load test of Slack HTTP mode, on loopback only.",
      "",
      "Load test of Slack HTTP mode, on loopback only: a child bot against a fake Slack Web API"
          + " with a set latency, signed events at a fixed rate (refused ones retried as Slack"
          + " does), optionally slow connections held open; then SIGTERM, and the figures:"
          + " acknowledgement latency, replies and duplicates, events shed, the bot's RSS before"
          + " and after, and its exit code.",
      "",
      "The child bot runs with its state in memory (PASTEFIX_DATA_DIR=:memory:) and its own"
          + " temporary HOME, XDG_DATA_HOME and java.io.tmpdir; PASTEFIX_DATABASE_* and chat"
          + " tokens are never passed on. Its log is deleted at the end unless --keep-log."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every acknowledged event was answered once",
      "1:replies missing or duplicated",
      "2:wrong usage",
      "3:the bot did not get ready"
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  pastefix loadtest --rate 50 --seconds 60",
      "  pastefix loadtest --rate 100 --seconds 30 --api-latency-ms 500 --slow-connections 200"
    })
final class LoadTestCommand implements Command {
  /** Slack waits this long for an acknowledgement, then delivers the event again. */
  static final Duration SLACK_TIMEOUT = Duration.ofSeconds(3);

  @Option(names = "--rate", paramLabel = "N", description = "events per second (default 50)")
  private int rate = 50;

  @Option(
      names = "--seconds",
      paramLabel = "N",
      description = "how long the measured load lasts (default 60)")
  private int seconds = 60;

  @Option(
      names = "--api-latency-ms",
      paramLabel = "N",
      description = "how long the fake Web API takes to answer (default 200)")
  private int latencyMs = 200;

  @Option(
      names = "--channels",
      paramLabel = "N",
      description = "channels the events are spread over (default 200)")
  private int channels = 200;

  @Option(
      names = "--slow-connections",
      paramLabel = "N",
      description = "connections that send half a request and stay silent (default 0)")
  private int slowConnections = 0;

  @Option(
      names = "--warmup-seconds",
      paramLabel = "N",
      description = "load before the measured load, not in the figures (default 5)")
  private int warmupSeconds = 5;

  @Option(
      names = "--settle-seconds",
      paramLabel = "N",
      description = "how long to wait for the last replies (default 60)")
  private int settleSeconds = 60;

  @Option(
      names = "--heap",
      paramLabel = "SIZE",
      description = "the child bot's -Xmx (default 256m)")
  private String heap = "256m";

  @Option(
      names = "--retries",
      paramLabel = "N",
      description = "deliveries of an unacknowledged event, as Slack retries (default 3)")
  private int retries = 3;

  @Option(
      names = "--keep-log",
      description = "keep the child bot's log (its path is printed) instead of deleting it")
  private boolean keepLog;

  private final Path scratchParent;

  /** Its temporary directories go under {@code scratchParent}. */
  LoadTestCommand(Path scratchParent) {
    this.scratchParent = scratchParent;
  }

  /** Its temporary directories go under {@code java.io.tmpdir}. */
  LoadTestCommand() {
    this(Path.of(System.getProperty("java.io.tmpdir")));
  }

  @Override
  public int execute(Terminal terminal) throws Exception {
    atLeast("--rate", rate, 1);
    atLeast("--seconds", seconds, 1);
    atLeast("--api-latency-ms", latencyMs, 0);
    atLeast("--channels", channels, 1);
    atLeast("--slow-connections", slowConnections, 0);
    atLeast("--settle-seconds", settleSeconds, 1);
    atLeast("--retries", retries, 0);
    atLeast("--warmup-seconds", warmupSeconds, 0);
    if (!heap.matches("[0-9]{1,6}[kKmMgG]?")) {
      throw new UsageError("--heap takes a size such as 256m or 1g, got '" + heap + "'");
    }
    Path scratch = Files.createTempDirectory(scratchParent, "pastefix-loadtest-");
    try {
      return run(terminal, scratch);
    } finally {
      if (keepLog) {
        deleteTree(scratch, Set.of(scratch.resolve(LOG_NAME)));
      } else {
        deleteTree(scratch, Set.of());
      }
    }
  }

  /** The child bot's log, in the scratch directory. */
  static final String LOG_NAME = "bot.log";

  private int run(Terminal terminal, Path scratch) throws Exception {
    PrintStream out = terminal.out();
    // The fake Web API's server logs nothing worth reading between the figures.
    Logs.configure(Settings.LogFormat.TEXT, "WARN", System.err);
    out.printf(
        Locale.ROOT,
        "pastefix load test: %d events/s for %d s, Web API latency %d ms, %d channels,"
            + " %d slow connections, bot heap %s%n",
        rate,
        seconds,
        latencyMs,
        channels,
        slowConnections,
        heap);

    String secret = UUID.randomUUID().toString();
    int slackPort = freePort();
    int managementPort = freePort();
    Path log = scratch.resolve(LOG_NAME);
    try (FakeSlackWebApi api = new FakeSlackWebApi(Duration.ofMillis(latencyMs))) {
      Process bot =
          startBot(terminal.env(), scratch, api, secret, slackPort, managementPort, heap, log);
      try {
        HttpClient http =
            HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        if (!awaitReady(http, managementPort, Duration.ofSeconds(90), bot)) {
          terminal
              .err()
              .println("pastefix loadtest: the bot did not get ready; the end of its log:");
          printTail(log, terminal.err());
          return ExitCodes.CONFIG;
        }
        long rssBefore = rssKb(bot.pid());
        SignedSlackEvents events = new SignedSlackEvents(slackPort, secret, SLACK_TIMEOUT);
        int warmed = 0;
        int slowProbes = 0;
        if (warmupSeconds > 0) {
          // A JIT-cold bot is not what Slack talks to for long: warm it, then measure.
          Load warmup = new Load(events, rate, warmupSeconds, channels, retries, "W");
          warmup.run();
          warmed = warmup.acknowledgedEvents();
          api.awaitReplies(warmed, Duration.ofSeconds(60));
          out.printf(
              Locale.ROOT,
              "warm-up: %d events over %d s (not in the figures below); bot RSS after it %d MB%n",
              warmup.sent(),
              warmupSeconds,
              rssKb(bot.pid()) / 1024);
        }
        long rssWarm = rssKb(bot.pid());
        List<Socket> slow = new ArrayList<>();
        if (slowConnections > 0) {
          slow = openSlow(slowConnections, slackPort, managementPort);
          List<Long> healthMs = new ArrayList<>();
          List<Long> signedMs = new ArrayList<>();
          int failures = 0;
          for (int i = 0; i < 5; i++) {
            long t0 = System.nanoTime();
            failures += get(http, managementPort, "/healthz").statusCode() == 200 ? 0 : 1;
            healthMs.add(millisSince(t0));
            long t1 = System.nanoTime();
            failures += get(http, slackPort, "/healthz").statusCode() == 200 ? 0 : 1;
            healthMs.add(millisSince(t1));
            long t2 = System.nanoTime();
            int status =
                events
                    .send(
                        SignedSlackEvents.channelMessage(
                            "EvSlow" + i,
                            "C0SLOW",
                            "1690000000.00000" + i,
                            SignedSlackEvents.PASTE),
                        0)
                    .get(30, TimeUnit.SECONDS)
                    .statusCode();
            failures += status == 200 ? 0 : 1;
            signedMs.add(millisSince(t2));
          }
          slowProbes = 5;
          out.printf(
              Locale.ROOT,
              "with %d slow connections open: /healthz (management and Slack port) max %d ms,"
                  + " signed events max %d ms (%s), %d failed%n",
              slow.size(),
              Collections.max(healthMs),
              Collections.max(signedMs),
              signedMs,
              failures);
        }
        Load load = new Load(events, rate, seconds, channels, retries, "L");
        load.run();
        long lastEvent = System.nanoTime();
        int expected = warmed + load.acknowledgedEvents() + slowProbes;
        boolean all = api.awaitReplies(expected, Duration.ofSeconds(settleSeconds));
        long lastReply = api.lastPostNanos();
        long rssAfter = rssKb(bot.pid());
        double shed = shed(http, managementPort);
        for (Socket socket : slow) {
          socket.close();
        }
        long stopStarted = System.nanoTime();
        bot.destroy();
        boolean exited = bot.waitFor(45, TimeUnit.SECONDS);
        long stopMs = millisSince(stopStarted);

        List<Long> acks = load.ackMillis();
        out.printf(
            Locale.ROOT,
            "sent %d events: %d acknowledged (200), %d refused before acknowledgement, %d"
                + " acknowledged on a retry (%d retries sent), %d never acknowledged, %d errors"
                + " (timeouts after Slack's 3 s included)%n",
            load.sent(),
            load.acknowledgedEvents(),
            load.refusedEvents(),
            load.acknowledgedOnRetry(),
            load.retriesSent(),
            load.sent() - load.acknowledgedEvents(),
            load.errors());
        out.printf(
            Locale.ROOT,
            "ack latency: p50 %d ms, p99 %d ms, max %d ms over %d answers%n",
            percentile(acks, 50),
            percentile(acks, 99),
            acks.isEmpty() ? 0 : Collections.max(acks),
            acks.size());
        out.printf(
            Locale.ROOT,
            "replies posted: %d threads answered of %d acknowledged events (warm-up included)%s,"
                + " %d duplicates,"
                + " %d chat.postMessage calls; last reply %.1f s after the last event%n",
            api.repliedThreads(),
            expected,
            all ? "" : " (MISSING " + (expected - api.repliedThreads()) + ")",
            api.duplicates(),
            api.posts(),
            lastReply == 0 ? 0.0 : Math.max(0, lastReply - lastEvent) / 1e9);
        out.printf(
            Locale.ROOT,
            "shed (pastefix_events_shed_total): %.0f; auth.test calls: %d%n",
            shed,
            api.authTests());
        out.printf(
            Locale.ROOT,
            "bot RSS: %d MB when ready, %d MB before the measured load, %d MB after (growth %d MB"
                + " since ready, %d MB during the measured load)%n",
            rssBefore / 1024,
            rssWarm / 1024,
            rssAfter / 1024,
            (rssAfter - rssBefore) / 1024,
            (rssAfter - rssWarm) / 1024);
        out.printf(
            Locale.ROOT,
            "stop: SIGTERM -> %s in %d ms; bot log: %s%n",
            exited ? "exit code " + bot.exitValue() : "still running",
            stopMs,
            keepLog ? log : "deleted (--keep-log keeps it)");
        return all && api.duplicates() == 0 ? ExitCodes.OK : ExitCodes.NEGATIVE;
      } finally {
        if (bot.isAlive()) {
          bot.destroyForcibly();
        }
      }
    }
  }

  /** Sends events at a fixed rate and retries refused ones the way Slack does. */
  private static final class Load {
    private final SignedSlackEvents events;
    private final int rate;
    private final int seconds;
    private final int channels;
    private final int retries;
    private final List<Long> ackMillis = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger acknowledged = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger acknowledgedOnRetry = new AtomicInteger();
    private final AtomicInteger retriesSent = new AtomicInteger();
    private final AtomicInteger errors = new AtomicInteger();
    private final List<CompletableFuture<?>> pending =
        Collections.synchronizedList(new ArrayList<>());
    private final ScheduledExecutorService clock = Executors.newScheduledThreadPool(2);
    private final String prefix;

    Load(
        SignedSlackEvents events, int rate, int seconds, int channels, int retries, String prefix) {
      this.prefix = prefix;
      this.events = events;
      this.rate = rate;
      this.seconds = seconds;
      this.channels = channels;
      this.retries = retries;
    }

    void run() throws InterruptedException {
      int total = rate * seconds;
      long period = 1_000_000_000L / rate;
      AtomicInteger next = new AtomicInteger();
      java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
      clock.scheduleAtFixedRate(
          () -> {
            int i = next.getAndIncrement();
            if (i >= total) {
              done.countDown();
              return;
            }
            long base = prefix.equals("W") ? 1_600_000_000L : 1_700_000_000L;
            String ts = String.format(Locale.ROOT, "%d.%06d", base, i);
            String body =
                SignedSlackEvents.channelMessage(
                    "Ev" + prefix + i, "C" + (i % channels), ts, SignedSlackEvents.PASTE);
            sent.incrementAndGet();
            send(body, 0);
          },
          0,
          period,
          TimeUnit.NANOSECONDS);
      done.await();
      // Wait for the answers and any retries in flight (bounded by the retries' schedule).
      long deadline = System.nanoTime() + Duration.ofSeconds(30L + retries * 2L).toNanos();
      while (System.nanoTime() < deadline) {
        List<CompletableFuture<?>> now;
        synchronized (pending) {
          now = new ArrayList<>(pending);
        }
        if (now.stream().allMatch(CompletableFuture::isDone)) {
          break;
        }
        Thread.sleep(100);
      }
      clock.shutdownNow();
    }

    private void send(String body, int retry) {
      long started = System.nanoTime();
      CompletableFuture<?> f =
          events
              .send(body, retry)
              .whenComplete(
                  (response, failure) -> {
                    if (failure != null) {
                      // Slack gives up after 3 s and delivers the event again.
                      errors.incrementAndGet();
                      if (retry < retries) {
                        retriesSent.incrementAndGet();
                        clock.schedule(() -> send(body, retry + 1), 1, TimeUnit.SECONDS);
                      }
                      return;
                    }
                    ackMillis.add(millisSince(started));
                    if (response.statusCode() == 200) {
                      acknowledged.incrementAndGet();
                      if (retry > 0) {
                        acknowledgedOnRetry.incrementAndGet();
                      }
                    } else if (response.statusCode() == 503) {
                      if (retry == 0) {
                        refused.incrementAndGet();
                      }
                      if (retry < retries) {
                        retriesSent.incrementAndGet();
                        clock.schedule(() -> send(body, retry + 1), 1, TimeUnit.SECONDS);
                      }
                    } else {
                      errors.incrementAndGet();
                    }
                  });
      pending.add(f);
    }

    int sent() {
      return sent.get();
    }

    int acknowledgedEvents() {
      return acknowledged.get();
    }

    int refusedEvents() {
      return refused.get();
    }

    int acknowledgedOnRetry() {
      return acknowledgedOnRetry.get();
    }

    int retriesSent() {
      return retriesSent.get();
    }

    int errors() {
      return errors.get();
    }

    List<Long> ackMillis() {
      synchronized (ackMillis) {
        return new ArrayList<>(ackMillis);
      }
    }
  }

  private static Process startBot(
      Map<String, String> env,
      Path scratch,
      FakeSlackWebApi api,
      String secret,
      int slackPort,
      int managementPort,
      String heap,
      Path log)
      throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    Path tmp = Files.createDirectories(scratch.resolve("tmp"));
    List<String> command =
        List.of(
            java,
            "-Xmx" + heap,
            "-Dfile.encoding=UTF-8",
            "-Djava.io.tmpdir=" + tmp,
            "-cp",
            System.getProperty("java.class.path"),
            Main.class.getName(),
            Launcher.EPHEMERAL_FLAG);
    ProcessBuilder builder = new ProcessBuilder(command);
    Map<String, String> childEnv = builder.environment();
    childEnv.clear();
    childEnv.putAll(childEnvironment(env, scratch));
    childEnv.put("SLACK_BOT_TOKEN", "xoxb-loadtest-0000");
    childEnv.put("SLACK_SIGNING_SECRET", secret);
    childEnv.put("SLACK_API_URL", api.apiUrl().toString());
    // Loopback only: the load test never opens a port beyond this machine.
    childEnv.put("PASTEFIX_HTTP_HOST", "127.0.0.1");
    childEnv.put("PASTEFIX_HTTP_PORT", Integer.toString(slackPort));
    childEnv.put("PASTEFIX_MANAGEMENT_HOST", "127.0.0.1");
    childEnv.put("PASTEFIX_MANAGEMENT_PORT", Integer.toString(managementPort));
    builder.directory(scratch.toFile());
    builder.redirectErrorStream(true);
    builder.redirectOutput(log.toFile());
    return builder.start();
  }

  /** Variables that name or open state; the child bot never gets them. */
  static final List<String> STATE_VARIABLES = List.of("PASTEFIX_DATA_DIR", "PASTEFIX_DATABASE_");

  /**
   * The environment of the child bot: this process's PASTEFIX_* tuning (log format, pools,
   * knowledge) without anything that names state or a chat platform, what a JVM needs, and
   * directories of its own under {@code scratch}: state in memory, HOME and XDG_DATA_HOME there.
   */
  static Map<String, String> childEnvironment(Map<String, String> env, Path scratch)
      throws IOException {
    Map<String, String> kept = new HashMap<>();
    env.forEach(
        (name, value) -> {
          boolean state = STATE_VARIABLES.stream().anyMatch(name::startsWith);
          boolean platform =
              name.startsWith("SLACK_") || name.startsWith("DISCORD_") || name.startsWith("TEAMS_");
          if (!state
              && !platform
              && (name.startsWith("PASTEFIX_")
                  || name.equals("PATH")
                  || name.equals("JAVA_HOME")
                  || name.equals("LANG"))) {
            kept.put(name, value);
          }
        });
    kept.put("HOME", Files.createDirectories(scratch.resolve("home")).toString());
    kept.put("XDG_DATA_HOME", Files.createDirectories(scratch.resolve("data")).toString());
    kept.put("XDG_CONFIG_HOME", Files.createDirectories(scratch.resolve("config")).toString());
    kept.put("XDG_CACHE_HOME", Files.createDirectories(scratch.resolve("cache")).toString());
    kept.put("PASTEFIX_DATA_DIR", Settings.IN_MEMORY);
    return kept;
  }

  private static void printTail(Path log, PrintStream err) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      lines.subList(Math.max(0, lines.size() - 30), lines.size()).forEach(err::println);
    } catch (IOException e) {
      err.println("(cannot read it: " + e.getMessage() + ")");
    }
  }

  /**
   * Deletes {@code root} and what is under it, except {@code keep} (and the folders holding it).
   */
  private static void deleteTree(Path root, Set<Path> keep) throws IOException {
    List<Path> paths;
    try (java.util.stream.Stream<Path> walk = Files.walk(root)) {
      paths = walk.sorted(Comparator.reverseOrder()).toList();
    }
    for (Path path : paths) {
      boolean holdsKept = keep.stream().anyMatch(k -> k.startsWith(path));
      if (!holdsKept) {
        Files.deleteIfExists(path);
      }
    }
  }

  private static boolean awaitReady(HttpClient http, int port, Duration wait, Process bot)
      throws InterruptedException {
    long deadline = System.nanoTime() + wait.toNanos();
    while (System.nanoTime() < deadline && bot.isAlive()) {
      try {
        if (get(http, port, "/readyz").statusCode() == 200) {
          return true;
        }
      } catch (IOException e) {
        // Not listening yet.
      }
      Thread.sleep(200);
    }
    return false;
  }

  private static HttpResponse<String> get(HttpClient http, int port, String path)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(30))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static List<Socket> openSlow(int count, int slackPort, int managementPort)
      throws IOException {
    List<Socket> sockets = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Socket socket = new Socket("127.0.0.1", i % 2 == 0 ? slackPort : managementPort);
      OutputStream out = socket.getOutputStream();
      // Half a request, then silence: headers that never finish.
      out.write(
          "POST /slack/events HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Sl"
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      sockets.add(socket);
    }
    return sockets;
  }

  private static double shed(HttpClient http, int port) {
    try {
      double total = 0;
      for (String line : get(http, port, "/metrics").body().split("\n")) {
        if (line.startsWith("pastefix_events_shed_total")) {
          total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        }
      }
      return total;
    } catch (IOException | InterruptedException | NumberFormatException e) {
      return Double.NaN;
    }
  }

  /** The resident set size of {@code pid} in kB, from /proc (Linux). */
  private static long rssKb(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }

  private static long percentile(List<Long> values, int p) {
    if (values.isEmpty()) {
      return 0;
    }
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
  }

  private static long millisSince(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void atLeast(String option, int value, int least) {
    if (value < least) {
      throw new UsageError(option + " must be at least " + least + ", got " + value);
    }
  }
}
