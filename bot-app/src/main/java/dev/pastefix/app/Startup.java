package dev.pastefix.app;

import dev.pastefix.core.Engine;
import dev.pastefix.core.admin.AdminCommands;
import dev.pastefix.core.check.CheckDesk;
import dev.pastefix.core.classify.DirectoryModelStore;
import dev.pastefix.core.classify.ModelStore;
import dev.pastefix.core.classify.ShippedModels;
import dev.pastefix.core.pipeline.CurrentEngine;
import dev.pastefix.core.pipeline.Pipeline;
import dev.pastefix.core.pipeline.Pipelines;
import dev.pastefix.core.review.Reviewer;
import dev.pastefix.core.state.BotState;
import dev.pastefix.core.telemetry.Telemetry;
import dev.pastefix.knowledge.InvalidKnowledgeException;
import dev.pastefix.knowledge.KnowledgeBase;
import dev.pastefix.knowledge.KnowledgeLoader;
import dev.pastefix.knowledge.KnowledgeSources;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Brings the engine up: loads the shipped knowledge base (merged with an administrator's directory,
 * if given) and builds the engine from it, timing both. The categorizer's models come from the jar
 * (built with pastefix for the shipped knowledge) or from the data directory's {@value
 * #MODELS_FOLDER} folder; whatever neither holds is trained and kept there.
 */
final class Startup {
  /** The folder of the data directory that holds cached categorizer models. */
  static final String MODELS_FOLDER = "models";

  /**
   * The engine ready to answer over {@code state}, with what it was built from and how long that
   * took: {@code loading} the knowledge, {@code took} in all; {@code trainedShards} of {@code
   * shards} categorizer models had to be trained because neither the jar nor the cache held them.
   * Answer-log rows go to {@code logWriter}.
   */
  record Ready(
      KnowledgeBase knowledge,
      CurrentEngine engine,
      BotState state,
      Executor logWriter,
      Duration took,
      Duration loading,
      int shards,
      int trainedShards) {
    Ready {
      Objects.requireNonNull(knowledge, "knowledge");
      Objects.requireNonNull(engine, "engine");
      Objects.requireNonNull(state, "state");
      Objects.requireNonNull(logWriter, "logWriter");
      Objects.requireNonNull(took, "took");
      Objects.requireNonNull(loading, "loading");
    }

    /** The bot for tools (diagnose, eval, bench): admin commands closed, metrics kept in memory. */
    Pipeline bot() {
      Clock clock = Clock.systemUTC();
      return bot(
          AdminCommands.closed(new Reviewer(state.answerLog(), state.feedback(), clock), clock),
          Telemetry.inMemory());
    }

    /** The bot the console and the platforms talk to. */
    Pipeline bot(AdminCommands admin, Telemetry telemetry) {
      return Pipelines.standard(
          new Pipelines.Parts(engine, state, admin, telemetry, logWriter, Clock.systemUTC()));
    }

    /** One line for the start-up log. */
    String describe() {
      return "knowledge base of "
          + knowledge.entries().size()
          + " entries from "
          + knowledge.articles().size()
          + " articles, ready in "
          + took.toMillis()
          + " ms"
          + (trainedShards == 0
              ? ""
              : " (trained " + trainedShards + " of " + shards + " categorizer models)");
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
    return start(knowledgeDir, dnsResolver, BotState.inMemory(Clock.systemUTC()), Optional.empty());
  }

  /**
   * As {@link #start(Optional, Optional)}, keeping clarifying questions, pending checks, answered
   * threads and the answer log in {@code state}.
   */
  Ready start(Optional<Path> knowledgeDir, Optional<String> dnsResolver, BotState state)
      throws InvalidKnowledgeException {
    return start(knowledgeDir, dnsResolver, state, Optional.empty());
  }

  /**
   * As {@link #start(Optional, Optional)}, keeping trained categorizer models under {@code dataDir}
   * (empty: nothing is written, and knowledge other than the shipped one is trained at every
   * start).
   */
  Ready start(Optional<Path> knowledgeDir, Optional<String> dnsResolver, Optional<Path> dataDir)
      throws InvalidKnowledgeException {
    return start(knowledgeDir, dnsResolver, BotState.inMemory(Clock.systemUTC()), dataDir);
  }

  /** The engine over {@code state}, with its models cached under {@code dataDir}. */
  Ready start(
      Optional<Path> knowledgeDir,
      Optional<String> dnsResolver,
      BotState state,
      Optional<Path> dataDir)
      throws InvalidKnowledgeException {
    return start(KnowledgeSources.shippedPlus(knowledgeDir), dnsResolver, state, dataDir);
  }

  /** As {@link #start(Optional, Optional, Optional)}, from the knowledge {@code sources} name. */
  Ready start(KnowledgeSources sources, Optional<String> dnsResolver, Optional<Path> dataDir)
      throws InvalidKnowledgeException {
    return start(sources, dnsResolver, BotState.inMemory(Clock.systemUTC()), dataDir);
  }

  /** The engine over {@code state} from the knowledge {@code sources} name. */
  Ready start(
      KnowledgeSources sources,
      Optional<String> dnsResolver,
      BotState state,
      Optional<Path> dataDir)
      throws InvalidKnowledgeException {
    long started = System.nanoTime();
    Clock clock = Clock.systemUTC();
    KnowledgeBase knowledge = new KnowledgeLoader().load(sources);
    Duration loading = Duration.ofNanos(System.nanoTime() - started);
    Engine engine =
        Engine.builder(knowledge)
            .conversations(state.conversations())
            .models(models(dataDir))
            .checks(CheckDesk.standard(knowledge, dnsResolver, clock, state.pendingChecks()))
            .build();
    return new Ready(
        knowledge,
        new CurrentEngine(engine),
        state,
        answerLogWriter,
        Duration.ofNanos(System.nanoTime() - started),
        loading,
        engine.model().shardCount(),
        engine.model().trainedShards());
  }

  /** The shipped models, then the cache in {@code dataDir} when there is one. */
  static ModelStore models(Optional<Path> dataDir) {
    ModelStore shipped = new ShippedModels();
    return dataDir
        .<ModelStore>map(dir -> shipped.then(new DirectoryModelStore(dir.resolve(MODELS_FOLDER))))
        .orElse(shipped);
  }

  /**
   * The data directory of a command ({@code PASTEFIX_DATA_DIR}, see {@link
   * Settings#dataDirFrom(Map)}); empty for {@code :memory:}.
   */
  static Optional<Path> dataDir(Map<String, String> env) throws Settings.InvalidSettings {
    return Settings.dataDirFrom(env);
  }

  /** Rows waiting to be written to the answer log; beyond this, rows are dropped, not answers. */
  static final int ANSWER_LOG_QUEUE = 10_000;

  /** How long a stopping process waits for the answer-log rows still queued. */
  static final Duration ANSWER_LOG_FLUSH = Duration.ofSeconds(5);

  // One writer for every engine this start-up builds (a reload builds another engine).
  private final ThreadPoolExecutor answerLogWriter = answerLogWriter();

  /**
   * Waits, at most {@code wait}, until the answer-log rows queued so far are written: a process
   * calls it before it closes the state, or the rows of its last answers would be lost with the
   * writer's thread. Returns whether they were.
   */
  boolean flushAnswerLog(Duration wait) {
    try {
      // The writer is one thread taking rows in order: once this marker ran, every earlier row did.
      answerLogWriter.submit(() -> {}).get(wait.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (RejectedExecutionException | ExecutionException | TimeoutException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** One background thread writes the answer log, so storage never delays an answer. */
  private static ThreadPoolExecutor answerLogWriter() {
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
}
