package dev.pastefix.app;

import dev.pastefix.core.Bot;
import dev.pastefix.core.IncomingMessage;
import dev.pastefix.core.Outcome;
import java.util.ArrayList;
import java.util.List;

/** The real engine, with a record of every message it was handed. */
final class TestingBot implements Bot {
  private final Bot engine;
  private final List<IncomingMessage> seen = new ArrayList<>();

  TestingBot(Bot engine) {
    this.engine = engine;
  }

  @Override
  public synchronized Outcome handle(IncomingMessage message) {
    seen.add(message);
    return engine.handle(message);
  }

  synchronized List<IncomingMessage> seen() {
    return List.copyOf(seen);
  }
}
