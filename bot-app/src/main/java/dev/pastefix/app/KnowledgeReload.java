package dev.pastefix.app;

import dev.pastefix.core.admin.Reloader;
import dev.pastefix.core.admin.SwappableBot;
import dev.pastefix.core.state.BotState;
import dev.pastefix.core.state.Redaction;
import dev.pastefix.knowledge.InvalidKnowledgeException;
import dev.pastefix.knowledge.KnowledgeSources;
import dev.pastefix.knowledge.Problem;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reloads the knowledge base through the same build path as the start ({@link Startup}): the new
 * knowledge base is loaded, validated and trained beside the running engine, and only a complete
 * engine is swapped in; the new engine keeps the conversations, pending checks and answer log of
 * the same {@code state}. An invalid directory leaves the running engine answering; every problem
 * goes to the log and back to whoever asked. One reload at a time. A reload reads only files that
 * have rested for {@link #SETTLE}, and swaps in only what it read from one unchanged set of files.
 */
final class KnowledgeReload implements Reloader {
  private static final Logger LOG = LoggerFactory.getLogger(KnowledgeReload.class);

  /**
   * How long the files must have been unchanged before a reload reads them: a file still being
   * written (say, half of it, ending at an entry boundary) is never taken for the whole.
   */
  static final Duration SETTLE = Duration.ofSeconds(2);

  /** How long a reload waits for a directory that keeps changing before it gives up. */
  static final Duration MAX_WAIT = Duration.ofSeconds(30);

  private final Startup startup;
  private final KnowledgeSources knowledge;
  private final Optional<String> dnsResolver;
  private final BotState state;
  private final SwappableBot target;
  private final KnowledgeInUse inUse;
  private final Duration settle;

  KnowledgeReload(
      Startup startup,
      Optional<Path> knowledgeDir,
      Optional<String> dnsResolver,
      BotState state,
      SwappableBot target) {
    this(startup, KnowledgeSources.shippedPlus(knowledgeDir), dnsResolver, state, target);
  }

  /** Over the given knowledge sources, without recording them anywhere. */
  KnowledgeReload(
      Startup startup,
      KnowledgeSources knowledge,
      Optional<String> dnsResolver,
      BotState state,
      SwappableBot target) {
    this(startup, knowledge, dnsResolver, state, target, Optional.empty(), SETTLE);
  }

  /**
   * As above, recording each swapped-in knowledge base in {@code inUse} when given, and reading
   * only files unchanged for {@code settle}.
   */
  KnowledgeReload(
      Startup startup,
      KnowledgeSources knowledge,
      Optional<String> dnsResolver,
      BotState state,
      SwappableBot target,
      Optional<KnowledgeInUse> inUse,
      Duration settle) {
    this.startup = Objects.requireNonNull(startup, "startup");
    this.knowledge = Objects.requireNonNull(knowledge, "knowledge");
    this.dnsResolver = Objects.requireNonNull(dnsResolver, "dnsResolver");
    this.state = Objects.requireNonNull(state, "state");
    this.target = Objects.requireNonNull(target, "target");
    this.inUse = Objects.requireNonNull(inUse, "inUse").orElse(null);
    this.settle = Objects.requireNonNull(settle, "settle");
  }

  /** The directory this reload reads, when there is one. */
  Optional<Path> knowledgeDir() {
    return knowledge.directory();
  }

  @Override
  public synchronized Result reload() {
    long deadline = System.nanoTime() + MAX_WAIT.toNanos();
    while (true) {
      KnowledgeSnapshot before = KnowledgeSnapshot.of(knowledge.directory());
      Duration age = Duration.between(before.newest(), Instant.now());
      if (age.compareTo(settle) < 0) {
        // A file changed a moment ago and may still be being written: look again once it rests.
        if (System.nanoTime() > deadline) {
          return refused(List.of(keptChanging()));
        }
        if (!pause(settle.minus(age.isNegative() ? Duration.ZERO : age))) {
          return refused(List.of("the reload was interrupted; the running knowledge stays"));
        }
        continue;
      }
      Startup.Ready ready;
      try {
        ready = startup.start(knowledge, dnsResolver, state, Optional.empty());
      } catch (InvalidKnowledgeException e) {
        if (!KnowledgeSnapshot.of(knowledge.directory()).equals(before)
            && System.nanoTime() < deadline) {
          continue;
        }
        return refused(e.problems().stream().map(Problem::toString).toList());
      } catch (RuntimeException e) {
        LOG.warn("knowledge reload failed, the running knowledge stays", e);
        return new Rejected(
            List.of("the knowledge base could not be built: " + Redaction.redact(e.toString())));
      }
      if (!KnowledgeSnapshot.of(knowledge.directory()).equals(before)) {
        // The files changed while they were read: what was read may be half old, half new.
        if (System.nanoTime() > deadline) {
          return refused(List.of(keptChanging()));
        }
        continue;
      }
      target.swap(ready.bot());
      if (inUse != null) {
        inUse.replace(ready.knowledge());
      }
      LOG.info("knowledge reloaded: {}", ready.describe());
      return new Reloaded(ready.knowledge().entries().size(), ready.took());
    }
  }

  private String keptChanging() {
    return knowledge.directory().map(Path::toString).orElse("the knowledge")
        + ": the files kept changing for "
        + MAX_WAIT.toSeconds()
        + " s; reload again once they are written";
  }

  private static Rejected refused(List<String> found) {
    // Problems quote the files: a secret someone put there stays out of the log and the reply.
    List<String> problems = found.stream().map(Redaction::redact).toList();
    LOG.warn(
        "knowledge reload refused, the running knowledge stays: {} problem(s)\n  {}",
        problems.size(),
        String.join("\n  ", problems));
    return new Rejected(problems);
  }

  private static boolean pause(Duration wait) {
    try {
      Thread.sleep(Math.max(10, wait.toMillis()));
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
