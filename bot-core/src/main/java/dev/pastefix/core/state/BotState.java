package dev.pastefix.core.state;

import dev.pastefix.core.feedback.FeedbackStore;
import java.util.Objects;

/** Every kind of state the bot keeps, as the composition root hands it to the engine and adapters. */
public record BotState(
    SeenEvents seenEvents,
    ConversationStore conversations,
    PendingCheckStore pendingChecks,
    ShareableReplies shareableReplies,
    FeedbackStore feedback,
    AnswerLog answerLog) {
  public BotState {
    Objects.requireNonNull(seenEvents, "seenEvents");
    Objects.requireNonNull(conversations, "conversations");
    Objects.requireNonNull(pendingChecks, "pendingChecks");
    Objects.requireNonNull(shareableReplies, "shareableReplies");
    Objects.requireNonNull(feedback, "feedback");
    Objects.requireNonNull(answerLog, "answerLog");
  }
}
