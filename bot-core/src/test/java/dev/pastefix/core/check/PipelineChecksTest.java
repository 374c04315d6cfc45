package dev.pastefix.core.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pastefix.core.Channel;
import dev.pastefix.core.Engine;
import dev.pastefix.core.Inbound;
import dev.pastefix.core.Outcome;
import dev.pastefix.core.TestingMessages;
import dev.pastefix.core.Turn;
import dev.pastefix.core.admin.AdminCommands;
import dev.pastefix.core.feedback.InMemoryFeedbackStore;
import dev.pastefix.core.pipeline.CurrentEngine;
import dev.pastefix.core.pipeline.Pipeline;
import dev.pastefix.core.pipeline.Routes;
import dev.pastefix.core.pipeline.Step;
import dev.pastefix.core.reply.Action;
import dev.pastefix.core.reply.Block;
import dev.pastefix.core.reply.Reply;
import dev.pastefix.core.reply.Span;
import dev.pastefix.core.review.Reviewer;
import dev.pastefix.core.state.BotState;
import dev.pastefix.core.state.InMemoryAnswerLog;
import dev.pastefix.core.state.InMemoryConversationStore;
import dev.pastefix.core.state.InMemoryPendingCheckStore;
import dev.pastefix.core.state.InMemorySeenEvents;
import dev.pastefix.core.state.InMemoryShareableReplies;
import dev.pastefix.core.testing.TestingPipelines;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The checks as the pipeline runs them: {@code check ...} commands and pending guided checks. */
class PipelineChecksTest {
  private static final String RESTRICTED =
      "        Scope ExecutionPolicy\n        ----- ---------------\n"
          + "MachinePolicy       Undefined\n   UserPolicy       Undefined\n"
          + "      Process       Undefined\n  CurrentUser       Undefined\n"
          + " LocalMachine      Restricted\n";

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T05:00:00Z"));
  private final DiagnosisStub engine = new DiagnosisStub();
  private final InMemoryPendingCheckStore pending = new InMemoryPendingCheckStore(clock);
  private final CheckDesk desk =
      new CheckDesk(
          CheckCatalog.standard(
              DnsClient.create(Optional.of("127.0.0.1:9"), Duration.ofMillis(100), 0), clock),
          pending,
          new CheckReplies(TestingKnowledge.base()));
  private final Checking bot = new Checking(desk);

  /** Stands in for the diagnosis: records the messages that reach it and stays silent. */
  private static final class DiagnosisStub {
    final List<Inbound> received = new CopyOnWriteArrayList<>();
  }

  /** The production pipeline over {@code desk}, with diagnosis replaced by {@link #engine}. */
  private final class Checking {
    private final Pipeline pipeline;

    Checking(CheckDesk checks) {
      BotState state =
          new BotState(
              new InMemorySeenEvents(clock),
              new InMemoryConversationStore(clock),
              pending,
              new InMemoryShareableReplies(clock),
              new InMemoryFeedbackStore(),
              new InMemoryAnswerLog(clock, BotState.DEFAULT_RETENTION),
              new dev.pastefix.core.state.InMemoryTrustedEndpoints(clock));
      CurrentEngine current =
          new CurrentEngine(Engine.builder(TestingKnowledge.base()).checks(checks).build());
      Routes routes =
          Routes.standard(
              current,
              AdminCommands.closed(
                  new Reviewer(state.answerLog(), state.feedback(), clock), clock));
      Step diagnosis =
          (in, next) -> {
            if (in instanceof Inbound.Message m && routes.match(m).isEmpty()) {
              engine.received.add(in);
              return Turn.of(in, new Outcome.Silent("diagnosis"));
            }
            return next.proceed(in);
          };
      pipeline = TestingPipelines.over(state).engine(current.get()).step(diagnosis).build();
    }

    Outcome handle(Inbound in) {
      return pipeline.handle(in).outcome();
    }
  }

  private static Inbound.Message msg(String text, Channel channel) {
    return TestingMessages.of(text, channel, "U1", "slack:C1:1700000000.0001");
  }

  @Test
  void listsTheSevenChecksForCheckAlone() {
    Outcome outcome = bot.handle(msg("check", Channel.COMMAND));

    Reply reply = reply(outcome);
    Block.Facts facts = blocks(reply, Block.Facts.class).get(0);
    assertEquals(
        List.of(
            "dns",
            "execution-policy",
            "powershell-version",
            "winrm",
            "signin-assistant",
            "sessions",
            "clock"),
        facts.facts().stream().map(f -> f.name()).toList());
    assertTrue(engine.received.isEmpty());
  }

  @Test
  void givesTheCommandThenReadsTheNextMessageInTheSameConversation() {
    Reply instructions = reply(bot.handle(msg("check execution-policy", Channel.COMMAND)));
    assertEquals("Get-ExecutionPolicy -List", blocks(instructions, Block.Code.class).get(0).text());
    assertEquals(
        Optional.of("execution-policy"),
        pending.pending(TestingMessages.key("slack:C1:1700000000.0001")));

    Outcome verdict = bot.handle(msg("```\n" + RESTRICTED + "```", Channel.THREAD));

    Outcome.Answer answer = assertInstanceOf(Outcome.Answer.class, verdict);
    assertEquals(List.of("execution-policy"), answer.findingIds());
    String text = text(answer.reply());
    assertTrue(text.contains("Set-ExecutionPolicy RemoteSigned"), text);
    assertTrue(
        text.contains("unless the execution policy is RemoteSigned"),
        "cause from the knowledge base: " + text);
    assertTrue(text.contains("retired on 31 July 2021"), text);
    assertTrue(
        answer
            .reply()
            .actions()
            .contains(
                new Action.OpenLink(
                    "Source article",
                    java.net.URI.create(TestingKnowledge.ARTICLE + "#execution-policy"))));
    assertEquals(
        Optional.empty(), pending.pending(TestingMessages.key("slack:C1:1700000000.0001")));
    assertTrue(engine.received.isEmpty());
  }

  @Test
  void aRunCheckButtonWithTheSignInAddressGivesTheCommand() {
    Reply reply =
        reply(bot.handle(msg("check signin-assistant admin@contoso.com", Channel.COMMAND)));

    assertEquals("Get-Service msoidsvc", blocks(reply, Block.Code.class).get(0).text());
    assertEquals(
        Optional.of("signin-assistant"),
        pending.pending(TestingMessages.key("slack:C1:1700000000.0001")));
  }

  @Test
  void sendsAnUnrelatedFollowUpToDiagnosisAndKeepsWaiting() {
    bot.handle(msg("check winrm", Channel.COMMAND));

    Outcome outcome = bot.handle(msg("New-PSSession : Access is denied", Channel.DIRECT));

    assertInstanceOf(Outcome.Silent.class, outcome);
    assertEquals(1, engine.received.size());
    assertEquals(
        Optional.of("winrm"), pending.pending(TestingMessages.key("slack:C1:1700000000.0001")));
  }

  @Test
  void forgetsThePendingCheckAfterFifteenMinutes() {
    bot.handle(msg("check execution-policy", Channel.COMMAND));
    clock.advance(Duration.ofMinutes(15));

    Outcome outcome = bot.handle(msg(RESTRICTED, Channel.DIRECT));

    assertInstanceOf(Outcome.Silent.class, outcome);
    assertEquals(1, engine.received.size());
  }

  @Test
  void waitsOnlyInTheConversationWhereTheCheckWasAsked() {
    bot.handle(msg("check execution-policy", Channel.COMMAND));

    bot.handle(TestingMessages.of(RESTRICTED, Channel.DIRECT, "U1", "slack:D999"));

    assertEquals(1, engine.received.size());
  }

  @Test
  void neverReadsUnaddressedChannelMessagesAsCheckOutput() {
    bot.handle(msg("check execution-policy", Channel.COMMAND));

    bot.handle(msg(RESTRICTED, Channel.CHANNEL));
    bot.handle(msg("check execution-policy", Channel.CHANNEL));

    assertEquals(2, engine.received.size());
  }

  @Test
  void readsOutputGivenAsTheCheckArgument() {
    Outcome outcome = bot.handle(msg("check execution-policy " + RESTRICTED, Channel.COMMAND));

    assertEquals(List.of("execution-policy"), outcome.findingIds());
  }

  @Test
  void acceptsCheckInAddressedMessagesOnlyWithAKnownName() {
    assertTrue(
        reply(bot.handle(msg("<@U0BOT> check winrm", Channel.MENTION)))
            .summary()
            .contains("winrm get"));
    assertTrue(reply(bot.handle(msg("checks", Channel.DIRECT))).summary().startsWith("Checks:"));

    bot.handle(msg("check why my sign-in fails", Channel.DIRECT));
    assertEquals(1, engine.received.size());

    Reply unknown = reply(bot.handle(msg("check why my sign-in fails", Channel.COMMAND)));
    assertTrue(unknown.summary().contains("No check called why"), unknown.summary());
  }

  @Test
  void answersAnUnrecognisedPasteWithTheCommandAgainAndKeepsWaiting() {
    Outcome outcome = bot.handle(msg("check sessions hello there", Channel.COMMAND));

    Reply reply = reply(outcome);
    assertInstanceOf(Outcome.Info.class, outcome);
    assertTrue(text(reply).contains("This does not look like the output of Get-PSSession"));
    assertEquals(
        Optional.of("sessions"), pending.pending(TestingMessages.key("slack:C1:1700000000.0001")));
  }

  @Test
  void aHealthyVerdictIsNotAFinding() {
    Outcome outcome = bot.handle(msg("check execution-policy RemoteSigned", Channel.COMMAND));

    assertInstanceOf(Outcome.Info.class, outcome);
    assertTrue(outcome.findingIds().isEmpty());
    String text = text(reply(outcome));
    assertTrue(text.contains("OK"), text);
    assertTrue(!text.contains("Why ("), "no cause for a healthy result: " + text);
  }

  @Test
  void refusesABadDomainWithoutAskingDns() {
    Outcome outcome = bot.handle(msg("check dns not a domain; rm -rf /", Channel.COMMAND));

    assertInstanceOf(Outcome.Info.class, outcome);
    assertTrue(text(reply(outcome)).contains("I can only check a domain name"));
  }

  @Test
  void aFailingCheckGivesAClearReplyAndNeverCostsTheDiagnosis() {
    GuidedCheck failing =
        new GuidedCheck() {
          @Override
          public String id() {
            return "failing";
          }

          @Override
          public String title() {
            return "A check whose interpreter fails";
          }

          @Override
          public List<String> relatedEntryIds() {
            return List.of();
          }

          @Override
          public String command() {
            return "Get-Nothing";
          }

          @Override
          public CheckVerdict interpret(String output) {
            throw new IllegalStateException("interpreter bug");
          }
        };
    CheckDesk failingDesk =
        new CheckDesk(
            new CheckCatalog(List.of(failing)), pending, new CheckReplies(TestingKnowledge.base()));
    Checking failingBot = new Checking(failingDesk);

    Outcome outcome = failingBot.handle(msg("check failing some output", Channel.COMMAND));
    assertTrue(reply(outcome).summary().contains("went wrong"), reply(outcome).summary());

    failingBot.handle(msg("check failing", Channel.COMMAND));
    assertInstanceOf(Outcome.Silent.class, failingBot.handle(msg("a paste", Channel.DIRECT)));
    assertEquals(1, engine.received.size());
  }

  static Reply reply(Outcome outcome) {
    return outcome
        .visibleReply()
        .orElseThrow(() -> new AssertionError("expected a reply, got " + outcome));
  }

  static <T extends Block> List<T> blocks(Reply reply, Class<T> type) {
    List<T> found = new ArrayList<>();
    for (Block block : reply.blocks()) {
      if (type.isInstance(block)) {
        found.add(type.cast(block));
      }
    }
    return found;
  }

  /** All text of a reply, flattened, for assertions on content. */
  static String text(Reply reply) {
    StringBuilder sb = new StringBuilder(reply.summary()).append('\n');
    for (Block block : reply.blocks()) {
      if (block instanceof Block.Heading) {
        sb.append(((Block.Heading) block).text());
      } else if (block instanceof Block.Paragraph) {
        spans(((Block.Paragraph) block).spans(), sb);
      } else if (block instanceof Block.Note) {
        spans(((Block.Note) block).spans(), sb);
      } else if (block instanceof Block.Provenance) {
        spans(((Block.Provenance) block).spans(), sb);
      } else if (block instanceof Block.Source) {
        spans(((Block.Source) block).spans(), sb);
      } else if (block instanceof Block.Code) {
        sb.append(((Block.Code) block).text());
      } else if (block instanceof Block.Facts) {
        ((Block.Facts) block)
            .facts()
            .forEach(f -> sb.append(f.name()).append(": ").append(f.value()).append('\n'));
      } else if (block instanceof Block.Steps) {
        for (Block.Step step : ((Block.Steps) block).items()) {
          spans(step.spans(), sb);
          step.commands().forEach(c -> sb.append('\n').append(c));
          sb.append('\n');
        }
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  private static void spans(List<Span> spans, StringBuilder sb) {
    for (Span span : spans) {
      if (span instanceof Span.Plain) {
        sb.append(((Span.Plain) span).text());
      } else if (span instanceof Span.Strong) {
        sb.append(((Span.Strong) span).text());
      } else if (span instanceof Span.InlineCode) {
        sb.append(((Span.InlineCode) span).text());
      } else if (span instanceof Span.Link) {
        sb.append(((Span.Link) span).label());
      }
    }
  }
}
