package dev.pastefix.core.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The contract of {@link ConversationStore}; every implementation's test extends it. */
public abstract class ConversationStoreContract {
  protected final TestingClock clock = new TestingClock();

  private static final ConversationKey CHANNEL = ConversationKey.of("slack", "T1", "C1");
  private static final ConversationKey THREAD = CHANNEL.inThread("1700000000.000100");

  /** A new, empty store on {@link #clock}. */
  protected abstract ConversationStore store();

  @Test
  void remembersAnsweredThreadsUntilTheyExpire() {
    ConversationStore store = store();
    store.markAnswered(THREAD, Duration.ofDays(7));
    assertTrue(store.isAnswered(THREAD));
    assertFalse(store.isAnswered(CHANNEL), "the channel itself is not the thread");
    assertFalse(store.isAnswered(CHANNEL.inThread("other")));
    assertFalse(
        store.isAnswered(ConversationKey.of("discord", "T1", "C1").inThread("1700000000.000100")));
    clock.advance(Duration.ofDays(7).plusSeconds(1));
    assertFalse(store.isAnswered(THREAD));
  }

  @Test
  void markingAgainRenewsTheThread() {
    ConversationStore store = store();
    store.markAnswered(THREAD, Duration.ofHours(1));
    clock.advance(Duration.ofMinutes(50));
    store.markAnswered(THREAD, Duration.ofHours(1));
    clock.advance(Duration.ofMinutes(50));
    assertTrue(store.isAnswered(THREAD));
  }

  @Test
  void givesAnOpenQuestionBackOnce() {
    ConversationStore store = store();
    store.openQuestion(
        THREAD, List.of("adfs-sign-in", "custom-domain"), ConversationStore.QUESTION_TTL);
    assertEquals(Optional.empty(), store.takeQuestion(CHANNEL));
    assertEquals(Optional.of(List.of("adfs-sign-in", "custom-domain")), store.takeQuestion(THREAD));
    assertEquals(Optional.empty(), store.takeQuestion(THREAD));
  }

  @Test
  void aLaterQuestionReplacesTheEarlierOne() {
    ConversationStore store = store();
    store.openQuestion(THREAD, List.of("a", "b"), ConversationStore.QUESTION_TTL);
    store.openQuestion(THREAD, List.of("c", "d"), ConversationStore.QUESTION_TTL);
    assertEquals(Optional.of(List.of("c", "d")), store.takeQuestion(THREAD));
  }

  @Test
  void forgetsAQuestionLeftOpenTooLong() {
    ConversationStore store = store();
    store.openQuestion(THREAD, List.of("a", "b"), Duration.ofMinutes(30));
    clock.advance(Duration.ofMinutes(30).plusSeconds(1));
    assertEquals(Optional.empty(), store.takeQuestion(THREAD));
  }

  @Test
  void remembersTheLastAnswerForRating() {
    ConversationStore store = store();
    ConversationStore.LastAnswer first =
        new ConversationStore.LastAnswer("console:1:1", List.of("a"), clock.instant());
    ConversationStore.LastAnswer second =
        new ConversationStore.LastAnswer("console:1:2", List.of("b", "c"), clock.instant());
    assertEquals(Optional.empty(), store.lastAnswer(CHANNEL));
    store.rememberAnswer(CHANNEL, first, ConversationStore.LAST_ANSWER_TTL);
    store.rememberAnswer(CHANNEL, second, ConversationStore.LAST_ANSWER_TTL);
    assertEquals(Optional.of(second), store.lastAnswer(CHANNEL));
    clock.advance(ConversationStore.LAST_ANSWER_TTL.plusSeconds(1));
    assertEquals(Optional.empty(), store.lastAnswer(CHANNEL));
  }

  @Test
  void purgingKeepsLiveEntries() {
    ConversationStore store = store();
    store.markAnswered(THREAD, Duration.ofHours(1));
    store.markAnswered(CHANNEL.inThread("old"), Duration.ofMinutes(1));
    clock.advance(Duration.ofMinutes(2));
    store.purgeExpired();
    assertTrue(store.isAnswered(THREAD));
    assertFalse(store.isAnswered(CHANNEL.inThread("old")));
  }
}
