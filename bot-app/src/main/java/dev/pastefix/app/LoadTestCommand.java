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

/**
 * {@code pastefix loadtest}: starts the bot in Slack HTTP mode as a child process on loopback
 * against a fake Web API with a set latency, sends signed events at a fixed rate for a fixed time
 * (retrying refused ones as Slack does), optionally holds slow connections open, then stops the bot
 * with SIGTERM and prints acknowledgement latency, replies, duplicates, shed events, errors and the
 * bot's memory (RSS) before and after. Not part of the build: run it by hand.
 */
final class LoadTestCommand implements Command {
  /** Slack waits this long for an acknowledgement, then delivers the event again. */
  static final Duration SLACK_TIMEOUT = Duration.ofSeconds(3);

  private static final Set<String> OPTIONS =
      Set.of(
          "--rate",
          "--seconds",
          "--api-latency-ms",
          "--channels",
          "--slow-connections",
          "--settle-seconds",
          "--heap",
          "--retries",
          "--warmup-seconds");

  @Override
  public String name() {
    return "loadtest";
  }

  @Override
  public String synopsis() {
    return "loadtest [--rate N] [--seconds N] [--api-latency-ms N] [--channels N]"
        + " [--slow-connections N] [--settle-seconds N] [--heap SIZE] [--retries N]"
        + " [--warmup-seconds N]";
  }

  @Override
  public String summary() {
    return "load test of Slack HTTP mode on loopback (a child bot, a fake Web API)";
  }

  @Override
  public int run(List<String> args, Terminal terminal) throws Exception {
    Arguments arguments;
    int rate;
    int seconds;
    int latencyMs;
    int channels;
    int slowConnections;
    int settleSeconds;
    int retries;
    int warmupSeconds;
    try {
      arguments = Arguments.parse(args, Set.of(), OPTIONS);
      rate = number(arguments, "--rate", 50, 1);
      seconds = number(arguments, "--seconds", 60, 1);
      latencyMs = number(arguments, "--api-latency-ms", 200, 0);
      channels = number(arguments, "--channels", 200, 1);
      slowConnections = number(arguments, "--slow-connections", 0, 0);
      settleSeconds = number(arguments, "--settle-seconds", 60, 1);
      retries = number(arguments, "--retries", 3, 0);
      warmupSeconds = number(arguments, "--warmup-seconds", 5, 0);
    } catch (Arguments.UsageException e) {
      terminal.err().println("pastefix loadtest: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    String heap = arguments.option("--heap").orElse("256m");
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
    Path log = Files.createTempFile("pastefix-loadtest-", ".log");
    try (FakeSlackWebApi api = new FakeSlackWebApi(Duration.ofMillis(latencyMs))) {
      Process bot = startBot(terminal.env(), api, secret, slackPort, managementPort, heap, log);
      try {
        HttpClient http =
            HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        if (!awaitReady(http, managementPort, Duration.ofSeconds(90), bot)) {
          terminal.err().println("pastefix loadtest: the bot did not get ready; its log: " + log);
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
            log);
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
      FakeSlackWebApi api,
      String secret,
      int slackPort,
      int managementPort,
      String heap,
      Path log)
      throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command =
        List.of(
            java,
            "-Xmx" + heap,
            "-Dfile.encoding=UTF-8",
            "-cp",
            System.getProperty("java.class.path"),
            Main.class.getName());
    ProcessBuilder builder = new ProcessBuilder(command);
    Map<String, String> childEnv = builder.environment();
    childEnv.clear();
    childEnv.putAll(passThrough(env));
    childEnv.put("SLACK_BOT_TOKEN", "xoxb-loadtest-0000");
    childEnv.put("SLACK_SIGNING_SECRET", secret);
    childEnv.put("SLACK_API_URL", api.apiUrl().toString());
    // Loopback only: the load test never opens a port beyond this machine.
    childEnv.put("PASTEFIX_HTTP_HOST", "127.0.0.1");
    childEnv.put("PASTEFIX_HTTP_PORT", Integer.toString(slackPort));
    childEnv.put("PASTEFIX_MANAGEMENT_HOST", "127.0.0.1");
    childEnv.put("PASTEFIX_MANAGEMENT_PORT", Integer.toString(managementPort));
    builder.redirectErrorStream(true);
    builder.redirectOutput(log.toFile());
    return builder.start();
  }

  /** The PASTEFIX_* tuning of this process, and what a JVM needs, for the child bot. */
  private static Map<String, String> passThrough(Map<String, String> env) {
    Map<String, String> kept = new HashMap<>();
    env.forEach(
        (name, value) -> {
          boolean platform = name.startsWith("SLACK_") || name.startsWith("DISCORD_");
          if (!platform
              && (name.startsWith("PASTEFIX_")
                  || name.equals("PATH")
                  || name.equals("HOME")
                  || name.equals("JAVA_HOME")
                  || name.equals("LANG"))) {
            kept.put(name, value);
          }
        });
    return kept;
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

  private static int number(Arguments arguments, String option, int fallback, int least)
      throws Arguments.UsageException {
    if (arguments.option(option).isEmpty()) {
      return fallback;
    }
    String value = arguments.option(option).get();
    try {
      int n = Integer.parseInt(value);
      if (n < least) {
        throw new Arguments.UsageException(option + " must be at least " + least);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new Arguments.UsageException(option + " needs a number, got '" + value + "'");
    }
  }
}
