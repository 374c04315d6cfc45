package dev.pastefix.core.admin;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Builds a new knowledge base and engine beside the running one and swaps it in when it is valid;
 * an invalid knowledge base leaves the running one in place. Implementations are thread-safe and
 * run one reload at a time.
 */
public interface Reloader {
  /** Reloads now and says how it went. */
  Result reload();

  /** How a reload ended. */
  sealed interface Result {}

  /** The new knowledge is answering. */
  record Reloaded(int entries, Duration took) implements Result {
    public Reloaded {
      Objects.requireNonNull(took, "took");
    }
  }

  /** The new knowledge was refused; every problem is listed and the old knowledge still answers. */
  record Rejected(List<String> problems) implements Result {
    public Rejected {
      problems = List.copyOf(problems);
      if (problems.isEmpty()) {
        throw new IllegalArgumentException("a rejected reload names its problems");
      }
    }
  }
}
