package dev.pastefix.core.state;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Shareable replies in this process only; bounded, the oldest forgotten first. */
public final class InMemoryShareableReplies implements ShareableReplies {
  /** Replies kept at once. */
  public static final int CAPACITY = 2_000;

  private final ExpiringTable<String, String> replies;

  public InMemoryShareableReplies(Clock clock) {
    this(clock, CAPACITY);
  }

  public InMemoryShareableReplies(Clock clock, int capacity) {
    this.replies = new ExpiringTable<>(clock, capacity);
  }

  @Override
  public synchronized String keep(String payload, Duration ttl) {
    Objects.requireNonNull(payload, "payload");
    String id = UUID.randomUUID().toString();
    replies.put(id, payload, ttl);
    return id;
  }

  @Override
  public synchronized Optional<String> find(String id) {
    return replies.get(id);
  }

  @Override
  public synchronized int purgeExpired() {
    return replies.purge(replies.now());
  }
}
