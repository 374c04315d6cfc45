package dev.pastefix.core.pipeline;

import dev.pastefix.core.Bot;
import dev.pastefix.core.Inbound;
import dev.pastefix.core.Turn;
import java.util.List;
import java.util.Objects;

/**
 * The bot: steps in order, each handed the rest of the chain. The last step must answer; a chain
 * that runs past it is a wiring bug and fails loudly.
 */
public final class Pipeline implements Bot {
  private final List<Step> steps;

  public Pipeline(List<Step> steps) {
    this.steps = List.copyOf(steps);
    if (this.steps.isEmpty()) {
      throw new IllegalArgumentException("a pipeline needs at least one step");
    }
  }

  @Override
  public Turn handle(Inbound in) {
    Objects.requireNonNull(in, "in");
    return proceed(0, in);
  }

  private Turn proceed(int index, Inbound in) {
    if (index == steps.size()) {
      throw new IllegalStateException("no step answered " + in.getClass().getSimpleName());
    }
    return steps.get(index).apply(in, next -> proceed(index + 1, next));
  }

  /** The steps in order, for logs and tests. */
  public List<Step> steps() {
    return steps;
  }
}
