package dev.pastefix.app;

import dev.pastefix.core.admin.Reloader;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the administrator's knowledge directory and reloads once its files have stopped changing
 * for {@link #QUIET} and differ from what was last seen ({@link KnowledgeSnapshot}): an editor's
 * several writes, a copy of many files, or a Kubernetes ConfigMap update (whose {@code ..data} link
 * is swapped, no {@code *.yaml} name touched) each cause one reload. The directory may be deleted
 * and created again: the watcher waits for it and carries on. It also looks every {@link
 * #LOOK_EVERY}, for file systems that send no events.
 */
final class KnowledgeWatcher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(KnowledgeWatcher.class);

  /** How long the directory must be still before a reload. */
  static final Duration QUIET = Duration.ofMillis(500);

  /** How often the directory is compared without an event (and looked for while it is gone). */
  static final Duration LOOK_EVERY = Duration.ofSeconds(2);

  private final Path dir;
  private final WatchService watch;
  private final Reloader reloader;
  private final Thread thread;
  private volatile boolean closed;
  private WatchKey key;
  private KnowledgeSnapshot seen;

  private KnowledgeWatcher(Path dir, WatchService watch, Reloader reloader) {
    this.dir = dir;
    this.watch = watch;
    this.reloader = reloader;
    this.seen = KnowledgeSnapshot.of(dir);
    this.thread = new Thread(this::run, "pastefix-knowledge-watch");
    this.thread.setDaemon(true);
  }

  /** Starts watching {@code dir} (which may not exist yet); the caller closes the watcher. */
  static KnowledgeWatcher start(Path dir, Reloader reloader) throws IOException {
    Objects.requireNonNull(reloader, "reloader");
    WatchService watch = FileSystems.getDefault().newWatchService();
    KnowledgeWatcher watcher = new KnowledgeWatcher(dir, watch, reloader);
    try {
      watcher.register();
    } catch (IOException | RuntimeException e) {
      watch.close();
      throw e;
    }
    watcher.thread.start();
    LOG.info("watching {} for knowledge changes", dir);
    return watcher;
  }

  /** Registers the directory when it is there; false when it is not (yet, or any more). */
  private boolean register() throws IOException {
    if (!Files.isDirectory(dir)) {
      key = null;
      return false;
    }
    key =
        dir.register(
            watch,
            StandardWatchEventKinds.ENTRY_CREATE,
            StandardWatchEventKinds.ENTRY_MODIFY,
            StandardWatchEventKinds.ENTRY_DELETE);
    return true;
  }

  private void run() {
    try {
      while (!closed) {
        if (key == null || !key.isValid()) {
          if (!reRegister()) {
            Thread.sleep(LOOK_EVERY.toMillis());
            continue;
          }
        }
        WatchKey event = watch.poll(LOOK_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        if (event != null) {
          drain(event);
          // Wait for the directory to be still: every further event restarts the wait.
          WatchKey more;
          while ((more = watch.poll(QUIET.toMillis(), TimeUnit.MILLISECONDS)) != null) {
            drain(more);
          }
        }
        if (key != null && key.isValid()) {
          reloadIfChanged();
        }
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      // Closed: stop watching.
    } catch (RuntimeException e) {
      LOG.error("the knowledge watcher stopped", e);
    }
  }

  private boolean reRegister() {
    try {
      if (register()) {
        LOG.info("knowledge directory {} is back; watching it again", dir);
        reloadIfChanged();
        return true;
      }
    } catch (IOException e) {
      LOG.debug("cannot watch {} yet: {}", dir, e.toString());
    }
    return false;
  }

  private void reloadIfChanged() {
    KnowledgeSnapshot now = KnowledgeSnapshot.of(dir);
    if (now.equals(seen)) {
      return;
    }
    seen = now;
    if (!now.present()) {
      LOG.warn("knowledge directory {} is gone; the running knowledge stays until it is back", dir);
      return;
    }
    LOG.info("knowledge directory changed; reloading");
    // A change during the reload differs from this snapshot and causes another at the next look.
    reloader.reload();
  }

  private void drain(WatchKey event) {
    event.pollEvents();
    if (!event.reset() && event == key) {
      // The directory itself was deleted (or moved away).
      key = null;
      if (!seen.equals(KnowledgeSnapshot.ABSENT)) {
        seen = KnowledgeSnapshot.ABSENT;
        LOG.warn(
            "knowledge directory {} is gone; the running knowledge stays until it is back", dir);
      }
    }
  }

  @Override
  public void close() throws IOException {
    closed = true;
    watch.close();
    thread.interrupt();
  }
}
