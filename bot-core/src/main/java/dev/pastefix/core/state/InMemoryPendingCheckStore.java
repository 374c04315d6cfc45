package dev.pastefix.core.state;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** Pending checks in this process only; bounded, the oldest forgotten first. */
public final class InMemoryPendingCheckStore implements PendingCheckStore {
  /** Conversations waiting at once. */
  public static final int CAPACITY = 10_000;

  private final ExpiringTable<ConversationKey, String> pending;

  public InMemoryPendingCheckStore(Clock clock) {
    this(clock, CAPACITY);
  }

  public InMemoryPendingCheckStore(Clock clock, int capacity) {
    this.pending = new ExpiringTable<>(clock, capacity);
  }

  @Override
  public synchronized void start(ConversationKey conversation, String checkId, Duration ttl) {
    Objects.requireNonNull(conversation, "conversation");
    Objects.requireNonNull(checkId, "checkId");
    pending.put(conversation, checkId, ttl);
  }

  @Override
  public synchronized Optional<String> pending(ConversationKey conversation) {
    return pending.get(conversation);
  }

  @Override
  public synchronized void finish(ConversationKey conversation) {
    pending.remove(conversation);
  }

  @Override
  public synchronized int purgeExpired() {
    return pending.purge(pending.now());
  }

  /** Rows held, expired ones included until purged or touched. */
  synchronized int size() {
    return pending.size();
  }
}
