package dev.pastefix.core.pipeline;

import dev.pastefix.core.Engine;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The engine the pipeline answers with, replaced whole by a knowledge reload: the step that answers
 * reads it once, so an answer comes from the old knowledge or the new, never from one half built.
 */
public final class CurrentEngine implements Supplier<Engine> {
  private final AtomicReference<Engine> current;

  public CurrentEngine(Engine initial) {
    this.current = new AtomicReference<>(Objects.requireNonNull(initial, "initial"));
  }

  @Override
  public Engine get() {
    return current.get();
  }

  /** Makes {@code next} answer from now on; returns the one it replaces. */
  public Engine swap(Engine next) {
    return current.getAndSet(Objects.requireNonNull(next, "next"));
  }
}
