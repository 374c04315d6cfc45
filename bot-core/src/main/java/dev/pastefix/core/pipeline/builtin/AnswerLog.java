package dev.pastefix.core.pipeline.builtin;

import dev.pastefix.core.Inbound;
import dev.pastefix.core.Outcome;
import dev.pastefix.core.Turn;
import dev.pastefix.core.answer.Wording;
import dev.pastefix.core.pipeline.Step;
import dev.pastefix.core.state.AnswerRecord;
import dev.pastefix.core.state.Redaction;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends one row per message and per click to the answer log, its text redacted, as the deciding
 * step saw it (a failure as unknown). Rows are written on {@code writer} so that storage never
 * slows an answer.
 */
public final class AnswerLog implements Step {
  private static final Logger LOG = LoggerFactory.getLogger(AnswerLog.class);

  private final dev.pastefix.core.state.AnswerLog log;
  private final Executor writer;
  private final Clock clock;

  public AnswerLog(dev.pastefix.core.state.AnswerLog log, Executor writer, Clock clock) {
    this.log = Objects.requireNonNull(log, "log");
    this.writer = Objects.requireNonNull(writer, "writer");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Turn apply(Inbound in, Chain next) {
    Instant at = clock.instant();
    long started = System.nanoTime();
    try {
      Turn turn = next.proceed(in);
      write(turn, at, started);
      return turn;
    } catch (RuntimeException | Error e) {
      // A failure is a message the bot could not answer: the guard above replies, the row says so.
      write(Turn.of(in, new Outcome.Unknown(List.of(), Wording.of("en").failure())), at, started);
      throw e;
    }
  }

  private void write(Turn turn, Instant at, long started) {
    Duration latency = Duration.ofNanos(System.nanoTime() - started);
    try {
      writer.execute(() -> append(turn, at, latency));
    } catch (RejectedExecutionException e) {
      LOG.debug("answer log queue full; one row not written");
    }
  }

  private void append(Turn turn, Instant at, Duration latency) {
    Inbound in = turn.inbound();
    String text = in instanceof Inbound.Click click ? click.command().asText() : in.text();
    try {
      log.append(
          new AnswerRecord(
              at,
              in.platform(),
              in.channel(),
              in.conversationKey(),
              in.senderId(),
              turn.outcome().kind(),
              turn.outcome().findingIds(),
              turn.outcome().confidence(),
              turn.language(),
              latency,
              Redaction.redact(text),
              turn.candidates(),
              Optional.empty()));
    } catch (RuntimeException e) {
      LOG.debug("could not append to the answer log", e);
    }
  }
}
