package dev.pastefix.teams;

import dev.pastefix.core.Bot;
import dev.pastefix.core.IncomingMessage;
import dev.pastefix.core.Outcome;
import dev.pastefix.core.reply.BotCommand;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Passes messages to a real engine and keeps what the adapter handed over, for assertions. */
final class RecordingBot implements Bot {
  private final Bot engine;
  private final List<IncomingMessage> received = new CopyOnWriteArrayList<>();
  private final List<BotCommand> commands = new CopyOnWriteArrayList<>();

  RecordingBot(Bot engine) {
    this.engine = engine;
  }

  @Override
  public Outcome handle(IncomingMessage message) {
    received.add(message);
    return engine.handle(message);
  }

  @Override
  public Outcome handle(BotCommand command, IncomingMessage context) {
    received.add(context);
    commands.add(command);
    return engine.handle(command, context);
  }

  List<BotCommand> commands() {
    return List.copyOf(commands);
  }

  List<IncomingMessage> received() {
    return List.copyOf(received);
  }

  void clear() {
    received.clear();
  }
}
