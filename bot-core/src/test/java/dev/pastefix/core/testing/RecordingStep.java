package dev.pastefix.core.testing;

import dev.pastefix.core.Channel;
import dev.pastefix.core.Finding;
import dev.pastefix.core.Inbound;
import dev.pastefix.core.Outcome;
import dev.pastefix.core.Turn;
import dev.pastefix.core.pipeline.Pipeline;
import dev.pastefix.core.pipeline.Step;
import dev.pastefix.core.reply.BotCommand;
import dev.pastefix.core.state.BotState;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one recording step for adapter and application tests, placed just before the pipeline's last
 * step: it records every message and click that reached it with the outcome, and either passes them
 * on to the real dispatch or answers them itself (canned answers that do not depend on the
 * classifier, or any function, such as one that fails).
 */
public final class RecordingStep implements Step {
  /** The error text the canned answers recognise. */
  public static final String EXECUTION_POLICY = "running scripts is disabled on this system";

  /** One message or click that reached the step and what the pipeline decided below it. */
  public record Handled(Inbound in, Outcome outcome) {
    public Inbound message() {
      return in;
    }

    /** The button's command when it was a click. */
    public Optional<BotCommand> command() {
      return in instanceof Inbound.Click click ? Optional.of(click.command()) : Optional.empty();
    }
  }

  private final Optional<Function<Inbound, Outcome>> answers;
  private final List<Handled> handled = new ArrayList<>();

  private RecordingStep(Optional<Function<Inbound, Outcome>> answers) {
    this.answers = answers;
  }

  /** Records and passes everything on to the real dispatch. */
  public static RecordingStep passing() {
    return new RecordingStep(Optional.empty());
  }

  /** Records and answers everything through {@code answers}. */
  public static RecordingStep answering(Function<Inbound, Outcome> answers) {
    return new RecordingStep(Optional.of(answers));
  }

  /**
   * Canned answers: {@link #EXECUTION_POLICY}, every slash command and every click get the sample
   * answer, other addressed messages "don't know", the rest silence.
   */
  public static RecordingStep canned() {
    return answering(RecordingStep::canned);
  }

  private static Outcome canned(Inbound in) {
    if (in.text().contains(EXECUTION_POLICY)
        || in.channel() == Channel.COMMAND
        || in instanceof Inbound.Click) {
      return new Outcome.Answer(
          List.of(new Finding("execution-policy", 0.97, List.of(EXECUTION_POLICY))),
          SampleReplies.answer("en"));
    }
    if (in.channel().addressed()) {
      return new Outcome.Unknown(List.of("collect-logs"), SampleReplies.dontKnow());
    }
    return new Outcome.Silent("not sure enough for an unaddressed message");
  }

  /** The production pipeline over the shipped knowledge and fresh state, with this step in it. */
  public Pipeline pipeline() {
    return TestingPipelines.over(BotState.inMemory(Clock.systemUTC())).step(this).build();
  }

  /** The production pipeline over {@code state}, with this step in it. */
  public Pipeline pipeline(BotState state) {
    return TestingPipelines.over(state).step(this).build();
  }

  @Override
  public Turn apply(Inbound in, Chain next) {
    Turn turn = answers.isPresent() ? Turn.of(in, answers.get().apply(in)) : next.proceed(in);
    synchronized (handled) {
      handled.add(new Handled(in, turn.outcome()));
      handled.notifyAll();
    }
    return turn;
  }

  /** Everything handled so far, in order. */
  public List<Handled> handled() {
    synchronized (handled) {
      return List.copyOf(handled);
    }
  }

  /** The messages and clicks handled so far, in order. */
  public List<Inbound> received() {
    return handled().stream().map(Handled::in).toList();
  }

  /** The button commands handled so far, in order. */
  public List<BotCommand> commands() {
    return handled().stream().flatMap(h -> h.command().stream()).toList();
  }

  /** Waits until {@code count} messages or clicks were handled. */
  public List<Handled> awaitHandled(int count) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    synchronized (handled) {
      while (handled.size() < count) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError("expected " + count + " messages, got " + handled);
        }
        handled.wait(Math.max(1, left / 1_000_000));
      }
      return List.copyOf(handled);
    }
  }
}
