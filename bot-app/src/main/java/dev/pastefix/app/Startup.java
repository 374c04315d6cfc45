package dev.pastefix.app;

import dev.pastefix.core.Bot;
import dev.pastefix.core.Engine;
import dev.pastefix.core.MessageGuard;
import dev.pastefix.core.check.CheckDesk;
import dev.pastefix.core.check.CheckingBot;
import dev.pastefix.knowledge.InvalidKnowledgeException;
import dev.pastefix.knowledge.KnowledgeBase;
import dev.pastefix.knowledge.KnowledgeLoader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Brings the engine up: loads the shipped knowledge base (merged with an administrator's directory,
 * if given) and builds the engine from it, timing both.
 */
final class Startup {
  static final String KNOWLEDGE_OPTION = Main.KNOWLEDGE_OPTION;
  static final String KNOWLEDGE_ENV = Main.KNOWLEDGE_ENV;

  /** The engine ready to answer, with what it was built from and how long that took. */
  record Ready(KnowledgeBase knowledge, Bot bot, Duration took) {
    Ready {
      Objects.requireNonNull(knowledge, "knowledge");
      Objects.requireNonNull(bot, "bot");
      Objects.requireNonNull(took, "took");
    }

    /** One line for the start-up log. */
    String describe() {
      return "knowledge base of "
          + knowledge.entries().size()
          + " entries from "
          + knowledge.articles().size()
          + " articles, ready in "
          + took.toMillis()
          + " ms";
    }
  }

  /**
   * Loads the knowledge base and builds the engine; every knowledge problem is reported at once.
   */
  Ready start(Optional<Path> knowledgeDir) throws InvalidKnowledgeException {
    return start(knowledgeDir, Optional.empty());
  }

  /**
   * As {@link #start(Optional)}, with the checks ({@code check …} and the pasted output a pending
   * check waits for) asking DNS through {@code dnsResolver} (host:port), or the system resolver.
   */
  Ready start(Optional<Path> knowledgeDir, Optional<String> dnsResolver)
      throws InvalidKnowledgeException {
    long started = System.nanoTime();
    KnowledgeBase knowledge = new KnowledgeLoader().load(knowledgeDir);
    CheckDesk checks = CheckDesk.standard(knowledge, dnsResolver, Clock.systemUTC());
    // The guard is outermost, so a failure in a check or in the engine never reaches a worker.
    Bot bot =
        new MessageGuard(
            new CheckingBot(checks.registerWith(Engine.builder(knowledge)).build(), checks));
    return new Ready(knowledge, bot, Duration.ofNanos(System.nanoTime() - started));
  }

  /** The knowledge directory of a command: {@code --knowledge DIR}, else the environment. */
  static Optional<Path> knowledgeDir(Arguments arguments, Map<String, String> env) {
    return arguments
        .option(KNOWLEDGE_OPTION)
        .or(() -> Optional.ofNullable(env.get(KNOWLEDGE_ENV)).filter(v -> !v.isBlank()))
        .map(String::strip)
        .map(Path::of);
  }
}
