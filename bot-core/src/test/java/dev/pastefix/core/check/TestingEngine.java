package dev.pastefix.core.check;

import dev.pastefix.core.Bot;
import dev.pastefix.core.IncomingMessage;
import dev.pastefix.core.Outcome;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Stands in for the diagnosing engine: records what reaches it and stays silent. */
final class TestingEngine implements Bot {
  final List<IncomingMessage> received = new CopyOnWriteArrayList<>();

  @Override
  public Outcome handle(IncomingMessage message) {
    received.add(message);
    return new Outcome.Silent("diagnosis");
  }
}
