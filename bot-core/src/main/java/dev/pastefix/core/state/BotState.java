package dev.pastefix.core.state;

import dev.pastefix.core.feedback.FeedbackStore;
import dev.pastefix.core.feedback.InMemoryFeedbackStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Every kind of state the bot keeps, as the composition root hands it to the engine and adapters.
 */
public record BotState(
    SeenEvents seenEvents,
    ConversationStore conversations,
    PendingCheckStore pendingChecks,
    ShareableReplies shareableReplies,
    FeedbackStore feedback,
    AnswerLog answerLog,
    TrustedEndpoints trustedEndpoints) {
  /** How long the answer log keeps its rows unless configured otherwise. */
  public static final Duration DEFAULT_RETENTION = Duration.ofDays(30);

  public BotState {
    Objects.requireNonNull(seenEvents, "seenEvents");
    Objects.requireNonNull(conversations, "conversations");
    Objects.requireNonNull(pendingChecks, "pendingChecks");
    Objects.requireNonNull(shareableReplies, "shareableReplies");
    Objects.requireNonNull(feedback, "feedback");
    Objects.requireNonNull(answerLog, "answerLog");
    Objects.requireNonNull(trustedEndpoints, "trustedEndpoints");
  }

  /** State held by this process only, forgotten when it stops. */
  public static BotState inMemory(Clock clock, Duration retention) {
    return new BotState(
        new InMemorySeenEvents(clock),
        new InMemoryConversationStore(clock),
        new InMemoryPendingCheckStore(clock),
        new InMemoryShareableReplies(clock),
        new InMemoryFeedbackStore(),
        new InMemoryAnswerLog(clock, retention),
        new InMemoryTrustedEndpoints(clock));
  }

  /** State held by this process only, with the default retention. */
  public static BotState inMemory(Clock clock) {
    return inMemory(clock, DEFAULT_RETENTION);
  }

  /** The same state with votes kept in {@code other}. */
  public BotState withFeedback(FeedbackStore other) {
    return new BotState(
        seenEvents,
        conversations,
        pendingChecks,
        shareableReplies,
        other,
        answerLog,
        trustedEndpoints);
  }

  /** Drops every expired row of every store now; how many went. */
  public int purgeExpired() {
    return seenEvents.purgeExpired()
        + conversations.purgeExpired()
        + pendingChecks.purgeExpired()
        + shareableReplies.purgeExpired()
        + answerLog.purgeExpired()
        + trustedEndpoints.purgeExpired();
  }
}
