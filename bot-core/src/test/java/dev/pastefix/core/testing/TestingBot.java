package dev.pastefix.core.testing;

import dev.pastefix.core.Bot;
import dev.pastefix.core.Channel;
import dev.pastefix.core.Finding;
import dev.pastefix.core.IncomingMessage;
import dev.pastefix.core.Outcome;
import dev.pastefix.core.reply.BotCommand;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The one bot for adapter and application tests: it answers through a given function, wraps a real
 * bot, or gives canned answers that do not depend on the classifier, and records every message and
 * button command it was handed with the outcome it returned.
 */
public final class TestingBot implements Bot {
  /** The error text the canned bot recognises. */
  public static final String EXECUTION_POLICY = "running scripts is disabled on this system";

  /** One message (and, for a button, its command) the bot handled and what it decided. */
  public record Handled(IncomingMessage message, Optional<BotCommand> command, Outcome outcome) {}

  private final Function<IncomingMessage, Outcome> answers;
  private final BiFunction<BotCommand, IncomingMessage, Outcome> commands;
  private final List<Handled> handled = new ArrayList<>();

  /** A bot answering every message through {@code answers}; button commands get a canned reply. */
  public TestingBot(Function<IncomingMessage, Outcome> answers) {
    this(answers, (command, context) -> canned(context));
  }

  private TestingBot(
      Function<IncomingMessage, Outcome> answers,
      BiFunction<BotCommand, IncomingMessage, Outcome> commands) {
    this.answers = answers;
    this.commands = commands;
  }

  /** The real bot (an engine), recorded. */
  public static TestingBot wrapping(Bot bot) {
    return new TestingBot(bot::handle, bot::handle);
  }

  /**
   * A stand-in engine: it recognises {@link #EXECUTION_POLICY} and answers every command with the
   * sample answer, says "don't know" when addressed and stays silent otherwise.
   */
  public static TestingBot canned() {
    return new TestingBot(TestingBot::canned);
  }

  private static Outcome canned(IncomingMessage message) {
    if (message.text().contains(EXECUTION_POLICY) || message.channel() == Channel.COMMAND) {
      return new Outcome.Answer(
          List.of(new Finding("execution-policy", 0.97, List.of(EXECUTION_POLICY))),
          SampleReplies.answer("en"));
    }
    if (message.channel().addressed()) {
      return new Outcome.Unknown(List.of("collect-logs"), SampleReplies.dontKnow());
    }
    return new Outcome.Silent("not sure enough for an unaddressed message");
  }

  @Override
  public Outcome handle(IncomingMessage message) {
    return record(message, Optional.empty(), answers.apply(message));
  }

  @Override
  public Outcome handle(BotCommand command, IncomingMessage context) {
    return record(context, Optional.of(command), commands.apply(command, context));
  }

  private Outcome record(IncomingMessage message, Optional<BotCommand> command, Outcome outcome) {
    synchronized (handled) {
      handled.add(new Handled(message, command, outcome));
      handled.notifyAll();
    }
    return outcome;
  }

  /** Everything handled so far, in order. */
  public List<Handled> handled() {
    synchronized (handled) {
      return List.copyOf(handled);
    }
  }

  /** The messages handled so far, in order. */
  public List<IncomingMessage> received() {
    return handled().stream().map(Handled::message).toList();
  }

  /** The button commands handled so far, in order. */
  public List<BotCommand> commands() {
    return handled().stream().flatMap(h -> h.command().stream()).toList();
  }

  /** Waits until {@code count} messages were handled. */
  public List<Handled> awaitHandled(int count) throws InterruptedException {
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
