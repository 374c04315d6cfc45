package dev.pastefix.core.pipeline.builtin;

import dev.pastefix.core.Engine;
import dev.pastefix.core.Inbound;
import dev.pastefix.core.Outcome;
import dev.pastefix.core.Turn;
import dev.pastefix.core.pipeline.Step;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When a conversation waits on a guided check and a message is that command's output, answers with
 * the check's verdict; every other message and click passes on.
 */
public final class PendingChecks implements Step {
  private static final Logger LOG = LoggerFactory.getLogger(PendingChecks.class);

  private final Supplier<Engine> engine;

  public PendingChecks(Supplier<Engine> engine) {
    this.engine = Objects.requireNonNull(engine, "engine");
  }

  @Override
  public Turn apply(Inbound in, Chain next) {
    if (in instanceof Inbound.Message message) {
      Optional<Outcome> verdict = Optional.empty();
      try {
        verdict = engine.get().checks().flatMap(desk -> desk.followUp(message));
      } catch (RuntimeException e) {
        // A failing interpreter must not cost the message its diagnosis.
        LOG.warn("reading a pending check's output failed", e);
      }
      if (verdict.isPresent()) {
        return Turn.of(in, verdict.get());
      }
    }
    return next.proceed(in);
  }
}
