package dev.pastefix.core.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pastefix.core.Channel;
import dev.pastefix.core.feedback.FeedbackStore;
import dev.pastefix.core.feedback.Vote;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FallbackStateTest {
  private final TestingClock clock = new TestingClock();

  /**
   * The in-memory stores behind a switch, as a database that can go away or hang: while {@code
   * down} every call fails, while {@code hung} every call blocks until released.
   */
  private static final class Outage {
    final BotState inside;
    volatile boolean down;
    volatile CountDownLatch hung = new CountDownLatch(0);
    final AtomicInteger calls = new AtomicInteger();

    Outage(BotState inside) {
      this.inside = inside;
    }

    BotState state() {
      return new BotState(
          wrap(SeenEvents.class, inside.seenEvents()),
          wrap(ConversationStore.class, inside.conversations()),
          wrap(PendingCheckStore.class, inside.pendingChecks()),
          wrap(ShareableReplies.class, inside.shareableReplies()),
          wrap(FeedbackStore.class, inside.feedback()),
          wrap(AnswerLog.class, inside.answerLog()),
          wrap(TrustedEndpoints.class, inside.trustedEndpoints()));
    }

    void probe() {
      check();
    }

    private void check() {
      calls.incrementAndGet();
      try {
        hung.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (down) {
        throw new IllegalStateException("connection refused");
      }
    }

    private <T> T wrap(Class<T> type, T target) {
      InvocationHandler handler =
          (proxy, method, args) -> {
            if (method.getDeclaringClass() != Object.class) {
              check();
            }
            try {
              return method.invoke(target, args);
            } catch (InvocationTargetException e) {
              throw e.getCause();
            }
          };
      return type.cast(
          Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }
  }

  private final Outage outage = new Outage(BotState.inMemory(clock));

  private FallbackState fallback(Duration deadline) {
    return FallbackState.unattended(
        outage.state(), outage::probe, clock, Duration.ofDays(30), "test-db", deadline);
  }

  private static AnswerRecord row(String text) {
    return new AnswerRecord(
        Instant.parse("2026-12-07T10:00:00Z"),
        "slack",
        Channel.CHANNEL,
        ConversationKey.of("slack", "T1", "C1"),
        "U1",
        OutcomeKind.ANSWER,
        List.of("max-shells-tenant"),
        0.9,
        "en",
        Duration.ofMillis(3),
        text,
        List.of(),
        Optional.of("slack:T1:C1:" + text));
  }

  @Test
  void aRetryOfAMessageClaimedInTheSharedStoreBeforeTheOutageIsStillADuplicate() {
    try (FallbackState fallback = fallback(FallbackState.CALL_DEADLINE)) {
      SeenEvents seen = fallback.state().seenEvents();
      assertTrue(seen.claim("slack:message:1", "{}", SeenEvents.DEFAULT_TTL));
      assertFalse(
          outage.inside.seenEvents().claim("slack:message:1", SeenEvents.DEFAULT_TTL),
          "claimed in the shared store");

      outage.down = true;
      assertFalse(seen.claim("slack:message:1", "{}", SeenEvents.DEFAULT_TTL), "its retry");
      assertTrue(seen.claim("slack:message:2", "{}", SeenEvents.DEFAULT_TTL));
      assertFalse(seen.claim("slack:message:2", "{}", SeenEvents.DEFAULT_TTL), "a retry of it");
      assertTrue(fallback.degraded());
    }
  }

  @Test
  void aDuplicateRecognisedInMemoryIsNoSignThatTheStoreIsBack() {
    try (FallbackState fallback = fallback(FallbackState.CALL_DEADLINE)) {
      SeenEvents seen = fallback.state().seenEvents();
      outage.down = true;
      assertTrue(seen.claim("k", "{}", SeenEvents.DEFAULT_TTL));
      int calls = outage.calls.get();
      assertFalse(seen.claim("k", "{}", SeenEvents.DEFAULT_TTL));
      assertTrue(fallback.degraded(), "still degraded");
      assertEquals(calls, outage.calls.get(), "the dead store is not asked per message");
    }
  }

  @Test
  void whatWasWrittenInMemoryGoesBackInOrderOnceTheStoreAnswersAndOnlyOnce() {
    try (FallbackState fallback = fallback(FallbackState.CALL_DEADLINE)) {
      BotState state = fallback.state();
      assertTrue(state.seenEvents().claim("before", "{}", SeenEvents.DEFAULT_TTL));
      ConversationKey chat = ConversationKey.of("slack", "T1", "D1");

      outage.down = true;
      state.answerLog().append(row("one"));
      state.answerLog().append(row("two"));
      state
          .feedback()
          .record(
              new Vote(
                  "slack:T1:C1:one",
                  List.of("max-shells-tenant"),
                  "U2",
                  true,
                  Instant.parse("2026-12-07T10:00:01Z")));
      state.seenEvents().answered("before");
      assertTrue(state.seenEvents().claim("during", "{\"text\":\"x\"}", SeenEvents.DEFAULT_TTL));
      state.seenEvents().answered("during");
      state.pendingChecks().start(chat, "winrm", PendingCheckStore.DEFAULT_TTL);
      state.conversations().openQuestion(chat, List.of("a", "b"), ConversationStore.QUESTION_TTL);
      assertEquals(8, fallback.waiting());
      assertEquals(2, state.answerLog().since(Instant.EPOCH).size(), "rows readable meanwhile");

      fallback.keep();
      assertTrue(fallback.degraded(), "the probe fails: nothing is written back");
      assertEquals(8, fallback.waiting());

      outage.down = false;
      fallback.keep();
      assertFalse(fallback.degraded());
      assertEquals(0, fallback.waiting());
      assertEquals(8, fallback.writtenBack());
      assertEquals(2, outage.inside.answerLog().since(Instant.EPOCH).size());
      assertEquals(1, outage.inside.feedback().all().size());
      assertEquals(
          List.of(),
          outage.inside.seenEvents().takeOverStale(Duration.ZERO, 10),
          "both claims are marked answered: nothing is left for a stale sweep");
      assertFalse(outage.inside.seenEvents().claim("during", SeenEvents.DEFAULT_TTL));
      assertEquals(Optional.of("winrm"), outage.inside.pendingChecks().pending(chat));
      assertEquals(
          Optional.of(List.of("a", "b")), outage.inside.conversations().takeQuestion(chat));
      assertEquals(2, state.answerLog().since(Instant.EPOCH).size(), "read once, not twice");

      fallback.keep();
      assertEquals(2, outage.inside.answerLog().since(Instant.EPOCH).size(), "idempotent");
    }
  }

  @Test
  void aCallPastItsDeadlineCountsAsTheStoreBeingDown() {
    try (FallbackState fallback = fallback(Duration.ofMillis(200))) {
      outage.hung = new CountDownLatch(1);
      try {
        assertTrue(fallback.state().seenEvents().claim("slow", "{}", SeenEvents.DEFAULT_TTL));
        assertTrue(fallback.degraded(), "the hung store is down for this call");
        assertFalse(fallback.state().seenEvents().claim("slow", "{}", SeenEvents.DEFAULT_TTL));
      } finally {
        outage.hung.countDown();
      }
    }
  }

  @Test
  void timeDegradedCountsTheOutage() {
    try (FallbackState fallback = fallback(FallbackState.CALL_DEADLINE)) {
      outage.down = true;
      fallback.state().seenEvents().claim("a", SeenEvents.DEFAULT_TTL);
      clock.advance(Duration.ofSeconds(25));
      assertEquals(Duration.ofSeconds(25), fallback.timeDegraded());
      outage.down = false;
      fallback.keep();
      clock.advance(Duration.ofSeconds(10));
      assertEquals(Duration.ofSeconds(25), fallback.timeDegraded());
    }
  }
}
