package dev.pastefix.slack;

import dev.pastefix.core.Bot;
import dev.pastefix.core.IncomingMessage;
import dev.pastefix.core.Outcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A bot for the adapter's tests: it answers through a given function (or delegates to the real
 * engine) and records every message it was handed with the outcome it returned.
 */
final class TestingBot implements Bot {
  /** One message the bot handled and what it decided. */
  record Handled(IncomingMessage message, Outcome outcome) {}

  private final Function<IncomingMessage, Outcome> answers;
  private final List<Handled> handled = new ArrayList<>();

  TestingBot(Function<IncomingMessage, Outcome> answers) {
    this.answers = answers;
  }

  static TestingBot wrapping(Bot bot) {
    return new TestingBot(bot::handle);
  }

  @Override
  public Outcome handle(IncomingMessage message) {
    Outcome outcome = answers.apply(message);
    synchronized (handled) {
      handled.add(new Handled(message, outcome));
      handled.notifyAll();
    }
    return outcome;
  }

  List<Handled> handled() {
    synchronized (handled) {
      return List.copyOf(handled);
    }
  }

  /** Waits until {@code count} messages were handled. */
  List<Handled> awaitHandled(int count) throws InterruptedException {
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
