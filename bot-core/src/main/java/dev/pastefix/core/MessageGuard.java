package dev.pastefix.core;

import dev.pastefix.core.answer.ReplyComposer;
import dev.pastefix.core.reply.BotCommand;
import dev.pastefix.core.text.LanguageGuesser;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles each message inside a guard: any failure short of running out of memory (a bug, a stack
 * overflow) becomes a polite "could not read this" reply in the message's language, or silence when
 * nobody addressed the bot; it is logged and counted, and the caller's worker or console carries on
 * with the next message. Thread-safe.
 */
public final class MessageGuard implements Bot {
  private static final Logger LOG = LoggerFactory.getLogger(MessageGuard.class);

  /** Characters of a failed message read to guess its language; the guess needs few. */
  static final int LANGUAGE_SAMPLE_CHARS = 2_000;

  private final Bot inner;
  private final AtomicLong failures = new AtomicLong();

  public MessageGuard(Bot inner) {
    this.inner = Objects.requireNonNull(inner, "inner");
  }

  @Override
  public Outcome handle(IncomingMessage message) {
    return guarded(message, () -> inner.handle(message));
  }

  @Override
  public Handled handleTraced(IncomingMessage message) {
    Handled[] traced = new Handled[1];
    Outcome outcome =
        guarded(
            message,
            () -> {
              traced[0] = inner.handleTraced(message);
              return traced[0].outcome();
            });
    return traced[0] != null && traced[0].outcome() == outcome ? traced[0] : Handled.of(outcome);
  }

  @Override
  public Outcome handle(BotCommand command, IncomingMessage context) {
    return guarded(context, () -> inner.handle(command, context));
  }

  private Outcome guarded(IncomingMessage message, Supplier<Outcome> work) {
    try {
      return work.get();
    } catch (OutOfMemoryError e) {
      // Nothing sensible can run without memory; the process's own handler decides.
      throw e;
    } catch (Throwable e) {
      long count = failures.incrementAndGet();
      LOG.error(
          "failed on a {} message of {} chars ({} failures so far)",
          message.channel().name().toLowerCase(Locale.ROOT),
          message.text().length(),
          count,
          e);
      if (!message.channel().addressed()) {
        return new Outcome.Silent("internal error: " + e.getClass().getSimpleName());
      }
      return new Outcome.Unknown(List.of(), ReplyComposer.couldNotRead(language(message)));
    }
  }

  /** How many messages failed since start-up. */
  public long failures() {
    return failures.get();
  }

  private static String language(IncomingMessage message) {
    try {
      String text = message.text();
      return new LanguageGuesser()
          .guess(text.substring(0, Math.min(text.length(), LANGUAGE_SAMPLE_CHARS)));
    } catch (RuntimeException | StackOverflowError e) {
      return "en";
    }
  }
}
