package dev.pastefix.core.pipeline.builtin;

import dev.pastefix.core.Channel;
import dev.pastefix.core.Inbound;
import dev.pastefix.core.Outcome;
import dev.pastefix.core.Turn;
import dev.pastefix.core.pipeline.Step;
import dev.pastefix.core.state.ConversationKey;
import dev.pastefix.core.state.ConversationStore;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Threads the bot spoke in: a channel message in such a thread counts as addressed ({@link
 * Channel#THREAD}), and a thread the bot answers in is remembered, the same for every platform.
 */
public final class ThreadFollowUp implements Step {
  private static final Logger LOG = LoggerFactory.getLogger(ThreadFollowUp.class);

  private final ConversationStore conversations;

  public ThreadFollowUp(ConversationStore conversations) {
    this.conversations = Objects.requireNonNull(conversations, "conversations");
  }

  @Override
  public Turn apply(Inbound in, Chain next) {
    Turn turn = next.proceed(addressedInThread(in));
    ConversationKey key = in.conversationKey();
    if (!(turn.outcome() instanceof Outcome.Silent) && key.thread().isPresent()) {
      try {
        conversations.markAnswered(key, ConversationStore.ANSWERED_THREAD_TTL);
      } catch (RuntimeException e) {
        LOG.debug("could not remember the answered thread {}", key.asString(), e);
      }
    }
    return turn;
  }

  private Inbound addressedInThread(Inbound in) {
    if (in.channel() != Channel.CHANNEL || in.conversationKey().thread().isEmpty()) {
      return in;
    }
    try {
      return conversations.isAnswered(in.conversationKey())
          ? in.from(in.origin().on(Channel.THREAD))
          : in;
    } catch (RuntimeException e) {
      LOG.debug("could not read the thread state of {}", in.conversationKey().asString(), e);
      return in;
    }
  }
}
