package dev.pastefix.app;

import dev.pastefix.core.Bot;
import dev.pastefix.core.Finding;
import dev.pastefix.core.IncomingMessage;
import dev.pastefix.core.Outcome;
import dev.pastefix.core.state.AnswerLog;
import dev.pastefix.core.state.AnswerRecord;
import dev.pastefix.core.state.AnswerRecord.ScoredEntry;
import dev.pastefix.core.state.ConversationKey;
import dev.pastefix.core.state.OutcomeKind;
import dev.pastefix.core.state.Redaction;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Handles messages with a bot and appends each to an answer log, as the running bot does. */
final class LoggingBot implements Bot {
  private final Bot bot;
  private final AnswerLog log;
  private final Clock clock;

  LoggingBot(Bot bot, AnswerLog log, Clock clock) {
    this.bot = bot;
    this.log = log;
    this.clock = clock;
  }

  @Override
  public Outcome handle(IncomingMessage message) {
    Outcome outcome = bot.handle(message);
    List<ScoredEntry> candidates = new ArrayList<>();
    double confidence = 0;
    if (outcome instanceof Outcome.Answer a) {
      for (Finding f : a.findings()) {
        candidates.add(new ScoredEntry(f.entryId(), f.confidence()));
      }
      confidence = a.findings().get(0).confidence();
    } else if (outcome instanceof Outcome.Unknown u) {
      u.closestIds().forEach(id -> candidates.add(new ScoredEntry(id, 0.1)));
    }
    String[] parts = message.conversationKey().split(":", 3);
    log.append(
        new AnswerRecord(
            clock.instant(),
            parts[0],
            message.channel(),
            ConversationKey.of(parts[0], parts.length > 1 ? parts[1] : "-", parts.length > 2 ? parts[2] : "-"),
            message.senderId(),
            OutcomeKind.of(outcome),
            outcome.findingIds(),
            confidence,
            "en",
            Duration.ofMillis(1),
            Redaction.redact(message.text()),
            candidates,
            Optional.empty()));
    return outcome;
  }
}
