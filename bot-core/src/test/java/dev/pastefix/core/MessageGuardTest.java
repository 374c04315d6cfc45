package dev.pastefix.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MessageGuardTest {
  private static final Bot OVERFLOWING =
      message -> {
        throw new StackOverflowError("deep");
      };

  @Test
  void aStackOverflowBecomesAPoliteReplyWhenAddressed() {
    MessageGuard guard = new MessageGuard(OVERFLOWING);
    Outcome outcome = guard.handle(TestingMessages.of("hello there", Channel.DIRECT, "U", "D"));
    Outcome.Unknown unknown = assertInstanceOf(Outcome.Unknown.class, outcome);
    assertEquals("Sorry, I could not read this message", unknown.reply().summary());
    assertEquals(1, guard.failures());
  }

  @Test
  void theReplyIsInTheLanguageOfTheMessage() {
    MessageGuard guard = new MessageGuard(OVERFLOWING);
    Outcome fr =
        guard.handle(
            TestingMessages.of(
                "Bonjour, je n'arrive pas à me connecter avec le module",
                Channel.DIRECT,
                "U",
                "D"));
    assertTrue(((Outcome.Unknown) fr).reply().summary().startsWith("Désolé"));
    Outcome ko = guard.handle(TestingMessages.of("연결이 안 되는데 도와주세요", Channel.MENTION, "U", "D"));
    assertTrue(((Outcome.Unknown) ko).reply().summary().startsWith("죄송합니다"));
    assertEquals(2, guard.failures());
  }

  @Test
  void staysSilentInAChannelAndCountsTheFailure() {
    MessageGuard guard =
        new MessageGuard(
            message -> {
              throw new IllegalStateException("bug");
            });
    Outcome outcome = guard.handle(TestingMessages.of("x", Channel.CHANNEL, "U", "C"));
    assertInstanceOf(Outcome.Silent.class, outcome);
    assertEquals(1, guard.failures());
  }

  @Test
  void runningOutOfMemoryIsNotSwallowed() {
    MessageGuard guard =
        new MessageGuard(
            message -> {
              throw new OutOfMemoryError("test");
            });
    assertThrows(
        OutOfMemoryError.class,
        () -> guard.handle(TestingMessages.of("x", Channel.DIRECT, "U", "D")));
    assertEquals(0, guard.failures());
  }

  @Test
  void passesAnswersThrough() {
    Outcome silent = new Outcome.Silent("nothing");
    assertEquals(
        silent,
        new MessageGuard(message -> silent)
            .handle(TestingMessages.of("x", Channel.CHANNEL, "U", "C")));
  }
}
