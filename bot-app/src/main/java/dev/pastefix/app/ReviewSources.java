package dev.pastefix.app;

import dev.pastefix.core.feedback.FeedbackStore;
import dev.pastefix.core.state.AnswerLog;
import java.util.Map;
import java.util.Objects;

/**
 * Where {@code pastefix review} reads the answer log and the votes from: the one place that knows
 * the storage, so the command itself works on the ports alone.
 */
@FunctionalInterface
interface ReviewSources {
  /** Opens the log and votes the environment points at; the caller closes them. */
  Opened open(Map<String, String> env) throws Unavailable;

  /** An open answer log and feedback store, and what closes them. */
  record Opened(AnswerLog log, FeedbackStore votes, AutoCloseable closer) implements AutoCloseable {
    public Opened {
      Objects.requireNonNull(log, "log");
      Objects.requireNonNull(votes, "votes");
      Objects.requireNonNull(closer, "closer");
    }

    @Override
    public void close() throws Exception {
      closer.close();
    }
  }

  /** The answer log cannot be opened; the message says why and what to do. */
  final class Unavailable extends Exception {
    private static final long serialVersionUID = 1L;

    Unavailable(String message) {
      super(message);
    }
  }
}
