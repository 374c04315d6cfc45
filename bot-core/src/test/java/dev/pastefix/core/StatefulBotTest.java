package dev.pastefix.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pastefix.core.reply.Reply;
import dev.pastefix.core.state.AnswerRecord;
import dev.pastefix.core.state.ConversationKey;
import dev.pastefix.core.state.ConversationStore;
import dev.pastefix.core.state.InMemoryAnswerLog;
import dev.pastefix.core.state.InMemoryConversationStore;
import dev.pastefix.core.state.OutcomeKind;
import dev.pastefix.core.state.TestingClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatefulBotTest {
  private static final ConversationKey THREAD =
      ConversationKey.of("slack", "T1", "C1").inThread("1700000000.000100");

  private final TestingClock clock = new TestingClock();
  private final ConversationStore conversations = new InMemoryConversationStore(clock);
  private final InMemoryAnswerLog log = new InMemoryAnswerLog(clock, Duration.ofDays(30));
  private final List<IncomingMessage> seen = new ArrayList<>();

  private StatefulBot bot(Outcome outcome) {
    return new StatefulBot(
        m -> {
          seen.add(m);
          return outcome;
        },
        conversations,
        log,
        Runnable::run,
        clock);
  }

  private static Outcome answer() {
    return new Outcome.Answer(
        List.of(new Finding("execution-policy", 0.93, List.of("error text"))),
        new Reply("x", List.of(), List.of()));
  }

  @Test
  void aChannelMessageInAThreadTheBotAnsweredIsAFollowUp() {
    bot(answer()).handle(IncomingMessage.of("paste", Channel.MENTION, "U1", THREAD));
    bot(new Outcome.Silent("chat"))
        .handle(IncomingMessage.of("and now?", Channel.CHANNEL, "U2", THREAD));
    bot(new Outcome.Silent("chat"))
        .handle(
            IncomingMessage.of(
                "lunch?", Channel.CHANNEL, "U2", THREAD.channelOnly().inThread("other")));

    assertEquals(Channel.THREAD, seen.get(1).channel());
    assertEquals(Channel.CHANNEL, seen.get(2).channel());
  }

  @Test
  void aSilentOutcomeLeavesTheThreadUnanswered() {
    bot(new Outcome.Silent("not sure"))
        .handle(IncomingMessage.of("hm", Channel.CHANNEL, "U1", THREAD));
    assertFalse(conversations.isAnswered(THREAD));
    bot(answer()).handle(IncomingMessage.of("paste", Channel.CHANNEL, "U1", THREAD));
    assertTrue(conversations.isAnswered(THREAD));
  }

  @Test
  void logsEveryMessageWithItsTextRedactedAndTheSenderIdOnly() {
    bot(answer())
        .handle(
            IncomingMessage.of(
                "$pw = ConvertTo-SecureString 'Hunter2!' -AsPlainText -Force",
                Channel.MENTION,
                "U0ADMIN",
                THREAD));
    List<AnswerRecord> rows = log.since(Instant.EPOCH);
    assertEquals(1, rows.size());
    AnswerRecord row = rows.get(0);
    assertEquals("slack", row.platform());
    assertEquals(OutcomeKind.ANSWER, row.outcome());
    assertEquals(List.of("execution-policy"), row.entryIds());
    assertEquals(0.93, row.confidence(), 1e-9);
    assertEquals("U0ADMIN", row.senderId());
    assertEquals("$pw = ConvertTo-SecureString [redacted] -AsPlainText -Force", row.redactedText());
    assertEquals(List.of(new AnswerRecord.ScoredEntry("execution-policy", 0.93)), row.candidates());
  }
}
