package dev.pastefix.discord;

import dev.pastefix.core.Bot;
import dev.pastefix.core.Channel;
import dev.pastefix.core.Finding;
import dev.pastefix.core.IncomingMessage;
import dev.pastefix.core.Outcome;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in engine for adapter tests that must not depend on the classifier: it recognises one
 * error text, answers commands, says "don't know" when addressed and stays silent otherwise. It
 * records what the adapter handed it.
 */
final class TestingBot implements Bot {
  static final String EXECUTION_POLICY = "running scripts is disabled on this system";

  private final List<IncomingMessage> received = new CopyOnWriteArrayList<>();

  @Override
  public Outcome handle(IncomingMessage message) {
    received.add(message);
    if (message.text().contains(EXECUTION_POLICY) || message.channel() == Channel.COMMAND) {
      return new Outcome.Answer(
          List.of(new Finding("execution-policy", 0.97, List.of(EXECUTION_POLICY))),
          SampleReplies.executionPolicy());
    }
    if (message.channel().addressed()) {
      return new Outcome.Unknown(List.of("collect-logs"), SampleReplies.dontKnow());
    }
    return new Outcome.Silent("not sure enough for an unaddressed message");
  }

  List<IncomingMessage> received() {
    return List.copyOf(received);
  }
}
