package dev.pastefix.app;

import dev.pastefix.core.admin.Reloader;
import dev.pastefix.core.admin.SwappableBot;
import dev.pastefix.core.state.BotState;
import dev.pastefix.knowledge.InvalidKnowledgeException;
import dev.pastefix.knowledge.KnowledgeSources;
import dev.pastefix.knowledge.Problem;
import java.nio.file.Path;
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
 * goes to the log and back to whoever asked. One reload at a time.
 */
final class KnowledgeReload implements Reloader {
  private static final Logger LOG = LoggerFactory.getLogger(KnowledgeReload.class);

  private final Startup startup;
  private final KnowledgeSources knowledge;
  private final Optional<String> dnsResolver;
  private final BotState state;
  private final SwappableBot target;

  KnowledgeReload(
      Startup startup,
      Optional<Path> knowledgeDir,
      Optional<String> dnsResolver,
      BotState state,
      SwappableBot target) {
    this(startup, KnowledgeSources.shippedPlus(knowledgeDir), dnsResolver, state, target);
  }

  KnowledgeReload(
      Startup startup,
      KnowledgeSources knowledge,
      Optional<String> dnsResolver,
      BotState state,
      SwappableBot target) {
    this.startup = Objects.requireNonNull(startup, "startup");
    this.knowledge = Objects.requireNonNull(knowledge, "knowledge");
    this.dnsResolver = Objects.requireNonNull(dnsResolver, "dnsResolver");
    this.state = Objects.requireNonNull(state, "state");
    this.target = Objects.requireNonNull(target, "target");
  }

  /** The directory this reload reads, when there is one. */
  Optional<Path> knowledgeDir() {
    return knowledge.directory();
  }

  @Override
  public synchronized Result reload() {
    Startup.Ready ready;
    try {
      ready = startup.start(knowledge, dnsResolver, state, Optional.empty());
    } catch (InvalidKnowledgeException e) {
      List<String> problems = e.problems().stream().map(Problem::toString).toList();
      LOG.warn(
          "knowledge reload refused, the running knowledge stays: {} problem(s)\n  {}",
          problems.size(),
          String.join("\n  ", problems));
      return new Rejected(problems);
    } catch (RuntimeException e) {
      LOG.warn("knowledge reload failed, the running knowledge stays", e);
      return new Rejected(List.of("the knowledge base could not be built: " + e));
    }
    target.swap(ready.bot());
    LOG.info("knowledge reloaded: {}", ready.describe());
    return new Reloaded(ready.knowledge().entries().size(), ready.took());
  }
}
