package dev.pastefix.app;

import dev.pastefix.core.Bot;
import dev.pastefix.core.Engine;
import dev.pastefix.core.MessageGuard;
import dev.pastefix.core.StatefulBot;
import dev.pastefix.core.state.BotState;
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
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

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
    return start(knowledgeDir, dnsResolver, BotState.inMemory(Clock.systemUTC()));
  }

  /**
   * As {@link #start(Optional, Optional)}, keeping clarifying questions, pending checks, answered
   * threads and the answer log in {@code state}.
   */
  Ready start(Optional<Path> knowledgeDir, Optional<String> dnsResolver, BotState state)
      throws InvalidKnowledgeException {
    long started = System.nanoTime();
    Clock clock = Clock.systemUTC();
    KnowledgeBase knowledge = new KnowledgeLoader().load(knowledgeDir);
    CheckDesk checks =
        CheckDesk.standard(knowledge, dnsResolver, clock, state.pendingChecks());
    // The guard wraps checks and engine, so a failure in either never reaches a worker.
    Bot engine =
        new MessageGuard(
        new CheckingBot(
            checks
                .registerWith(Engine.builder(knowledge).conversations(state.conversations()))
                .build(),
            checks));
    Bot bot =
        new StatefulBot(engine, state.conversations(), state.answerLog(), answerLogWriter(), clock);
    return new Ready(knowledge, bot, Duration.ofNanos(System.nanoTime() - started));
  }

  /** Rows waiting to be written to the answer log; beyond this, rows are dropped, not answers. */
  static final int ANSWER_LOG_QUEUE = 10_000;

  /** One background thread writes the answer log, so storage never delays an answer. */
  private static Executor answerLogWriter() {
    ThreadPoolExecutor writer =
        new ThreadPoolExecutor(
            1,
            1,
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(ANSWER_LOG_QUEUE),
            r -> {
              Thread t = new Thread(r, "pastefix-answer-log");
              t.setDaemon(true);
              return t;
            },
            new ThreadPoolExecutor.AbortPolicy());
    return writer;
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
