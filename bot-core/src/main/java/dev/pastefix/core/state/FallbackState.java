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
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shared state with this process's memory behind it. Every call to the shared store has a
 * deadline; a call that fails or passes it puts the state in memory (degraded), so the bot keeps
 * answering and de-duplicates within this instance: memory also knows every claim this instance
 * made in the shared store recently (write-through), so a retry of a message claimed before the
 * outage is still recognised. While degraded the shared store is left alone except for a probe
 * every {@link #PROBE_EVERY}; once it answers, what was written only in memory goes back to it in
 * order (answer-log rows, votes, claims and answered marks, pending checks, open questions, trusted
 * endpoints), each write idempotent, then the state is shared again. The outage is logged once when
 * it starts, once a {@link #LOG_EVERY} while it lasts, and once when it ends.
 */
public final class FallbackState implements AutoCloseable {
  /** How often a continuing outage is logged. */
  public static final Duration LOG_EVERY = Duration.ofMinutes(1);

  /** How often a store that failed is asked whether it is back. */
  public static final Duration PROBE_EVERY = Duration.ofSeconds(2);

  /**
   * How long one call may take before the store counts as down for it: one statement with its wait
   * for a connection, well inside the 3 seconds Slack gives an acknowledgement.
   */
  public static final Duration CALL_DEADLINE = Duration.ofMillis(1500);

  /** Writes sent back per round, so that one round never holds the store (or the thread) long. */
  static final int WRITE_BACK_BATCH = 2_000;

  /** Calls to the shared store under way at once; beyond, a call counts as the store being down. */
  static final int CALLERS = 32;

  private static final Logger LOG = LoggerFactory.getLogger(FallbackState.class);

  private final BotState shared;
  private final BotState memory;
  private final Runnable probe;
  private final Clock clock;
  private final String description;
  private final Duration deadline;
  private final WriteBack backlog = new WriteBack();
  private final ThreadPoolExecutor callers;
  private final ScheduledThreadPoolExecutor keeper;
  private final BotState state;
  private final Object keeping = new Object();

  private boolean degraded;
  private Instant degradedSince = Instant.MIN;
  private Instant lastLogged = Instant.MIN;
  private Duration degradedBefore = Duration.ZERO;
  private long writtenBack;
  private long droppedReported;

  private FallbackState(
      BotState shared,
      Runnable probe,
      Clock clock,
      Duration retention,
      String description,
      Duration deadline) {
    this.shared = Objects.requireNonNull(shared, "shared");
    this.probe = Objects.requireNonNull(probe, "probe");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.description = Objects.requireNonNull(description, "description");
    this.deadline = Objects.requireNonNull(deadline, "deadline");
    this.memory = BotState.inMemory(clock, retention);
    AtomicInteger count = new AtomicInteger();
    this.callers =
        new ThreadPoolExecutor(
            0,
            CALLERS,
            30,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            r -> daemon(r, "pastefix-state-call-" + count.incrementAndGet()));
    this.keeper = new ScheduledThreadPoolExecutor(1, r -> daemon(r, "pastefix-state-keeper"));
    this.state =
        new BotState(
            new Seen(shared.seenEvents(), (InMemorySeenEvents) memory.seenEvents()),
            new Conversations(shared.conversations(), memory.conversations()),
            new Pending(shared.pendingChecks(), memory.pendingChecks()),
            new Shareable(shared.shareableReplies(), memory.shareableReplies()),
            new Feedback(shared.feedback(), memory.feedback()),
            new Log(shared.answerLog()),
            new Trusted(shared.trustedEndpoints(), memory.trustedEndpoints()));
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  /**
   * {@code shared} backed by this process's memory, asking {@code probe} (which throws while the
   * store is down) whether it is back; {@code description} names the store in the log (a URL
   * without its password), {@code deadline} bounds every call. Probing and writing back run on a
   * thread of its own until {@link #close()}.
   */
  public static FallbackState open(
      BotState shared,
      Runnable probe,
      Clock clock,
      Duration retention,
      String description,
      Duration deadline) {
    FallbackState fallback = unattended(shared, probe, clock, retention, description, deadline);
    fallback.keeper.scheduleWithFixedDelay(
        fallback::keep, PROBE_EVERY.toMillis(), PROBE_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    return fallback;
  }

  /** As {@link #open}, probing and writing back only when {@link #keep()} is called (tests). */
  static FallbackState unattended(
      BotState shared,
      Runnable probe,
      Clock clock,
      Duration retention,
      String description,
      Duration deadline) {
    return new FallbackState(shared, probe, clock, retention, description, deadline);
  }

  /**
   * {@code shared} backed by this process's memory, with the default deadline, probed by a sweep
   * for stale claims that takes none. For tools and tests that do not keep the handle.
   */
  public static BotState wrap(
      BotState shared, Clock clock, Duration retention, String description) {
    return open(
            shared,
            () -> shared.seenEvents().takeOverStale("", Duration.ZERO, 0),
            clock,
            retention,
            description,
            CALL_DEADLINE)
        .state();
  }

  /** The state the bot uses. */
  public BotState state() {
    return state;
  }

  /** Whether the state is in memory now: the shared store failed and has not been written back. */
  public synchronized boolean degraded() {
    return degraded;
  }

  /** The time spent degraded since the start, the current outage included. */
  public synchronized Duration timeDegraded() {
    if (!degraded) {
      return degradedBefore;
    }
    return degradedBefore.plus(Duration.between(degradedSince, clock.instant()));
  }

  /** Writes made in memory that wait to go back to the shared store. */
  public int waiting() {
    return backlog.size();
  }

  /** Writes written back to the shared store since the start. */
  public synchronized long writtenBack() {
    return writtenBack;
  }

  /** Writes dropped because too many waited (the outage was long and busy), since the start. */
  public long dropped() {
    return backlog.dropped();
  }

  /** Stops probing and writing back; what waits is lost (see the README on restarts). */
  @Override
  public void close() {
    keeper.shutdownNow();
    callers.shutdownNow();
    int left = backlog.size();
    if (left > 0) {
      LOG.warn(
          "state store {}: {} writes made during the outage were not written back and are lost",
          description,
          left);
    }
  }

  // ------------------------------------------------------------------ health

  private synchronized boolean usable() {
    return !degraded;
  }

  /**
   * The store failed a call: one line when the outage starts; the reminders are {@link #keep}'s.
   */
  private void failed(String why) {
    synchronized (this) {
      if (degraded) {
        return;
      }
      degraded = true;
      degradedSince = clock.instant();
      lastLogged = degradedSince;
    }
    LOG.warn(
        "state store {} unavailable ({}); answering from this instance's memory until it is back",
        description,
        why);
  }

  /**
   * Runs on the keeper thread every {@link #PROBE_EVERY}: while degraded, asks the store whether it
   * is back (a reminder once a {@link #LOG_EVERY}); once it is, writes back what waits and shares
   * the state again.
   */
  void keep() {
    synchronized (keeping) {
      keepNow();
    }
  }

  private void keepNow() {
    try {
      if (degraded()) {
        try {
          call(
              () -> {
                probe.run();
                return Boolean.TRUE;
              });
        } catch (Unavailable e) {
          remind();
          return;
        }
        // Writes made from now on still go to memory and the queue, so nothing overtakes an
        // older write of the same key; a busy outage drains in rounds before the state is shared.
        if (!writeBack()) {
          remind();
          return;
        }
        back();
      } else if (backlog.size() > 0) {
        // Writes queued by calls that raced the return: written after it, in order.
        writeBack();
      }
    } catch (RuntimeException e) {
      LOG.error("state store {}: writing back failed", description, e);
    }
  }

  private void remind() {
    Instant now = clock.instant();
    Duration down;
    synchronized (this) {
      if (now.isBefore(lastLogged.plus(LOG_EVERY))) {
        return;
      }
      lastLogged = now;
      down = Duration.between(degradedSince, now);
    }
    LOG.warn(
        "state store {} still unavailable after {} s; {} writes wait to be written back{}",
        description,
        down.toSeconds(),
        backlog.size(),
        droppedNote());
  }

  private String droppedNote() {
    long dropped = backlog.dropped();
    synchronized (this) {
      if (dropped == droppedReported) {
        return "";
      }
      droppedReported = dropped;
    }
    return " (" + dropped + " older ones dropped: too many waited)";
  }

  /** Whether the queue went down to where the state can be shared again. */
  private boolean writeBack() {
    int round = 0;
    while (round < WRITE_BACK_BATCH) {
      Optional<WriteBack.Write> next = backlog.next();
      if (next.isEmpty()) {
        return true;
      }
      WriteBack.Write write = next.get();
      Instant now = clock.instant();
      if (write.expires().map(e -> !now.isBefore(e)).orElse(false)) {
        backlog.done(write);
        continue;
      }
      try {
        call(
            () -> {
              write.write().accept(now);
              return Boolean.TRUE;
            });
      } catch (RefusedValue e) {
        // The store will never take it: keeping it would block every write behind it.
        LOG.warn("state store {}: a write made during the outage was refused: {}", description, e);
      } catch (Unavailable e) {
        failed(e.getMessage());
        return false;
      }
      backlog.done(write);
      round++;
      synchronized (this) {
        writtenBack++;
      }
    }
    // The rest goes in the next rounds, the state still in memory so nothing overtakes it.
    return backlog.size() == 0;
  }

  private void back() {
    Duration down;
    long written;
    synchronized (this) {
      if (!degraded) {
        return;
      }
      degraded = false;
      down = Duration.between(degradedSince, clock.instant());
      degradedBefore = degradedBefore.plus(down);
      written = writtenBack;
    }
    LOG.info(
        "state store {} is back after {} s; {} writes made meanwhile are written back to it{}",
        description,
        down.toSeconds(),
        written,
        droppedNote());
  }

  // ------------------------------------------------------------------ calls

  /** The store did not answer a call in time, or failed it. */
  private static final class Unavailable extends Exception {
    private static final long serialVersionUID = 1L;

    Unavailable(String message) {
      super(message);
    }
  }

  /** Runs {@code task} against the shared store within the deadline. */
  private <T> T call(Supplier<T> task) throws Unavailable {
    Future<T> result;
    try {
      result = callers.submit(task::get);
    } catch (RejectedExecutionException e) {
      throw new Unavailable(CALLERS + " calls to it are under way already");
    }
    try {
      return result.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      // Left to finish on its own: the statement has a deadline of its own below this one.
      throw new Unavailable("no answer within " + deadline.toMillis() + " ms");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RefusedValue) {
        // The request was wrong, not the store: refuse it, keep using the store for everyone.
        throw (RefusedValue) cause;
      }
      if (cause instanceof Error) {
        throw (Error) cause;
      }
      throw new Unavailable(String.valueOf(cause));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Unavailable("interrupted");
    }
  }

  /** The shared store's answer while it is usable, else (or when it fails now) memory's. */
  private <T> T read(Supplier<T> fromShared, Supplier<T> fromMemory) {
    if (usable()) {
      try {
        return call(fromShared);
      } catch (Unavailable e) {
        failed(e.getMessage());
      }
    }
    return fromMemory.get();
  }

  /**
   * Writes to the shared store while it is usable; else (or when it fails now) to memory, queued to
   * be written back.
   */
  private void write(Runnable toShared, Runnable toMemory, WriteBack.Write later) {
    if (usable()) {
      try {
        call(
            () -> {
              toShared.run();
              return Boolean.TRUE;
            });
        return;
      } catch (Unavailable e) {
        failed(e.getMessage());
      }
    }
    toMemory.run();
    backlog.add(later);
  }

  private WriteBack.Write later(WriteBack.Kind kind, Consumer<Instant> write) {
    return new WriteBack.Write(kind, write, Optional.empty(), Optional.empty());
  }

  /** A write of something that lives {@code ttl} from now; it is written back with what is left. */
  private WriteBack.Write expiring(
      WriteBack.Kind kind, Duration ttl, java.util.function.BiConsumer<Instant, Duration> write) {
    Instant expires = clock.instant().plus(ttl);
    return new WriteBack.Write(
        kind,
        now -> write.accept(now, Duration.between(now, expires)),
        Optional.of(expires),
        Optional.empty());
  }

  // ------------------------------------------------------------------ the stores

  private final class Seen implements SeenEvents {
    private final SeenEvents shared;
    private final InMemorySeenEvents memory;

    Seen(SeenEvents shared, InMemorySeenEvents memory) {
      this.shared = shared;
      this.memory = memory;
    }

    @Override
    public boolean claim(String key, String payload, Duration ttl) {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(payload, "payload");
      // Known here (claimed in memory during an outage, or in the shared store and remembered):
      // a duplicate, answered without asking the store, and no sign of its health either way.
      if (memory.holds(key)) {
        return false;
      }
      if (usable()) {
        try {
          boolean mine = call(() -> shared.claim(key, payload, ttl));
          // Write-through: whoever holds it in the shared store, a retry during an outage is known.
          memory.claim(key, "", ttl);
          return mine;
        } catch (Unavailable e) {
          failed(e.getMessage());
        }
      }
      if (!memory.claim(key, payload, ttl)) {
        return false;
      }
      // Written back as a claim: a duplicate delivered to another instance later is refused, and
      // the payload lets another instance answer it should this one die before it does.
      backlog.add(
          expiring(WriteBack.Kind.ANSWERED, ttl, (now, left) -> shared.claim(key, payload, left)));
      return true;
    }

    @Override
    public void answered(String key) {
      memory.answered(key);
      write(
          () -> shared.answered(key),
          () -> {},
          later(WriteBack.Kind.ANSWERED, now -> shared.answered(key)));
    }

    @Override
    public List<StaleClaim> takeOverStale(String keyPrefix, Duration staleAfter, int limit) {
      // Only the shared store knows other instances' claims; in memory there are none to take.
      return read(() -> shared.takeOverStale(keyPrefix, staleAfter, limit), List::of);
    }

    @Override
    public int purgeExpired() {
      return memory.purgeExpired();
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
      write(
          () -> shared.markAnswered(thread, ttl),
          () -> memory.markAnswered(thread, ttl),
          expiring(WriteBack.Kind.ANSWERED, ttl, (now, left) -> shared.markAnswered(thread, left)));
    }

    @Override
    public boolean isAnswered(ConversationKey thread) {
      return memory.isAnswered(thread) || read(() -> shared.isAnswered(thread), () -> false);
    }

    @Override
    public void openQuestion(ConversationKey conversation, List<String> entryIds, Duration ttl) {
      write(
          () -> shared.openQuestion(conversation, entryIds, ttl),
          () -> memory.openQuestion(conversation, entryIds, ttl),
          expiring(
              WriteBack.Kind.OPEN_QUESTIONS,
              ttl,
              (now, left) -> shared.openQuestion(conversation, entryIds, left)));
    }

    @Override
    public Optional<List<String>> takeQuestion(ConversationKey conversation) {
      Optional<List<String>> local = memory.takeQuestion(conversation);
      if (!usable()) {
        // The question may have been asked before the outage: it is taken there once it is back.
        backlog.add(later(WriteBack.Kind.OPEN_QUESTIONS, now -> shared.takeQuestion(conversation)));
        return local;
      }
      Optional<List<String>> remote =
          read(() -> shared.takeQuestion(conversation), Optional::empty);
      return remote.isPresent() ? remote : local;
    }

    @Override
    public void rememberAnswer(ConversationKey conversation, LastAnswer answer, Duration ttl) {
      write(
          () -> shared.rememberAnswer(conversation, answer, ttl),
          () -> memory.rememberAnswer(conversation, answer, ttl),
          expiring(
              WriteBack.Kind.ANSWERED,
              ttl,
              (now, left) -> shared.rememberAnswer(conversation, answer, left)));
    }

    @Override
    public Optional<LastAnswer> lastAnswer(ConversationKey conversation) {
      Optional<LastAnswer> remote = read(() -> shared.lastAnswer(conversation), Optional::empty);
      return remote.isPresent() ? remote : memory.lastAnswer(conversation);
    }

    @Override
    public int purgeExpired() {
      return memory.purgeExpired();
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
          () -> memory.start(conversation, checkId, ttl),
          expiring(
              WriteBack.Kind.PENDING_CHECKS,
              ttl,
              (now, left) -> shared.start(conversation, checkId, left)));
    }

    @Override
    public Optional<String> pending(ConversationKey conversation) {
      Optional<String> remote = read(() -> shared.pending(conversation), Optional::empty);
      return remote.isPresent() ? remote : memory.pending(conversation);
    }

    @Override
    public void finish(ConversationKey conversation) {
      memory.finish(conversation);
      write(
          () -> shared.finish(conversation),
          () -> {},
          later(WriteBack.Kind.PENDING_CHECKS, now -> shared.finish(conversation)));
    }

    @Override
    public int purgeExpired() {
      return memory.purgeExpired();
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
      // Not written back: a reply kept during an outage is shared from this instance only.
      return read(() -> shared.keep(payload, ttl), () -> memory.keep(payload, ttl));
    }

    @Override
    public Optional<String> find(String id) {
      Optional<String> local = memory.find(id);
      return local.isPresent() ? local : read(() -> shared.find(id), Optional::empty);
    }

    @Override
    public int purgeExpired() {
      return memory.purgeExpired();
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
      write(
          () -> shared.record(vote),
          () -> memory.record(vote),
          later(WriteBack.Kind.VOTES, now -> shared.record(vote)));
    }

    @Override
    public List<Vote> votesOn(String answerKey) {
      return merged(read(() -> shared.votesOn(answerKey), List::of), memory.votesOn(answerKey));
    }

    @Override
    public List<Vote> all() {
      return merged(read(shared::all, List::of), memory.all());
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

    Log(AnswerLog shared) {
      this.shared = shared;
    }

    @Override
    public void append(AnswerRecord record) {
      // Every row has a key: one whose write timed out but reached the store is not added twice.
      appendOnce(UUID.randomUUID().toString(), record);
    }

    @Override
    public void appendOnce(String rowKey, AnswerRecord record) {
      // Rows written during an outage wait in the queue only, which reads see until written back.
      write(
          () -> shared.appendOnce(rowKey, record),
          () -> {},
          new WriteBack.Write(
              WriteBack.Kind.ANSWER_LOG,
              now -> shared.appendOnce(rowKey, record),
              Optional.empty(),
              Optional.of(record)));
    }

    @Override
    public List<AnswerRecord> since(Instant from) {
      List<AnswerRecord> remote = read(() -> shared.since(from), List::of);
      List<AnswerRecord> waiting = new ArrayList<>();
      for (AnswerRecord r : backlog.rows()) {
        if (!r.at().isBefore(from)) {
          waiting.add(r);
        }
      }
      if (waiting.isEmpty()) {
        return remote;
      }
      List<AnswerRecord> all = new ArrayList<>(remote);
      all.addAll(waiting);
      all.sort((a, b) -> a.at().compareTo(b.at()));
      return all;
    }

    @Override
    public int purgeExpired() {
      return 0;
    }
  }

  private final class Trusted implements TrustedEndpoints {
    private final TrustedEndpoints shared;
    private final TrustedEndpoints memory;

    Trusted(TrustedEndpoints shared, TrustedEndpoints memory) {
      this.shared = shared;
      this.memory = memory;
    }

    @Override
    public void trust(String platform, String address, Duration ttl) {
      // Always kept here too: during an outage this instance still replies where it was called.
      memory.trust(platform, address, ttl);
      write(
          () -> shared.trust(platform, address, ttl),
          () -> {},
          expiring(
              WriteBack.Kind.TRUSTED_ENDPOINTS,
              ttl,
              (now, left) -> shared.trust(platform, address, left)));
    }

    @Override
    public boolean isTrusted(String platform, String address) {
      return memory.isTrusted(platform, address)
          || read(() -> shared.isTrusted(platform, address), () -> false);
    }

    @Override
    public int purgeExpired() {
      return memory.purgeExpired();
    }
  }
}
