package dev.pastefix.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pastefix.core.Channel;
import dev.pastefix.core.IncomingMessage;
import dev.pastefix.core.Outcome;
import dev.pastefix.core.admin.Reloader;
import dev.pastefix.core.admin.SwappableBot;
import dev.pastefix.core.state.BotState;
import dev.pastefix.core.state.ConversationKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sun.misc.Signal;

class KnowledgeReloadTest {
  static final String PASTE = "Set-CsWidget : The widget service refused the change (code 7).";
  static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir Path dir;
  private final Startup startup = new Startup();
  private SwappableBot bot;
  private KnowledgeReload reload;

  /** A valid knowledge file whose one entry, {@code id}, recognises {@link #PASTE}. */
  static String widgetFile(String id) {
    return "article:\n"
        + "  id: local-test\n"
        + "  title: Local test knowledge\n"
        + "  url: https://wiki.example.com/pastefix\n"
        + "entries:\n"
        + "  - id: "
        + id
        + "\n"
        + "    title: The widget service refuses changes\n"
        + "    source: {url: \"https://wiki.example.com/pastefix#"
        + id
        + "\", anchor: "
        + id
        + ", textDate: \"2026-12\"}\n"
        + "    symptoms:\n"
        + "      - {lang: en, text: \"The widget service refused the change\"}\n"
        + "    cause: The widget service is read-only during maintenance.\n"
        + "    steps:\n"
        + "      - text: Wait for the maintenance window to end.\n";
  }

  private void write(String content) throws Exception {
    // Written beside, then moved: a reader never sees half a file.
    Path tmp = dir.resolveSibling(dir.getFileName() + ".tmp");
    Files.writeString(tmp, content, StandardCharsets.UTF_8);
    Files.move(
        tmp,
        dir.resolve("local.yaml"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  @BeforeEach
  void start() throws Exception {
    write(widgetFile("local-widget-a"));
    BotState state = BotState.inMemory(java.time.Clock.systemUTC());
    bot = new SwappableBot(startup.start(Optional.of(dir), Optional.empty(), state).bot());
    // A short rest: these files are written whole (moved into place), so nothing is half read.
    reload =
        new KnowledgeReload(
            startup,
            dev.pastefix.knowledge.KnowledgeSources.shippedPlus(Optional.of(dir)),
            Optional.empty(),
            state,
            bot,
            Optional.empty(),
            Duration.ofMillis(300));
  }

  private Outcome ask() {
    return bot.handle(
        IncomingMessage.of(PASTE, Channel.CHANNEL, "U1", ConversationKey.of("slack", "T1", "C1")));
  }

  @Test
  void keepsTheRunningKnowledgeAndListsEveryProblemWhenTheDirectoryIsInvalid() throws Exception {
    assertEquals(List.of("local-widget-a"), ask().findingIds());
    write(
        widgetFile("local-widget-b")
            .replace("    cause: The widget service is read-only during maintenance.\n", "")
            .replace("textDate: \"2026-12\"", "textDate: \"2026-12\", colour: blue"));

    Reloader.Result result = reload.reload();

    List<String> problems = ((Reloader.Rejected) result).problems();
    assertEquals(2, problems.size(), problems.toString());
    assertTrue(problems.stream().anyMatch(p -> p.contains("field 'cause'")), problems.toString());
    assertTrue(problems.stream().anyMatch(p -> p.contains("colour")), problems.toString());
    assertEquals(List.of("local-widget-a"), ask().findingIds());
  }

  @Test
  void answersEveryMessageWithTheOldOrTheNewKnowledgeDuringReloads() throws Exception {
    AtomicBoolean running = new AtomicBoolean(true);
    Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();
    List<Outcome> wrong = java.util.Collections.synchronizedList(new ArrayList<>());
    ExecutorService askers = Executors.newFixedThreadPool(2);
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < 2; t++) {
      futures.add(
          askers.submit(
              () -> {
                while (running.get()) {
                  Outcome o = ask();
                  if (o instanceof Outcome.Answer && o.findingIds().size() == 1) {
                    seen.computeIfAbsent(o.findingIds().get(0), k -> new AtomicInteger())
                        .incrementAndGet();
                  } else {
                    wrong.add(o);
                  }
                  // Leave the training of the next engine some of this small machine.
                  Thread.yield();
                }
              }));
    }
    try {
      for (int i = 0; i < 3; i++) {
        String id = i % 2 == 0 ? "local-widget-b" : "local-widget-a";
        write(widgetFile(id));
        assertInstanceOf(Reloader.Reloaded.class, reload.reload());
        assertEquals(List.of(id), ask().findingIds(), "the new knowledge answers at once");
        // Every other reload is refused: the knowledge in place keeps answering.
        write("article: [broken");
        assertInstanceOf(Reloader.Rejected.class, reload.reload());
      }
    } finally {
      running.set(false);
      for (Future<?> f : futures) {
        f.get(WAIT.toSeconds(), TimeUnit.SECONDS);
      }
      askers.shutdown();
    }
    assertEquals(List.of(), wrong, "every message is answered by a whole knowledge base");
    assertEquals(java.util.Set.of("local-widget-a", "local-widget-b"), seen.keySet());
    assertTrue(seen.values().stream().mapToInt(AtomicInteger::get).sum() > 6, seen.toString());
  }

  @Test
  void reloadsWhenAFileInTheWatchedDirectoryChanges() throws Exception {
    try (KnowledgeWatcher watcher = KnowledgeWatcher.start(dir, reload)) {
      write(widgetFile("local-widget-b"));
      awaitAnswer("local-widget-b");
    }
  }

  @Test
  void reloadsWhenKubernetesSwapsAMountedConfigMap() throws Exception {
    // The kubelet's layout: the files are links through "..data" to a timestamped directory, and an
    // update swaps "..data" alone, so no *.yaml name appears in the events.
    Files.delete(dir.resolve("local.yaml"));
    Path first = Files.createDirectory(dir.resolve("..2026_12_07_10_00_00.1"));
    Files.writeString(first.resolve("local.yaml"), widgetFile("local-widget-a"));
    Files.createSymbolicLink(dir.resolve("..data"), first.getFileName());
    Files.createSymbolicLink(dir.resolve("local.yaml"), Path.of("..data", "local.yaml"));
    try (KnowledgeWatcher watcher = KnowledgeWatcher.start(dir, reload)) {
      Path second = Files.createDirectory(dir.resolve("..2026_12_07_10_01_00.2"));
      Files.writeString(second.resolve("local.yaml"), widgetFile("local-widget-b"));
      Files.createSymbolicLink(dir.resolve("..data_tmp"), second.getFileName());
      Files.move(
          dir.resolve("..data_tmp"),
          dir.resolve("..data"),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      awaitAnswer("local-widget-b");
    }
  }

  @Test
  void reloadsOnHangUp() throws Exception {
    try (HangUpSignal signal = HangUpSignal.install(reload)) {
      write(widgetFile("local-widget-b"));
      Signal.raise(new Signal("HUP"));
      awaitAnswer("local-widget-b");
    }
  }

  private void awaitAnswer(String id) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      if (ask().findingIds().equals(List.of(id))) {
        return;
      }
      Thread.sleep(50);
    }
    assertEquals(List.of(id), ask().findingIds(), "reloaded within " + WAIT);
  }
}
