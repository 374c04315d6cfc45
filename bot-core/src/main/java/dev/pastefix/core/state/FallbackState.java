package dev.pastefix.core.state;

import dev.pastefix.core.feedback.FeedbackStore;
import dev.pastefix.core.feedback.Vote;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shared state with this process's memory behind it: while the shared store fails (its database
 * is gone), reads and writes go to memory, so the bot keeps answering and de-duplicates within this
 * instance. The problem is logged once per {@link #LOG_EVERY}; after a failure the shared store is
 * tried again every {@link #RETRY_AFTER}, and writes resume when it answers.
 */
public final class FallbackState {
  /** How often a continuing outage is logged. */
  public static final Duration LOG_EVERY = Duration.ofMinutes(1);

  /** How long the shared store is left alone after it failed, so messages do not wait on it. */
  public static final Duration RETRY_AFTER = Duration.ofSeconds(2);

  private static final Logger LOG = LoggerFactory.getLogger(FallbackState.class);

  private final Clock clock;
  private final String description;
  private Instant skipUntil = Instant.MIN;
  private Instant lastLogged = Instant.MIN;
  private boolean down;

  private FallbackState(Clock clock, String description) {
    this.clock = clock;
    this.description = description;
  }

  /**
   * {@code shared} backed by this process's memory; {@code description} names the store in the log
   * (a URL without its password).
   */
  public static BotState wrap(
      BotState shared, Clock clock, Duration retention, String description) {
    FallbackState outage = new FallbackState(Objects.requireNonNull(clock, "clock"), description);
    BotState memory = BotState.inMemory(clock, retention);
    return new BotState(
        outage.new Seen(shared.seenEvents(), (InMemorySeenEvents) memory.seenEvents()),
        outage.new Conversations(shared.conversations(), memory.conversations()),
        outage.new Pending(shared.pendingChecks(), memory.pendingChecks()),
        outage.new Shareable(shared.shareableReplies(), memory.shareableReplies()),
        outage.new Feedback(shared.feedback(), memory.feedback()),
        outage.new Log(shared.answerLog(), memory.answerLog()));
  }

  /** Whether the shared store failed and has not answered since. */
  public synchronized boolean down() {
    return down;
  }

  private synchronized boolean sharedUsable() {
    return !clock.instant().isBefore(skipUntil);
  }

  private synchronized void failed(RuntimeException e) {
    Instant now = clock.instant();
    skipUntil = now.plus(RETRY_AFTER);
    if (!down || !now.isBefore(lastLogged.plus(LOG_EVERY))) {
      LOG.warn(
          "state store {} unavailable ({}); answering with this instance's memory until it is back",
          description,
          e.toString());
      lastLogged = now;
    }
    down = true;
  }

  private synchronized void succeeded() {
    if (down) {
      down = false;
      LOG.info("state store {} is back; writing to it again", description);
    }
  }

  private <T> T either(Supplier<T> shared, Supplier<T> memory) {
    if (sharedUsable()) {
      try {
        T value = shared.get();
        succeeded();
        return value;
      } catch (RefusedValue e) {
        // The request was wrong, not the store: refuse it, keep using the store for everyone.
        throw e;
      } catch (RuntimeException e) {
        failed(e);
      }
    }
    return memory.get();
  }

  private void write(Runnable shared, Runnable memory) {
    this.<Object>either(
        () -> {
          shared.run();
          return null;
        },
        () -> {
          memory.run();
          return null;
        });
  }

  private final class Seen implements SeenEvents {
    private final SeenEvents shared;
    private final InMemorySeenEvents memory;

    Seen(SeenEvents shared, InMemorySeenEvents memory) {
      this.shared = shared;
      this.memory = memory;
    }

    @Override
    public boolean claim(String key, String payload, Duration ttl) {
      // Claimed here during an outage: a later shared claim of the same key is a duplicate too.
      return either(
          () -> !memory.holds(key) && shared.claim(key, payload, ttl),
          () -> memory.claim(key, payload, ttl));
    }

    @Override
    public void answered(String key) {
      memory.answered(key);
      write(() -> shared.answered(key), () -> {});
    }

    @Override
    public List<StaleClaim> takeOverStale(String keyPrefix, Duration staleAfter, int limit) {
      return either(() -> shared.takeOverStale(keyPrefix, staleAfter, limit), List::of);
    }

    @Override
    public int purgeExpired() {
      return memory.purgeExpired() + either(shared::purgeExpired, () -> 0);
    }
  }

  private final class Conversations implements ConversationStore {
    private final ConversationStore shared;
    private final ConversationStore memory;

    Conversations(ConversationStore shared, ConversationStore memory) {
      this.shared = shared;
      this.memory = memory;
    }

    @Override
    public void markAnswered(ConversationKey thread, Duration ttl) {
      write(() -> shared.markAnswered(thread, ttl), () -> memory.markAnswered(thread, ttl));
    }

    @Override
    public boolean isAnswered(ConversationKey thread) {
      return memory.isAnswered(thread) || either(() -> shared.isAnswered(thread), () -> false);
    }

    @Override
    public void openQuestion(ConversationKey conversation, List<String> entryIds, Duration ttl) {
      write(
          () -> shared.openQuestion(conversation, entryIds, ttl),
          () -> memory.openQuestion(conversation, entryIds, ttl));
    }

    @Override
    public Optional<List<String>> takeQuestion(ConversationKey conversation) {
      Optional<List<String>> local = memory.takeQuestion(conversation);
      Optional<List<String>> remote =
          either(() -> shared.takeQuestion(conversation), Optional::empty);
      return remote.isPresent() ? remote : local;
    }

    @Override
    public void rememberAnswer(ConversationKey conversation, LastAnswer answer, Duration ttl) {
      write(
          () -> shared.rememberAnswer(conversation, answer, ttl),
          () -> memory.rememberAnswer(conversation, answer, ttl));
    }

    @Override
    public Optional<LastAnswer> lastAnswer(ConversationKey conversation) {
      Optional<LastAnswer> remote = either(() -> shared.lastAnswer(conversation), Optional::empty);
      return remote.isPresent() ? remote : memory.lastAnswer(conversation);
    }

    @Override
    public int purgeExpired() {
      return memory.purgeExpired() + either(shared::purgeExpired, () -> 0);
    }
  }

  private final class Pending implements PendingCheckStore {
    private final PendingCheckStore shared;
    private final PendingCheckStore memory;

    Pending(PendingCheckStore shared, PendingCheckStore memory) {
      this.shared = shared;
      this.memory = memory;
    }

    @Override
    public void start(ConversationKey conversation, String checkId, Duration ttl) {
      write(
          () -> shared.start(conversation, checkId, ttl),
          () -> memory.start(conversation, checkId, ttl));
    }

    @Override
    public Optional<String> pending(ConversationKey conversation) {
      Optional<String> remote = either(() -> shared.pending(conversation), Optional::empty);
      return remote.isPresent() ? remote : memory.pending(conversation);
    }

    @Override
    public void finish(ConversationKey conversation) {
      memory.finish(conversation);
      write(() -> shared.finish(conversation), () -> {});
    }

    @Override
    public int purgeExpired() {
      return memory.purgeExpired() + either(shared::purgeExpired, () -> 0);
    }
  }

  private final class Shareable implements ShareableReplies {
    private final ShareableReplies shared;
    private final ShareableReplies memory;

    Shareable(ShareableReplies shared, ShareableReplies memory) {
      this.shared = shared;
      this.memory = memory;
    }

    @Override
    public String keep(String payload, Duration ttl) {
      return either(() -> shared.keep(payload, ttl), () -> memory.keep(payload, ttl));
    }

    @Override
    public Optional<String> find(String id) {
      Optional<String> local = memory.find(id);
      return local.isPresent() ? local : either(() -> shared.find(id), Optional::empty);
    }

    @Override
    public int purgeExpired() {
      return memory.purgeExpired() + either(shared::purgeExpired, () -> 0);
    }
  }

  private final class Feedback implements FeedbackStore {
    private final FeedbackStore shared;
    private final FeedbackStore memory;

    Feedback(FeedbackStore shared, FeedbackStore memory) {
      this.shared = shared;
      this.memory = memory;
    }

    @Override
    public void record(Vote vote) {
      write(() -> shared.record(vote), () -> memory.record(vote));
    }

    @Override
    public List<Vote> votesOn(String answerKey) {
      return merged(either(() -> shared.votesOn(answerKey), List::of), memory.votesOn(answerKey));
    }

    @Override
    public List<Vote> all() {
      return merged(either(shared::all, List::of), memory.all());
    }

    /** Votes of both stores, a voter's later vote on an answer replacing the earlier one. */
    private List<Vote> merged(List<Vote> remote, List<Vote> local) {
      if (local.isEmpty()) {
        return remote;
      }
      Map<String, Vote> byVoter = new LinkedHashMap<>();
      List<Vote> all = new ArrayList<>(remote);
      all.addAll(local);
      all.sort((a, b) -> a.at().compareTo(b.at()));
      for (Vote v : all) {
        byVoter.remove(v.answerKey() + "\n" + v.voterId());
        byVoter.put(v.answerKey() + "\n" + v.voterId(), v);
      }
      return List.copyOf(byVoter.values());
    }
  }

  private final class Log implements AnswerLog {
    private final AnswerLog shared;
    private final AnswerLog memory;

    Log(AnswerLog shared, AnswerLog memory) {
      this.shared = shared;
      this.memory = memory;
    }

    @Override
    public void append(AnswerRecord record) {
      write(() -> shared.append(record), () -> memory.append(record));
    }

    @Override
    public List<AnswerRecord> since(Instant from) {
      List<AnswerRecord> local = memory.since(from);
      List<AnswerRecord> remote = either(() -> shared.since(from), List::of);
      if (local.isEmpty()) {
        return remote;
      }
      List<AnswerRecord> all = new ArrayList<>(remote);
      all.addAll(local);
      all.sort((a, b) -> a.at().compareTo(b.at()));
      return all;
    }

    @Override
    public int purgeExpired() {
      return memory.purgeExpired() + either(shared::purgeExpired, () -> 0);
    }
  }
}
