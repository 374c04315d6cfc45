package dev.pastefix.core.pipeline.builtin;

import dev.pastefix.core.Inbound;
import dev.pastefix.core.Outcome;
import dev.pastefix.core.Turn;
import dev.pastefix.core.answer.Wording;
import dev.pastefix.core.pipeline.Step;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outermost step: any failure short of running out of memory (a bug, a stack overflow, a check
 * that threw) becomes the failure reply in the sender's language, or silence when nobody addressed
 * the bot; it is logged, and the worker carries on with the next message.
 */
public final class Guard implements Step {
  private static final Logger LOG = LoggerFactory.getLogger(Guard.class);

  private final AtomicLong failures = new AtomicLong();

  @Override
  public Turn apply(Inbound in, Chain next) {
    try {
      return next.proceed(in);
    } catch (OutOfMemoryError e) {
      // Nothing sensible can run without memory; the process's own handler decides.
      throw e;
    } catch (RuntimeException | Error e) {
      long count = failures.incrementAndGet();
      LOG.error(
          "failed on a {} {} of {} chars ({} failures so far)",
          in.channel().name().toLowerCase(Locale.ROOT),
          in instanceof Inbound.Click ? "click" : "message",
          in.text().length(),
          count,
          e);
      if (!in.channel().addressed()) {
        return Turn.of(in, new Outcome.Silent("internal error: " + e.getClass().getSimpleName()));
      }
      return Turn.of(in, new Outcome.Info(Wording.of(in).failure()));
    }
  }

  /** How many messages and clicks failed since start-up. */
  public long failures() {
    return failures.get();
  }
}
