package dev.pastefix.app;

import dev.pastefix.core.admin.Reloader;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the administrator's knowledge directory and reloads once its {@code *.yaml} / {@code
 * *.yml} files have stopped changing for {@link #QUIET}, so that an editor's several writes (or a
 * copy of many files) cause one reload.
 */
final class KnowledgeWatcher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(KnowledgeWatcher.class);

  /** How long the directory must be still before a reload. */
  static final Duration QUIET = Duration.ofMillis(500);

  /** The link through which a Kubernetes ConfigMap volume's files point to their current copy. */
  static final String CONFIG_MAP_DATA = "..data";

  private final WatchService watch;
  private final Reloader reloader;
  private final Thread thread;

  private KnowledgeWatcher(WatchService watch, Reloader reloader) {
    this.watch = watch;
    this.reloader = reloader;
    this.thread = new Thread(this::run, "pastefix-knowledge-watch");
    this.thread.setDaemon(true);
  }

  /** Starts watching {@code dir}; the caller closes the watcher. */
  static KnowledgeWatcher start(Path dir, Reloader reloader) throws IOException {
    Objects.requireNonNull(reloader, "reloader");
    WatchService watch = FileSystems.getDefault().newWatchService();
    try {
      dir.register(
          watch,
          StandardWatchEventKinds.ENTRY_CREATE,
          StandardWatchEventKinds.ENTRY_MODIFY,
          StandardWatchEventKinds.ENTRY_DELETE);
    } catch (IOException | RuntimeException e) {
      watch.close();
      throw e;
    }
    KnowledgeWatcher watcher = new KnowledgeWatcher(watch, reloader);
    watcher.thread.start();
    LOG.info("watching {} for knowledge changes", dir);
    return watcher;
  }

  private void run() {
    try {
      while (true) {
        WatchKey key = watch.take();
        boolean relevant = drain(key);
        // Wait for the directory to be still: every further event restarts the wait.
        WatchKey more;
        while ((more = watch.poll(QUIET.toMillis(), TimeUnit.MILLISECONDS)) != null) {
          relevant |= drain(more);
        }
        if (relevant) {
          LOG.info("knowledge directory changed; reloading");
          reloader.reload();
        }
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      // Closed: stop watching.
    } catch (RuntimeException e) {
      LOG.error("the knowledge watcher stopped", e);
    }
  }

  private static boolean drain(WatchKey key) {
    boolean relevant = false;
    for (WatchEvent<?> event : key.pollEvents()) {
      if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
        relevant = true;
        continue;
      }
      String name = event.context().toString().toLowerCase(Locale.ROOT);
      // A ConfigMap mounted by Kubernetes changes by swapping its "..data" link alone.
      relevant |= name.endsWith(".yaml") || name.endsWith(".yml") || name.equals(CONFIG_MAP_DATA);
    }
    key.reset();
    return relevant;
  }

  @Override
  public void close() throws IOException {
    watch.close();
    thread.interrupt();
  }
}
