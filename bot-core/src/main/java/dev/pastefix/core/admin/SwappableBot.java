package dev.pastefix.core.admin;

import dev.pastefix.core.Bot;
import dev.pastefix.core.Handled;
import dev.pastefix.core.IncomingMessage;
import dev.pastefix.core.Outcome;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A bot whose engine can be replaced while it runs: each message is handled by whichever engine is
 * current when it arrives, whole, so a message is answered by the old knowledge or the new one and
 * never by one half built.
 */
public final class SwappableBot implements Bot {
  private final AtomicReference<Bot> current;

  public SwappableBot(Bot initial) {
    this.current = new AtomicReference<>(Objects.requireNonNull(initial, "initial"));
  }

  /** A button's command goes to {@code current} unchanged. */
  @Override
  public Outcome handle(dev.pastefix.core.reply.BotCommand command, IncomingMessage context) {
    return current.get().handle(command, context);
  }

  @Override
  public Outcome handle(IncomingMessage message) {
    return current.get().handle(message);
  }

  @Override
  public Handled handleTraced(IncomingMessage message) {
    return current.get().handleTraced(message);
  }

  /** Makes {@code next} answer every message from now on; returns the one it replaces. */
  public Bot swap(Bot next) {
    return current.getAndSet(Objects.requireNonNull(next, "next"));
  }

  /** The engine answering now. */
  public Bot current() {
    return current.get();
  }
}
