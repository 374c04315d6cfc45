package dev.pastefix.storage;

import dev.pastefix.core.feedback.FeedbackStore;
import dev.pastefix.core.feedback.FeedbackStoreContract;
import dev.pastefix.core.state.AnswerLog;
import dev.pastefix.core.state.AnswerLogContract;
import dev.pastefix.core.state.BotState;
import dev.pastefix.core.state.ConversationStore;
import dev.pastefix.core.state.ConversationStoreContract;
import dev.pastefix.core.state.PendingCheckStore;
import dev.pastefix.core.state.PendingCheckStoreContract;
import dev.pastefix.core.state.SeenEvents;
import dev.pastefix.core.state.SeenEventsContract;
import dev.pastefix.core.state.ShareableReplies;
import dev.pastefix.core.state.ShareableRepliesContract;
import dev.pastefix.core.state.TrustedEndpoints;
import dev.pastefix.core.state.TrustedEndpointsContract;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;

/** Every state contract against the embedded H2 database. */
class H2StateTest {
  private final List<StateDatabase> opened = new ArrayList<>();

  BotState open(Clock clock, Duration retention) {
    StateDatabase db = StateDatabase.open(DatabaseTarget.inMemory(), clock, retention);
    opened.add(db);
    return db.state();
  }

  @AfterEach
  void close() {
    opened.forEach(StateDatabase::close);
  }

  @Nested
  class Seen extends SeenEventsContract {
    @Override
    protected SeenEvents store() {
      return open(clock, BotState.DEFAULT_RETENTION).seenEvents();
    }
  }

  @Nested
  class Conversations extends ConversationStoreContract {
    @Override
    protected ConversationStore store() {
      return open(clock, BotState.DEFAULT_RETENTION).conversations();
    }
  }

  @Nested
  class Pending extends PendingCheckStoreContract {
    @Override
    protected PendingCheckStore store() {
      return open(clock, BotState.DEFAULT_RETENTION).pendingChecks();
    }
  }

  @Nested
  class Shareable extends ShareableRepliesContract {
    @Override
    protected ShareableReplies store() {
      return open(clock, BotState.DEFAULT_RETENTION).shareableReplies();
    }
  }

  @Nested
  class Log extends AnswerLogContract {
    @Override
    protected AnswerLog log(Duration retention) {
      return open(clock, retention).answerLog();
    }
  }

  @Nested
  class Feedback extends FeedbackStoreContract {
    @Override
    protected FeedbackStore store() {
      return open(Clock.systemUTC(), BotState.DEFAULT_RETENTION).feedback();
    }
  }

  @Nested
  class Trusted extends TrustedEndpointsContract {
    @Override
    protected TrustedEndpoints store() {
      return open(clock, BotState.DEFAULT_RETENTION).trustedEndpoints();
    }
  }
}
