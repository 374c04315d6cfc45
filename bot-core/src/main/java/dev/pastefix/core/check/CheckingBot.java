package dev.pastefix.core.check;

import dev.pastefix.core.Bot;
import dev.pastefix.core.Handled;
import dev.pastefix.core.IncomingMessage;
import dev.pastefix.core.Outcome;
import dev.pastefix.core.reply.Block;
import dev.pastefix.core.reply.BotCommand;
import dev.pastefix.core.reply.Reply;
import dev.pastefix.core.reply.Severity;
import dev.pastefix.core.reply.Span;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts checks in front of the engine: {@code check ...} requests and the output a conversation's
 * pending guided check waits for are answered here; every other message goes to the engine.
 */
public final class CheckingBot implements Bot {
  private static final Logger LOG = LoggerFactory.getLogger(CheckingBot.class);

  private final Bot engine;
  private final CheckDesk desk;

  public CheckingBot(Bot engine, CheckDesk desk) {
    this.engine = Objects.requireNonNull(engine, "engine");
    this.desk = Objects.requireNonNull(desk, "desk");
  }

  @Override
  public Outcome handle(IncomingMessage message) {
    return handleTraced(message).outcome();
  }

  @Override
  public Handled handleTraced(IncomingMessage message) {
    Optional<String> check = desk.checkArguments(message);
    if (check.isPresent()) {
      return Handled.of(guarded(() -> desk.command(check.get(), message), message));
    }
    Optional<Outcome> verdict = Optional.empty();
    try {
      verdict = desk.followUp(message);
    } catch (RuntimeException e) {
      // A failing interpreter must not cost the message its diagnosis.
      LOG.warn("reading a pending check's output failed", e);
    }
    if (verdict.isPresent()) {
      return Handled.of(verdict.get());
    }
    return engine.handleTraced(message);
  }

  /** A "Run check" button: the check runs as the button named it, never re-read from text. */
  @Override
  public Outcome handle(BotCommand command, IncomingMessage context) {
    if (command instanceof BotCommand.RunCheck run) {
      return guarded(() -> desk.run(run, context), context);
    }
    return engine.handle(command, context);
  }

  private static Outcome guarded(Supplier<Outcome> check, IncomingMessage message) {
    try {
      return check.get();
    } catch (RuntimeException e) {
      LOG.warn("check failed on a message of {} chars", message.text().length(), e);
      return new Outcome.Unknown(
          List.of(),
          new Reply(
              "The check could not run",
              List.of(
                  new Block.Note(
                      Severity.WARNING,
                      List.of(
                          new Span.Plain(
                              "The check could not run ("
                                  + e.getClass().getSimpleName()
                                  + "); please try again.")))),
              List.of()));
    }
  }
}
