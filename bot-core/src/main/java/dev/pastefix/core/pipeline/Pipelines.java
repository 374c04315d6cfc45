package dev.pastefix.core.pipeline;

import dev.pastefix.core.admin.AdminCommands;
import dev.pastefix.core.pipeline.builtin.AdminGate;
import dev.pastefix.core.pipeline.builtin.AnswerLog;
import dev.pastefix.core.pipeline.builtin.Dispatch;
import dev.pastefix.core.pipeline.builtin.Guard;
import dev.pastefix.core.pipeline.builtin.Measure;
import dev.pastefix.core.pipeline.builtin.PendingChecks;
import dev.pastefix.core.pipeline.builtin.ThreadFollowUp;
import dev.pastefix.core.state.BotState;
import dev.pastefix.core.telemetry.Telemetry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;

/** The one place the order of the steps is written down. */
public final class Pipelines {
  private Pipelines() {}

  /**
   * What the standard pipeline is built from: the engine (swapped by reloads), the state, the admin
   * commands, the metrics, where answer-log rows are written and the clock.
   */
  public record Parts(
      CurrentEngine engine,
      BotState state,
      AdminCommands admin,
      Telemetry telemetry,
      Executor logWriter,
      Clock clock) {
    public Parts {
      Objects.requireNonNull(engine, "engine");
      Objects.requireNonNull(state, "state");
      Objects.requireNonNull(admin, "admin");
      Objects.requireNonNull(telemetry, "telemetry");
      Objects.requireNonNull(logWriter, "logWriter");
      Objects.requireNonNull(clock, "clock");
    }
  }

  /** The bot every platform, the console and the tools talk to. */
  public static Pipeline standard(Parts parts) {
    return standard(parts, List.of());
  }

  /**
   * The standard pipeline with {@code beforeDispatch} run just before the last step (tests record
   * or answer there, behind every production step).
   *
   * <ol>
   *   <li>{@link Guard}: a failure anywhere below becomes a polite reply, never an exception;
   *   <li>{@link Measure}: metrics and the log line see every outcome, failures included;
   *   <li>{@link AnswerLog}: one row per message and per click;
   *   <li>{@link AdminGate}: admin commands refused to everyone else;
   *   <li>{@link ThreadFollowUp}: channel messages in answered threads count as addressed;
   *   <li>{@link PendingChecks}: the output a guided check waits for gets its verdict;
   *   <li>{@link Dispatch}: commands, diagnosis and button commands.
   * </ol>
   */
  public static Pipeline standard(Parts parts, List<Step> beforeDispatch) {
    Routes routes = Routes.standard(parts.engine(), parts.admin());
    List<Step> steps = new ArrayList<>();
    steps.add(new Guard());
    steps.add(new Measure(parts.telemetry()));
    steps.add(new AnswerLog(parts.state().answerLog(), parts.logWriter(), parts.clock()));
    steps.add(new AdminGate(routes, parts.admin()));
    steps.add(new ThreadFollowUp(parts.state().conversations()));
    steps.add(new PendingChecks(parts.engine()));
    steps.addAll(beforeDispatch);
    steps.add(new Dispatch(routes, parts.engine()));
    CurrentEngine engine = parts.engine();
    // Read per call: a reload's entries count from the moment its engine answers.
    return new Pipeline(steps, id -> engine.get().knowledge().entry(id).isPresent());
  }
}
