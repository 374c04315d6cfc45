package dev.pastefix.core.check;

import dev.pastefix.core.Bot;
import dev.pastefix.core.IncomingMessage;
import dev.pastefix.core.Outcome;
import java.util.Objects;
import java.util.Optional;

/**
 * Puts checks in front of the engine: {@code check ...} requests and the output a conversation's
 * pending guided check waits for are answered here; every other message goes to the engine.
 */
public final class CheckingBot implements Bot {
  private final Bot engine;
  private final CheckDesk desk;

  public CheckingBot(Bot engine, CheckDesk desk) {
    this.engine = Objects.requireNonNull(engine, "engine");
    this.desk = Objects.requireNonNull(desk, "desk");
  }

  @Override
  public Outcome handle(IncomingMessage message) {
    Optional<String> check = desk.checkArguments(message);
    if (check.isPresent()) {
      return desk.command(check.get(), message);
    }
    Optional<Outcome> verdict = desk.followUp(message);
    if (verdict.isPresent()) {
      return verdict.get();
    }
    return engine.handle(message);
  }
}
