package dev.pastefix.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pastefix.core.Channel;
import dev.pastefix.core.Inbound;
import dev.pastefix.core.state.AnswerLog;
import dev.pastefix.core.state.AnswerRecord;
import dev.pastefix.core.state.BotState;
import dev.pastefix.core.state.ConversationKey;
import dev.pastefix.core.state.InMemoryAnswerLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StartupAnswerLogTest {
  /** An answer log behind a slow database: each row takes a while to be written. */
  private static final class SlowAnswerLog implements AnswerLog {
    private final InMemoryAnswerLog rows =
        new InMemoryAnswerLog(Clock.systemUTC(), Duration.ofDays(1));

    @Override
    public void append(AnswerRecord record) {
      try {
        Thread.sleep(300);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      rows.append(record);
    }

    @Override
    public List<AnswerRecord> since(Instant from) {
      return rows.since(from);
    }
  }

  @Test
  void theAnswerLogRowsStillQueuedAreWrittenBeforeTheProcessClosesItsState() throws Exception {
    SlowAnswerLog log = new SlowAnswerLog();
    BotState memory = BotState.inMemory(Clock.systemUTC());
    BotState state =
        new BotState(
            memory.seenEvents(),
            memory.conversations(),
            memory.pendingChecks(),
            memory.shareableReplies(),
            memory.feedback(),
            log,
            memory.trustedEndpoints());
    Startup startup = new Startup();
    Startup.Ready ready =
        startup.start(Optional.empty(), Optional.empty(), state, Optional.empty());
    for (int i = 0; i < 3; i++) {
      ready
          .bot()
          .handle(
              Inbound.message(
                  "The maximum number of concurrent shells for this tenant has been exceeded",
                  Channel.DIRECT,
                  "u1",
                  ConversationKey.of("console", "local", "c" + i)));
    }
    int writtenBefore = log.since(Instant.EPOCH).size();

    boolean flushed = startup.flushAnswerLog(Duration.ofSeconds(10));

    assertTrue(writtenBefore < 3, "the rows are written in the background: " + writtenBefore);
    assertTrue(flushed);
    assertEquals(3, log.since(Instant.EPOCH).size());
  }
}
