package dev.pastefix.app;

import dev.pastefix.core.Bot;
import dev.pastefix.core.admin.AdminCommands;
import dev.pastefix.core.admin.Admins;
import dev.pastefix.core.admin.SwappableBot;
import dev.pastefix.core.review.Reviewer;
import dev.pastefix.core.state.BotState;
import dev.pastefix.knowledge.KnowledgeSources;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running bot's admin side, wired in one place: the engine behind a swappable reference, the
 * reload through {@link Startup} (on {@code /pastefix reload}, on {@code SIGHUP} and when the
 * knowledge directory changes), and the admin commands in front of it all.
 */
final class AdminDesk implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AdminDesk.class);

  private final Bot bot;
  private final KnowledgeReload reload;
  private final KnowledgeInUse inUse;
  private final List<AutoCloseable> running;

  private AdminDesk(
      Bot bot, KnowledgeReload reload, KnowledgeInUse inUse, List<AutoCloseable> running) {
    this.bot = bot;
    this.reload = reload;
    this.inUse = inUse;
    this.running = running;
  }

  /**
   * Wraps the started engine; reloads build the engine over the same {@code state}; watches {@code
   * knowledgeDir} when there is one. {@code watch} false leaves out the directory watcher and the
   * signal (for tests).
   */
  static AdminDesk open(
      Startup startup,
      Startup.Ready ready,
      KnowledgeSources knowledge,
      Optional<String> dnsResolver,
      BotState state,
      Admins admins,
      Clock clock,
      boolean watch) {
    Optional<Path> knowledgeDir = knowledge.directory();
    SwappableBot swappable = new SwappableBot(ready.bot());
    KnowledgeInUse inUse = new KnowledgeInUse(ready.knowledge());
    KnowledgeReload reload =
        new KnowledgeReload(
            startup,
            knowledge,
            dnsResolver,
            state,
            swappable,
            Optional.of(inUse),
            KnowledgeReload.SETTLE);
    List<AutoCloseable> running = new ArrayList<>();
    if (watch) {
      running.add(HangUpSignal.install(reload));
      if (knowledgeDir.isPresent()) {
        try {
          running.add(KnowledgeWatcher.start(knowledgeDir.get(), reload));
        } catch (IOException | RuntimeException e) {
          LOG.warn(
              "cannot watch {} ({}); reload with /pastefix reload or SIGHUP",
              knowledgeDir.get(),
              e.toString());
        }
      }
    }
    if (admins.members().isEmpty()) {
      LOG.info("no PASTEFIX_ADMINS: /pastefix stats, review and reload are refused to everyone");
    }
    Bot bot =
        new AdminCommands(
            swappable,
            admins,
            new Reviewer(state.answerLog(), state.feedback(), clock),
            reload,
            clock);
    return new AdminDesk(bot, reload, inUse, running);
  }

  /** The bot the platforms talk to. */
  Bot bot() {
    return bot;
  }

  KnowledgeReload reload() {
    return reload;
  }

  /** The knowledge the engine answering now was built from (it follows every reload). */
  KnowledgeInUse knowledgeInUse() {
    return inUse;
  }

  @Override
  public void close() {
    for (AutoCloseable c : running) {
      try {
        c.close();
      } catch (Exception e) {
        // Stopping anyway.
      }
    }
  }
}
