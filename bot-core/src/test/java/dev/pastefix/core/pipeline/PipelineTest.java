package dev.pastefix.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pastefix.core.Channel;
import dev.pastefix.core.Engine;
import dev.pastefix.core.Inbound;
import dev.pastefix.core.Origin;
import dev.pastefix.core.Outcome;
import dev.pastefix.core.Turn;
import dev.pastefix.core.admin.AdminCommands;
import dev.pastefix.core.admin.Admins;
import dev.pastefix.core.answer.Wording;
import dev.pastefix.core.pipeline.builtin.AdminGate;
import dev.pastefix.core.pipeline.builtin.AnswerLog;
import dev.pastefix.core.pipeline.builtin.Dispatch;
import dev.pastefix.core.pipeline.builtin.Guard;
import dev.pastefix.core.pipeline.builtin.Measure;
import dev.pastefix.core.pipeline.builtin.PendingChecks;
import dev.pastefix.core.pipeline.builtin.ThreadFollowUp;
import dev.pastefix.core.reply.BotCommand;
import dev.pastefix.core.reply.PlainTextRenderer;
import dev.pastefix.core.review.ReviewReport;
import dev.pastefix.core.review.Reviewer;
import dev.pastefix.core.state.AnswerRecord;
import dev.pastefix.core.state.BotState;
import dev.pastefix.core.state.ConversationKey;
import dev.pastefix.core.state.OutcomeKind;
import dev.pastefix.core.telemetry.Telemetry;
import dev.pastefix.core.testing.RecordingStep;
import dev.pastefix.core.testing.TestingPipelines;
import dev.pastefix.knowledge.KnowledgeBase;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The front door: every step lets messages and clicks through, and what gets counted. */
class PipelineTest {
  private static final Clock CLOCK = Clock.systemUTC();
  private static final ConversationKey KEY =
      ConversationKey.of("slack", "T1", "C1").inThread("1.2");

  private final BotState state = BotState.inMemory(CLOCK);
  private final CurrentEngine engine = new CurrentEngine(TestingPipelines.engine(state));
  private final AdminCommands admin =
      AdminCommands.closed(new Reviewer(state.answerLog(), state.feedback(), CLOCK), CLOCK);

  private static Inbound.Message message(String text, Channel channel) {
    return new Inbound.Message(Origin.of(channel, "U1", KEY), text);
  }

  private static Inbound.Click click(Optional<Locale> locale) {
    return new Inbound.Click(
        new Origin(Channel.COMMAND, "U1", KEY, locale, "click-1"),
        new BotCommand.RunCheck("dns", "contoso.com"));
  }

  /** Every built-in step but the last, as the standard pipeline builds it. */
  private List<Step> passingSteps() {
    Routes routes = Routes.standard(engine, admin);
    return List.of(
        new Guard(),
        new Measure(Telemetry.inMemory()),
        new AnswerLog(state.answerLog(), Runnable::run, CLOCK),
        new AdminGate(routes, admin),
        new ThreadFollowUp(state.conversations()),
        new PendingChecks(engine));
  }

  @Test
  void everyStepPassesAMessageAndAClickOnUnlessItAnswersItself() {
    for (Step step : passingSteps()) {
      RecordingStep end = RecordingStep.answering(in -> new Outcome.Silent("end"));
      Pipeline pipeline = new Pipeline(List.of(step, end), id -> false);

      pipeline.handle(message("Error 0x80070005 in the Foo tool", Channel.DIRECT));
      pipeline.handle(click(Optional.empty()));

      List<Inbound> reached = end.received();
      String name = step.getClass().getSimpleName();
      assertEquals(2, reached.size(), name + " passed on " + reached);
      assertInstanceOf(Inbound.Message.class, reached.get(0), name);
      assertEquals(
          new BotCommand.RunCheck("dns", "contoso.com"),
          ((Inbound.Click) reached.get(1)).command(),
          name + " passed the click on as it came");
    }
  }

  @Test
  void theStandardPipelineHasEveryStepInItsOrderAndAnswersClicksThroughTheDispatch() {
    RecordingStep before = RecordingStep.passing();
    Pipeline pipeline = TestingPipelines.over(state).step(before).build();

    Turn turn = pipeline.handle(click(Optional.empty()));

    assertEquals(
        List.of(
            Guard.class,
            Measure.class,
            AnswerLog.class,
            AdminGate.class,
            ThreadFollowUp.class,
            PendingChecks.class,
            RecordingStep.class,
            Dispatch.class),
        pipeline.steps().stream().map(Object::getClass).toList());
    assertEquals(1, before.commands().size(), "the click reached the dispatch");
    assertTrue(turn.outcome().visibleReply().isPresent(), "the check answered: " + turn);
  }

  @Test
  void reviewAndStatsCountOnlyDiagnoses() {
    Pipeline pipeline = TestingPipelines.shipped(state);
    for (Inbound.Message m :
        List.of(
            message("hello", Channel.DIRECT),
            message("bonjour", Channel.DIRECT),
            message("kb sign in", Channel.COMMAND),
            message("check", Channel.COMMAND),
            new Inbound.Message(
                Origin.of(Channel.CHANNEL, "U2", ConversationKey.of("slack", "T1", "C9")),
                "lunch at 12?"),
            new Inbound.Message(
                Origin.of(Channel.DIRECT, "U3", ConversationKey.of("slack", "T1", "D3")),
                "Error 0x80070005 in the Foo tool"))) {
      pipeline.handle(m);
    }

    ReviewReport report =
        new Reviewer(state.answerLog(), state.feedback(), CLOCK).review(Instant.EPOCH);

    assertEquals(6, report.messages());
    assertEquals(
        Map.of(OutcomeKind.INFO, 4, OutcomeKind.SILENT, 1, OutcomeKind.UNKNOWN, 1),
        report.outcomes());
    assertEquals(1, report.unknownGroups().size(), report.unknownGroups().toString());
    assertTrue(
        report.unknownGroups().get(0).signature().text().contains("0x80070005"),
        report.unknownGroups().toString());
  }

  @Test
  void anUnaddressedErrorIsStillAMissButChatterIsNot() {
    Pipeline pipeline = TestingPipelines.shipped(state);
    pipeline.handle(message("lunch at 12?", Channel.CHANNEL));
    pipeline.handle(message("Error 0x80070005 in the Foo tool", Channel.CHANNEL));

    List<ReviewReport.UnknownGroup> groups =
        new Reviewer(state.answerLog(), state.feedback(), CLOCK)
            .review(Instant.EPOCH)
            .unknownGroups();

    assertEquals(1, groups.size(), groups.toString());
    assertTrue(groups.get(0).signature().text().contains("0x80070005"), groups.toString());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "slack, U0ADMIN, U0SOMEONE",
    "discord, 123456789012345678, 876543210987654321",
    "teams, 29:1AbCdEf-GhIj_kl.mn, 29:1Other",
    "console, console, someone"
  })
  void answersAnAdminsStatsAndRefusesEveryoneElseOnEveryPlatform(
      String platform, String adminId, String otherId) {
    Pipeline pipeline =
        TestingPipelines.over(state).admins(Admins.parse(platform + ":" + adminId)).build();
    ConversationKey where = ConversationKey.of(platform, "W", "room");

    for (Channel channel : List.of(Channel.COMMAND, Channel.DIRECT)) {
      String asAdmin =
          shown(pipeline.handle(new Inbound.Message(Origin.of(channel, adminId, where), "stats")));
      String asOther =
          shown(pipeline.handle(new Inbound.Message(Origin.of(channel, otherId, where), "stats")));

      assertTrue(asAdmin.contains("pastefix in the last 7 days"), channel + ": " + asAdmin);
      assertTrue(asOther.contains("for pastefix admins only"), channel + ": " + asOther);
    }
  }

  @Test
  void aClickMovesTheSameMetricsAsAMessageAndWritesAnAnswerLogRow() {
    Telemetry telemetry = Telemetry.inMemory();
    Pipeline pipeline = TestingPipelines.over(state).telemetry(telemetry).build();

    pipeline.handle(message("Error 0x80070005 in the Foo tool", Channel.DIRECT));
    pipeline.handle(click(Optional.empty()));

    assertEquals(2.0, count(telemetry, "pastefix.messages.received"));
    assertEquals(2.0, count(telemetry, "pastefix.messages.handled"));
    assertEquals(
        1.0,
        telemetry
            .registry()
            .get("pastefix.messages.handled")
            .tag("channel", "command")
            .counter()
            .count());
    assertEquals(2, telemetry.registry().get("pastefix.engine.latency").timer().count());
    List<AnswerRecord> rows = state.answerLog().since(Instant.EPOCH);
    assertEquals(2, rows.size());
    assertEquals("check dns contoso.com", rows.get(1).redactedText());
    assertEquals(Channel.COMMAND, rows.get(1).channel());
  }

  @Test
  void aFailingClickIsAnsweredInTheUsersLanguageAndCountedAsAnError() {
    Telemetry telemetry = Telemetry.inMemory();
    Pipeline pipeline =
        TestingPipelines.over(state)
            .telemetry(telemetry)
            .step(
                RecordingStep.answering(
                    in -> {
                      throw new IllegalStateException("a check with a bug");
                    }))
            .build();

    Turn french = pipeline.handle(click(Optional.of(Locale.FRANCE)));
    Turn unaddressed = pipeline.handle(message("some chatter", Channel.CHANNEL));

    assertEquals(Wording.of("fr").failure(), french.outcome().visibleReply().orElseThrow());
    assertInstanceOf(Outcome.Silent.class, unaddressed.outcome());
    assertEquals(
        2.0,
        telemetry
            .registry()
            .find("pastefix.messages.handled")
            .tag("outcome", "error")
            .counters()
            .stream()
            .mapToDouble(c -> c.count())
            .sum());
  }

  @Test
  void aFailureOnAFrenchMessageIsAnsweredInFrench() {
    Pipeline pipeline =
        TestingPipelines.over(state)
            .step(
                RecordingStep.answering(
                    in -> {
                      throw new StackOverflowError();
                    }))
            .build();

    Turn turn =
        pipeline.handle(
            message(
                "Impossible de se connecter : le serveur est temporairement indisponible, que faire ?",
                Channel.DIRECT));

    assertEquals(Wording.of("fr").failure(), turn.outcome().visibleReply().orElseThrow());
  }

  @Test
  void aChannelMessageInAThreadTheBotAnsweredIsAFollowUp() {
    RecordingStep seen = RecordingStep.canned();
    Pipeline pipeline = TestingPipelines.over(state).step(seen).build();

    pipeline.handle(message(RecordingStep.EXECUTION_POLICY, Channel.MENTION));
    pipeline.handle(message("still failing", Channel.CHANNEL));
    pipeline.handle(
        new Inbound.Message(
            Origin.of(
                Channel.CHANNEL, "U1", ConversationKey.of("slack", "T1", "C1").inThread("9.9")),
            "elsewhere"));

    assertEquals(
        List.of(Channel.MENTION, Channel.THREAD, Channel.CHANNEL),
        seen.received().stream().map(Inbound::channel).toList());
  }

  @Test
  void aReloadSwapsTheEngineInsideThePipeline() {
    CurrentEngine current =
        new CurrentEngine(Engine.create(new KnowledgeBase(List.of(), List.of())));
    Pipeline pipeline =
        Pipelines.standard(
            new Pipelines.Parts(current, state, admin, Telemetry.inMemory(), Runnable::run, CLOCK));
    Inbound.Message paste =
        message(
            "The maximum number of concurrent shells for this tenant has been exceeded",
            Channel.DIRECT);

    Outcome before = pipeline.handle(paste).outcome();
    current.swap(TestingPipelines.engine(state));
    Outcome after = pipeline.handle(paste).outcome();

    assertInstanceOf(Outcome.Unknown.class, before);
    assertEquals(List.of("max-shells-tenant"), after.findingIds());
  }

  private static String shown(Turn turn) {
    return new PlainTextRenderer().render(turn.outcome().visibleReply().orElseThrow());
  }

  private static double count(Telemetry telemetry, String name) {
    return telemetry.registry().find(name).counters().stream().mapToDouble(c -> c.count()).sum();
  }
}
