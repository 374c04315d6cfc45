package dev.pastefix.core.testing;

import dev.pastefix.core.Engine;
import dev.pastefix.core.admin.AdminCommands;
import dev.pastefix.core.admin.Admins;
import dev.pastefix.core.admin.Reloader;
import dev.pastefix.core.check.CheckDesk;
import dev.pastefix.core.pipeline.CurrentEngine;
import dev.pastefix.core.pipeline.Pipeline;
import dev.pastefix.core.pipeline.Pipelines;
import dev.pastefix.core.pipeline.Step;
import dev.pastefix.core.review.Reviewer;
import dev.pastefix.core.state.BotState;
import dev.pastefix.core.telemetry.Telemetry;
import dev.pastefix.knowledge.InvalidKnowledgeException;
import dev.pastefix.knowledge.KnowledgeBase;
import dev.pastefix.knowledge.KnowledgeLoader;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * The production pipeline over the shipped knowledge, for tests of every module: {@link
 * #shipped(BotState)}, or {@link #over(BotState)} to set the metrics, the admins, the clock or a
 * step (such as a {@link RecordingStep}) run just before the last one. Answer-log rows are written
 * on the calling thread, so a test sees them as soon as the turn is done.
 */
public final class TestingPipelines {
  /** A resolver nobody answers on, so that a DNS check fails fast instead of asking the world. */
  public static final String NO_DNS = "127.0.0.1:9";

  private static KnowledgeBase shipped;

  private TestingPipelines() {}

  /** The shipped knowledge base, loaded once per JVM. */
  public static synchronized KnowledgeBase knowledge() {
    if (shipped == null) {
      try {
        shipped = new KnowledgeLoader().loadShipped();
      } catch (InvalidKnowledgeException e) {
        throw new IllegalStateException(e);
      }
    }
    return shipped;
  }

  /** The engine over the shipped knowledge, with the checks, keeping its state in {@code state}. */
  public static Engine engine(BotState state) {
    return engine(state, NO_DNS, Clock.systemUTC());
  }

  static Engine engine(BotState state, String dns, Clock clock) {
    KnowledgeBase kb = knowledge();
    return Engine.builder(kb)
        .conversations(state.conversations())
        .checks(CheckDesk.standard(kb, Optional.of(dns), clock, state.pendingChecks()))
        .build();
  }

  /** The production pipeline over the shipped knowledge and {@code state}. */
  public static Pipeline shipped(BotState state) {
    return over(state).build();
  }

  /** A builder of the production pipeline over {@code state}. */
  public static Builder over(BotState state) {
    return new Builder(state);
  }

  /** Sets what a test needs; everything else is as in production. */
  public static final class Builder {
    private final BotState state;
    private Telemetry telemetry = Telemetry.inMemory();
    private Admins admins = Admins.none();
    private Clock clock = Clock.systemUTC();
    private String dns = NO_DNS;
    private Optional<Engine> engine = Optional.empty();
    private Reloader reloader = () -> new Reloader.Rejected(List.of("no reload in this test"));
    private Executor logWriter = Runnable::run;
    private final List<Step> steps = new ArrayList<>();

    private Builder(BotState state) {
      this.state = Objects.requireNonNull(state, "state");
    }

    public Builder telemetry(Telemetry telemetry) {
      this.telemetry = telemetry;
      return this;
    }

    public Builder admins(Admins admins) {
      this.admins = admins;
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /** The resolver ({@code host:port}) the DNS check asks. */
    public Builder dns(String hostPort) {
      this.dns = hostPort;
      return this;
    }

    /** An engine of the test's own instead of the shipped one. */
    public Builder engine(Engine engine) {
      this.engine = Optional.of(engine);
      return this;
    }

    public Builder reloader(Reloader reloader) {
      this.reloader = reloader;
      return this;
    }

    /** Where answer-log rows are written (by default at once, on the calling thread). */
    public Builder logWriter(Executor writer) {
      this.logWriter = writer;
      return this;
    }

    /** Runs {@code step} just before the last step (the dispatch). */
    public Builder step(Step step) {
      steps.add(step);
      return this;
    }

    public Pipeline build() {
      Engine chosen = engine.orElseGet(() -> TestingPipelines.engine(state, dns, clock));
      return Pipelines.standard(
          new Pipelines.Parts(
              new CurrentEngine(chosen),
              state,
              new AdminCommands(
                  admins,
                  new Reviewer(state.answerLog(), state.feedback(), clock),
                  reloader,
                  clock),
              telemetry,
              logWriter,
              clock),
          steps);
    }
  }
}
