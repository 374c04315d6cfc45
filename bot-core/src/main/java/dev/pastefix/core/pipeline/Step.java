package dev.pastefix.core.pipeline;

import dev.pastefix.core.Inbound;
import dev.pastefix.core.Turn;

/**
 * One step of the pipeline: it answers a message or click itself, or passes it (perhaps changed) to
 * {@code next} and may act on the turn that comes back. Steps are thread-safe.
 */
@FunctionalInterface
public interface Step {
  Turn apply(Inbound in, Chain next);

  /** The rest of the pipeline after a step. */
  @FunctionalInterface
  interface Chain {
    Turn proceed(Inbound in);
  }
}
