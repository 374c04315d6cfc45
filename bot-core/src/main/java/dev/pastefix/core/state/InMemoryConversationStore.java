package dev.pastefix.core.state;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Conversations in this process only; bounded, the oldest forgotten first. */
public final class InMemoryConversationStore implements ConversationStore {
  /** Conversations remembered at once, per kind of entry. */
  public static final int CAPACITY = 10_000;

  private final ExpiringTable<ConversationKey, Boolean> answered;
  private final ExpiringTable<ConversationKey, List<String>> questions;
  private final ExpiringTable<ConversationKey, LastAnswer> lastAnswers;

  public InMemoryConversationStore(Clock clock) {
    this(clock, CAPACITY);
  }

  public InMemoryConversationStore(Clock clock, int capacity) {
    this.answered = new ExpiringTable<>(clock, capacity);
    this.questions = new ExpiringTable<>(clock, capacity);
    this.lastAnswers = new ExpiringTable<>(clock, capacity);
  }

  @Override
  public synchronized void markAnswered(ConversationKey thread, Duration ttl) {
    answered.put(thread, Boolean.TRUE, ttl);
  }

  @Override
  public synchronized boolean isAnswered(ConversationKey thread) {
    return answered.get(thread).isPresent();
  }

  @Override
  public synchronized void openQuestion(
      ConversationKey conversation, List<String> entryIds, Duration ttl) {
    questions.put(conversation, List.copyOf(entryIds), ttl);
  }

  @Override
  public synchronized Optional<List<String>> takeQuestion(ConversationKey conversation) {
    return questions.remove(conversation);
  }

  @Override
  public synchronized void rememberAnswer(
      ConversationKey conversation, LastAnswer answer, Duration ttl) {
    lastAnswers.put(conversation, answer, ttl);
  }

  @Override
  public synchronized Optional<LastAnswer> lastAnswer(ConversationKey conversation) {
    return lastAnswers.get(conversation);
  }

  @Override
  public synchronized int purgeExpired() {
    java.time.Instant now = answered.now();
    return answered.purge(now) + questions.purge(now) + lastAnswers.purge(now);
  }
}
