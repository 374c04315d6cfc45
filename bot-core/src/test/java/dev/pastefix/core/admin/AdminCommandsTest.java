package dev.pastefix.core.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pastefix.core.Bot;
import dev.pastefix.core.Channel;
import dev.pastefix.core.IncomingMessage;
import dev.pastefix.core.Outcome;
import dev.pastefix.core.feedback.InMemoryFeedbackStore;
import dev.pastefix.core.reply.PlainTextRenderer;
import dev.pastefix.core.reply.Reply;
import dev.pastefix.core.review.Reviewer;
import dev.pastefix.core.review.TestingAnswerLog;
import dev.pastefix.core.state.AnswerRecord;
import dev.pastefix.core.state.ConversationKey;
import dev.pastefix.core.state.OutcomeKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AdminCommandsTest {
  private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
  private final TestingAnswerLog log = new TestingAnswerLog();
  private final List<IncomingMessage> passedOn = new ArrayList<>();
  private final Bot inner =
      m -> {
        passedOn.add(m);
        return new Outcome.Silent("inner");
      };
  private final AtomicInteger reloads = new AtomicInteger();
  private Reloader.Result nextReload = new Reloader.Reloaded(25, Duration.ofMillis(300));
  private final AdminCommands admin =
      new AdminCommands(
          inner,
          Admins.parse("slack:U0ADMIN, discord:123456789012345678"),
          new Reviewer(log, new InMemoryFeedbackStore(), Clock.fixed(NOW, ZoneOffset.UTC)),
          () -> {
            reloads.incrementAndGet();
            return nextReload;
          },
          Clock.fixed(NOW, ZoneOffset.UTC));

  private static IncomingMessage command(String text, String platform, String sender) {
    return IncomingMessage.of(
        text, Channel.COMMAND, sender, ConversationKey.of(platform, "T1", "C1"));
  }

  private static String text(Outcome outcome) {
    Reply reply = ((Outcome.Unknown) outcome).reply();
    return new PlainTextRenderer().render(reply);
  }

  @Test
  void answersAnAdminsStatsWithTheWeeksCounts() {
    log.append(record(OutcomeKind.ANSWER, "max-shells-user"));
    log.append(record(OutcomeKind.ANSWER, "max-shells-user"));
    log.append(record(OutcomeKind.SILENT));

    String shown = text(admin.handle(command("stats", "slack", "U0ADMIN")));

    assertTrue(shown.contains("Messages: 3"), shown);
    assertTrue(shown.contains("Answered: 2"), shown);
    assertTrue(shown.contains("max-shells-user"), shown);
    assertTrue(passedOn.isEmpty());
  }

  @Test
  void refusesStatsReviewAndReloadToEveryoneElsePolitely() {
    for (String command : List.of("stats", "review", "reload")) {
      Outcome slack = admin.handle(command(command, "slack", "U0SOMEONE"));
      Outcome discord = admin.handle(command("/pastefix " + command, "discord", "99999"));
      assertTrue(text(slack).contains("for pastefix admins only"), text(slack));
      assertTrue(text(discord).contains("for pastefix admins only"), text(discord));
    }
    // The same id on the other platform is someone else.
    assertTrue(text(admin.handle(command("stats", "discord", "U0ADMIN"))).contains("admins only"));
    assertEquals(0, reloads.get());
  }

  @Test
  void reloadsForAnAdminOnEitherPlatform() {
    String slack = text(admin.handle(command("reload", "slack", "U0ADMIN")));
    String discord = text(admin.handle(command("reload", "discord", "123456789012345678")));

    assertEquals(2, reloads.get());
    assertTrue(slack.contains("Reloaded: 25 entries"), slack);
    assertTrue(discord.contains("Reloaded: 25 entries"), discord);
  }

  @Test
  void listsEveryProblemOfARefusedReload() {
    nextReload =
        new Reloader.Rejected(
            List.of(
                "a.yaml:3: entry 'x', field 'title': is required but empty",
                "a.yaml:9: entry 'x', field 'cause': is required but empty"));

    String shown = text(admin.handle(command("reload", "slack", "U0ADMIN")));

    assertTrue(shown.contains("Reload refused: 2 problems"), shown);
    assertTrue(shown.contains("field 'title'"), shown);
    assertTrue(shown.contains("field 'cause'"), shown);
  }

  @Test
  void summarisesTheReviewForAnAdmin() {
    log.append(record(OutcomeKind.UNKNOWN));

    String shown = text(admin.handle(command("review", "discord", "123456789012345678")));

    assertTrue(shown.contains("1× from 1 person"), shown);
    assertTrue(shown.contains("Set-CsFoo : kaput"), shown);
  }

  @Test
  void passesEveryOtherMessageOn() {
    admin.handle(command("diagnose stats are wrong", "slack", "U0SOMEONE"));
    admin.handle(
        IncomingMessage.of(
            "stats", Channel.DIRECT, "U0SOMEONE", ConversationKey.of("slack", "T1", "D1")));

    assertEquals(2, passedOn.size());
  }

  @Test
  void refusesAMalformedAdminList() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Admins.parse("slack:U1, bob, :x"));
    assertTrue(e.getMessage().contains("'bob'"), e.getMessage());
    assertTrue(e.getMessage().contains("':x'"), e.getMessage());
    assertInstanceOf(Admins.class, Admins.parse(""));
  }

  private static AnswerRecord record(OutcomeKind outcome, String... ids) {
    return new AnswerRecord(
        NOW.minus(Duration.ofHours(1)),
        "slack",
        Channel.DIRECT,
        ConversationKey.of("slack", "T1", "D1"),
        "U7",
        outcome,
        List.of(ids),
        0.9,
        "en",
        Duration.ofMillis(1),
        "Set-CsFoo : kaput failed",
        List.of(),
        Optional.empty());
  }
}
