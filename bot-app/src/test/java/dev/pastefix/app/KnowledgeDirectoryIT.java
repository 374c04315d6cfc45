package dev.pastefix.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pastefix.core.admin.Admins;
import dev.pastefix.core.admin.Reloader;
import dev.pastefix.core.state.BotState;
import dev.pastefix.core.state.SeenEvents;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A knowledge directory as operators deploy it, watched by the running bot and seen through its
 * real management endpoint: links out of the directory refused, files still being written never
 * served, Kubernetes ConfigMap swaps noticed, a re-created directory watched again, and {@code
 * pastefix_knowledge_entries} following the knowledge in use.
 */
class KnowledgeDirectoryIT {
  static final Duration WAIT = Duration.ofSeconds(40);

  @TempDir Path temp;
  private final Startup startup = new Startup();
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private AdminDesk admin;
  private RunningBot bot;
  private int port;
  private int shipped;

  /** A knowledge file of {@code count} entries, ids {@code prefix-0 ...}. */
  static String entries(String prefix, int count) {
    StringBuilder out =
        new StringBuilder(
            "article:\n"
                + "  id: "
                + prefix
                + "-article\n"
                + "  title: Local test knowledge\n"
                + "  url: https://wiki.example.com/pastefix\n"
                + "entries:\n");
    for (int i = 0; i < count; i++) {
      out.append(entry(prefix + "-" + i));
    }
    return out.toString();
  }

  static String entry(String id) {
    return "  - id: "
        + id
        + "\n"
        + "    title: The widget service refuses change "
        + id
        + "\n"
        + "    source: {url: \"https://wiki.example.com/pastefix#"
        + id
        + "\", anchor: "
        + id
        + ", textDate: \"2026-12\"}\n"
        + "    symptoms:\n"
        + "      - {lang: en, text: \"The widget service refused change "
        + id
        + "\"}\n"
        + "    cause: The widget service is read-only during maintenance.\n"
        + "    steps:\n"
        + "      - text: Wait for the maintenance window to end.\n";
  }

  private void start(Path dir) throws Exception {
    shipped = new dev.pastefix.knowledge.KnowledgeLoader().loadShipped().entries().size();
    BotState state = BotState.inMemory(Clock.systemUTC());
    Startup.Ready ready = startup.start(Optional.of(dir), Optional.empty(), state);
    admin =
        AdminDesk.open(
            startup,
            ready,
            dev.pastefix.knowledge.KnowledgeSources.shippedPlus(Optional.of(dir)),
            Optional.empty(),
            state,
            Admins.none(),
            Clock.systemUTC(),
            true);
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    bot =
        RunningBot.start(
            Settings.from(Map.of("PASTEFIX_MANAGEMENT_PORT", Integer.toString(port))),
            ready,
            admin.commands(),
            admin.knowledgeInUse(),
            SeenEvents.DEFAULT_STALE_AFTER,
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void stop() {
    if (bot != null) {
      bot.stop();
    }
    if (admin != null) {
      admin.close();
    }
  }

  private int metric() throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
            HttpResponse.BodyHandlers.ofString());
    for (String line : r.body().split("\n")) {
      if (line.startsWith("pastefix_knowledge_entries ")) {
        return (int) Double.parseDouble(line.substring(line.indexOf(' ') + 1));
      }
    }
    throw new AssertionError("no entries metric in " + r.body());
  }

  private void awaitMetric(int expected) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      if (metric() == expected) {
        return;
      }
      Thread.sleep(100);
    }
    assertEquals(expected, metric(), "pastefix_knowledge_entries within " + WAIT);
  }

  @Test
  void refusesALinkOutOfTheDirectoryByNameAndNeverShowsItsContents() throws Exception {
    Path dir = Files.createDirectory(temp.resolve("knowledge"));
    Files.writeString(dir.resolve("local.yaml"), entries("local", 2));
    start(dir);
    assertEquals(shipped + 2, metric());
    Path outside =
        Files.writeString(
            temp.resolve("shadow"), "root:$6$saltsalt$HashedValueXyz:19000:0:99999:7:::\n");
    Files.createSymbolicLink(dir.resolve("shadow.yaml"), outside);
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    Logs.configure(Settings.LogFormat.TEXT, "DEBUG", log);

    Reloader.Result result;
    try {
      result = admin.reload().reload();
    } finally {
      Logs.configure(Settings.LogFormat.TEXT, "INFO", System.err);
    }

    Reloader.Rejected rejected = assertInstanceOf(Reloader.Rejected.class, result);
    String all = rejected.problems().toString();
    assertTrue(all.contains("shadow.yaml"), all);
    assertTrue(all.contains("outside the knowledge directory"), all);
    assertFalse(all.contains("root") || all.contains("HashedValue"), all);
    String logged = log.toString(StandardCharsets.UTF_8);
    assertTrue(
        logged.contains("shadow.yaml: is a symbolic link"), "the refusal is logged: " + logged);
    assertFalse(logged.contains("HashedValue") || logged.contains("saltsalt"), logged);
    assertEquals(shipped + 2, metric(), "the running knowledge stays");
  }

  @Test
  void neverServesAFileHalfWrittenAtAnEntryBoundary() throws Exception {
    Path dir = Files.createDirectory(temp.resolve("knowledge"));
    Files.writeString(dir.resolve("local.yaml"), entries("local", 1));
    start(dir);
    assertEquals(shipped + 1, metric());
    Set<Integer> served = new ConcurrentSkipListSet<>();
    AtomicBoolean sampling = new AtomicBoolean(true);
    Thread sampler =
        new Thread(
            () -> {
              while (sampling.get()) {
                try {
                  served.add(metric());
                  Thread.sleep(50);
                } catch (Exception e) {
                  return;
                }
              }
            });
    sampler.start();
    String whole = entries("more", 10);
    int boundary = whole.indexOf("  - id: more-5");
    try (FileChannel out =
        FileChannel.open(
            dir.resolve("more.yaml"), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      out.write(ByteBuffer.wrap(whole.substring(0, boundary).getBytes(StandardCharsets.UTF_8)));
      out.force(true);
      // Longer than the watcher's quiet time: the old watcher loaded the five entries here.
      Thread.sleep(KnowledgeWatcher.QUIET.toMillis() + 600);
      out.write(ByteBuffer.wrap(whole.substring(boundary).getBytes(StandardCharsets.UTF_8)));
    }
    awaitMetric(shipped + 11);
    Thread.sleep(1000);
    sampling.set(false);
    sampler.join();
    assertEquals(Set.of(shipped + 1, shipped + 11), served, "never the half-written file");
  }

  @Test
  void noticesAConfigMapSwapOfItsDataLink() throws Exception {
    Path dir = Files.createDirectory(temp.resolve("configmap"));
    Path first = Files.createDirectory(dir.resolve("..2026_12_07_10_00_00.000000001"));
    Files.writeString(first.resolve("local.yaml"), entries("local", 2));
    Files.createSymbolicLink(dir.resolve("..data"), first.getFileName());
    Files.createSymbolicLink(dir.resolve("local.yaml"), Path.of("..data/local.yaml"));
    start(dir);
    assertEquals(shipped + 2, metric());

    // What kubelet does on an update: a new folder, a new link beside, renamed over ..data.
    Path second = Files.createDirectory(dir.resolve("..2026_12_07_10_05_00.000000002"));
    Files.writeString(second.resolve("local.yaml"), entries("local", 6));
    Files.createSymbolicLink(dir.resolve("..data_tmp"), second.getFileName());
    Files.move(dir.resolve("..data_tmp"), dir.resolve("..data"), StandardCopyOption.ATOMIC_MOVE);
    deleteTree(first);

    awaitMetric(shipped + 6);
  }

  @Test
  void keepsWatchingADirectoryDeletedAndCreatedAgain() throws Exception {
    Path dir = Files.createDirectory(temp.resolve("knowledge"));
    Files.writeString(dir.resolve("local.yaml"), entries("local", 2));
    start(dir);
    assertEquals(shipped + 2, metric());

    deleteTree(dir);
    Thread.sleep(KnowledgeWatcher.LOOK_EVERY.toMillis() + 500);
    assertEquals(shipped + 2, metric(), "the running knowledge stays while the directory is gone");
    Path tmp = Files.createDirectory(temp.resolve("knowledge.new"));
    Files.writeString(tmp.resolve("local.yaml"), entries("local", 3));
    Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);

    awaitMetric(shipped + 3);
    // And it is watched again: a later change is noticed too.
    Files.writeString(dir.resolve("extra.yaml"), entries("extra", 1));
    awaitMetric(shipped + 4);
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> tree = Files.walk(root)) {
      for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
