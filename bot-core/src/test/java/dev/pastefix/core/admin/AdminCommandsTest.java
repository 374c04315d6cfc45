package dev.pastefix.core.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pastefix.core.Channel;
import dev.pastefix.core.Inbound;
import dev.pastefix.core.Outcome;
import dev.pastefix.core.feedback.InMemoryFeedbackStore;
import dev.pastefix.core.pipeline.Pipeline;
import dev.pastefix.core.reply.PlainTextRenderer;
import dev.pastefix.core.reply.Reply;
import dev.pastefix.core.review.TestingAnswerLog;
import dev.pastefix.core.state.AnswerRecord;
import dev.pastefix.core.state.BotState;
import dev.pastefix.core.state.ConversationKey;
import dev.pastefix.core.state.InMemoryConversationStore;
import dev.pastefix.core.state.InMemoryPendingCheckStore;
import dev.pastefix.core.state.InMemorySeenEvents;
import dev.pastefix.core.state.InMemoryShareableReplies;
import dev.pastefix.core.state.OutcomeKind;
import dev.pastefix.core.testing.RecordingStep;
import dev.pastefix.core.testing.TestingPipelines;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The admin commands as the pipeline's admin gate and routes serve them. */
class AdminCommandsTest {
  private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private final TestingAnswerLog log = new TestingAnswerLog();
  private final RecordingStep inner = RecordingStep.answering(m -> new Outcome.Silent("inner"));
  private final AtomicInteger reloads = new AtomicInteger();
  private Reloader.Result nextReload = new Reloader.Reloaded(25, Duration.ofMillis(300));
  private final Pipeline pipeline =
      TestingPipelines.over(
              new BotState(
                  new InMemorySeenEvents(CLOCK),
                  new InMemoryConversationStore(CLOCK),
                  new InMemoryPendingCheckStore(CLOCK),
                  new InMemoryShareableReplies(CLOCK),
                  new InMemoryFeedbackStore(),
                  log,
                  new dev.pastefix.core.state.InMemoryTrustedEndpoints(CLOCK)))
          .admins(Admins.parse("slack:U0ADMIN, discord:123456789012345678, teams:29:1AbC-x_y.z"))
          .reloader(
              () -> {
                reloads.incrementAndGet();
                return nextReload;
              })
          .clock(CLOCK)
          .step(
              (in, next) ->
                  in instanceof Inbound.Message m && m.text().contains("stats are wrong")
                      ? inner.apply(in, next)
                      : next.proceed(in))
          .build();

  private Outcome handle(Inbound in) {
    return pipeline.handle(in).outcome();
  }

  private static Inbound command(String text, String platform, String sender) {
    return Inbound.message(text, Channel.COMMAND, sender, ConversationKey.of(platform, "T1", "C1"));
  }

  private static String text(Outcome outcome) {
    Reply reply = outcome.visibleReply().orElseThrow();
    return new PlainTextRenderer().render(reply);
  }

  @Test
  void answersAnAdminsStatsWithTheWeeksCounts() {
    log.append(record(OutcomeKind.ANSWER, "max-shells-user"));
    log.append(record(OutcomeKind.ANSWER, "max-shells-user"));
    log.append(record(OutcomeKind.SILENT));

    String shown = text(handle(command("stats", "slack", "U0ADMIN")));

    assertTrue(shown.contains("Messages: 3"), shown);
    assertTrue(shown.contains("Answered: 2"), shown);
    assertTrue(shown.contains("max-shells-user"), shown);
    assertTrue(inner.received().isEmpty());
  }

  @Test
  void refusesStatsReviewAndReloadToEveryoneElsePolitely() {
    for (String command : List.of("stats", "review", "reload")) {
      Outcome slack = handle(command(command, "slack", "U0SOMEONE"));
      Outcome discord = handle(command("/pastefix " + command, "discord", "99999"));
      assertTrue(text(slack).contains("for pastefix admins only"), text(slack));
      assertTrue(text(discord).contains("for pastefix admins only"), text(discord));
    }
    // The same id on the other platform is someone else.
    assertTrue(text(handle(command("stats", "discord", "U0ADMIN"))).contains("admins only"));
    assertEquals(0, reloads.get());
  }

  @Test
  void reloadsForAnAdminOnEitherPlatform() {
    String slack = text(handle(command("reload", "slack", "U0ADMIN")));
    String discord = text(handle(command("reload", "discord", "123456789012345678")));

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

    String shown = text(handle(command("reload", "slack", "U0ADMIN")));

    assertTrue(shown.contains("Reload refused: 2 problems"), shown);
    assertTrue(shown.contains("field 'title'"), shown);
    assertTrue(shown.contains("field 'cause'"), shown);
  }

  @Test
  void summarisesTheReviewForAnAdmin() {
    log.append(record(OutcomeKind.UNKNOWN));

    String shown = text(handle(command("review", "discord", "123456789012345678")));

    assertTrue(shown.contains("1× from 1 person"), shown);
    assertTrue(shown.contains("Set-CsFoo : kaput"), shown);
  }

  @Test
  void passesEveryOtherMessageOnAndReadsAnAddressedStatsAsTheCommand() {
    handle(command("diagnose stats are wrong", "slack", "U0SOMEONE"));
    Outcome direct =
        handle(
            Inbound.message(
                "stats", Channel.DIRECT, "U0SOMEONE", ConversationKey.of("slack", "T1", "D1")));

    assertEquals(1, inner.received().size());
    assertTrue(text(direct).contains("for pastefix admins only"), text(direct));
  }

  @Test
  void acceptsTeamsIdsWithColonsAndAnswersTheirStats() {
    Outcome admin =
        handle(
            Inbound.message(
                "stats", Channel.DIRECT, "29:1AbC-x_y.z", ConversationKey.of("teams", "T", "a:1")));
    Outcome other =
        handle(
            Inbound.message(
                "stats", Channel.DIRECT, "29:1Other", ConversationKey.of("teams", "T", "a:2")));

    assertTrue(text(admin).contains("Messages:"), text(admin));
    assertTrue(text(other).contains("for pastefix admins only"), text(other));
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
