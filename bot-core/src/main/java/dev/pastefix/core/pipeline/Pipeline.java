package dev.pastefix.core.pipeline;

import dev.pastefix.core.Bot;
import dev.pastefix.core.Inbound;
import dev.pastefix.core.Turn;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The bot: steps in order, each handed the rest of the chain. The last step must answer; a chain
 * that runs past it is a wiring bug and fails loudly.
 */
public final class Pipeline implements Bot {
  private final List<Step> steps;
  private final Predicate<String> entries;

  /** The pipeline of {@code steps} over the knowledge whose entry ids {@code entries} accepts. */
  public Pipeline(List<Step> steps, Predicate<String> entries) {
    this.steps = List.copyOf(steps);
    this.entries = Objects.requireNonNull(entries, "entries");
    if (this.steps.isEmpty()) {
      throw new IllegalArgumentException("a pipeline needs at least one step");
    }
  }

  @Override
  public Turn handle(Inbound in) {
    Objects.requireNonNull(in, "in");
    return proceed(0, in);
  }

  @Override
  public boolean hasEntry(String entryId) {
    return entries.test(entryId);
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
