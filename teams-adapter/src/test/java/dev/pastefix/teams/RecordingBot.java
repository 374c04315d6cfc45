package dev.pastefix.teams;

import dev.pastefix.core.Bot;
import dev.pastefix.core.IncomingMessage;
import dev.pastefix.core.Outcome;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Passes messages to a real engine and keeps what the adapter handed over, for assertions. */
final class RecordingBot implements Bot {
  private final Bot engine;
  private final List<IncomingMessage> received = new CopyOnWriteArrayList<>();

  RecordingBot(Bot engine) {
    this.engine = engine;
  }

  @Override
  public Outcome handle(IncomingMessage message) {
    received.add(message);
    return engine.handle(message);
  }

  List<IncomingMessage> received() {
    return List.copyOf(received);
  }

  void clear() {
    received.clear();
  }
}
