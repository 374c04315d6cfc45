package dev.pastefix.core;

import dev.pastefix.core.state.AnswerLog;
import dev.pastefix.core.state.AnswerRecord;
import dev.pastefix.core.state.ConversationKey;
import dev.pastefix.core.state.ConversationStore;
import dev.pastefix.core.state.OutcomeKind;
import dev.pastefix.core.state.Redaction;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the conversation state around a bot, the same for every platform: a message in a thread the
 * bot answered counts as addressed ({@link Channel#THREAD}); a thread the bot speaks in is
 * remembered as answered; every handled message is appended to the answer log with its text
 * redacted. The log is written on {@code logWriter} so that storage never slows an answer.
 */
public final class StatefulBot implements Bot {
  private static final Logger LOG = LoggerFactory.getLogger(StatefulBot.class);

  private final Bot inner;
  private final ConversationStore conversations;
  private final AnswerLog answerLog;
  private final Executor logWriter;
  private final Clock clock;

  public StatefulBot(
      Bot inner,
      ConversationStore conversations,
      AnswerLog answerLog,
      Executor logWriter,
      Clock clock) {
    this.inner = Objects.requireNonNull(inner, "inner");
    this.conversations = Objects.requireNonNull(conversations, "conversations");
    this.answerLog = Objects.requireNonNull(answerLog, "answerLog");
    this.logWriter = Objects.requireNonNull(logWriter, "logWriter");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** A button's command goes to {@code inner} unchanged. */
  @Override
  public Outcome handle(dev.pastefix.core.reply.BotCommand command, IncomingMessage context) {
    return inner.handle(command, context);
  }

  @Override
  public Outcome handle(IncomingMessage message) {
    return handleTraced(message).outcome();
  }

  @Override
  public Handled handleTraced(IncomingMessage original) {
    Instant at = clock.instant();
    IncomingMessage message = addressedInThread(original);
    long started = System.nanoTime();
    Handled handled = inner.handleTraced(message);
    Duration latency = Duration.ofNanos(System.nanoTime() - started);
    ConversationKey key = message.conversationKey();
    if (!(handled.outcome() instanceof Outcome.Silent) && key.thread().isPresent()) {
      try {
        conversations.markAnswered(key, ConversationStore.ANSWERED_THREAD_TTL);
      } catch (RuntimeException e) {
        LOG.debug("could not remember the answered thread {}", key.asString(), e);
      }
    }
    log(message, handled, at, latency);
    return handled;
  }

  /** A channel message in a thread the bot answered is a follow-up to that answer. */
  private IncomingMessage addressedInThread(IncomingMessage message) {
    if (message.channel() != Channel.CHANNEL || message.conversationKey().thread().isEmpty()) {
      return message;
    }
    try {
      return conversations.isAnswered(message.conversationKey())
          ? message.on(Channel.THREAD)
          : message;
    } catch (RuntimeException e) {
      LOG.debug("could not read the thread state of {}", message.conversationKey().asString(), e);
      return message;
    }
  }

  private void log(IncomingMessage message, Handled handled, Instant at, Duration latency) {
    try {
      logWriter.execute(
          () -> {
            try {
              answerLog.append(
                  new AnswerRecord(
                      at,
                      message.platform(),
                      message.channel(),
                      message.conversationKey(),
                      message.senderId(),
                      OutcomeKind.of(handled.outcome()),
                      handled.outcome().findingIds(),
                      handled.confidence(),
                      handled.language(),
                      latency,
                      Redaction.redact(message.text()),
                      handled.candidates(),
                      Optional.empty()));
            } catch (RuntimeException e) {
              LOG.debug("could not append to the answer log", e);
            }
          });
    } catch (RejectedExecutionException e) {
      LOG.debug("answer log queue full; one row not written");
    }
  }
}
