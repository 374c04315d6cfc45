package dev.pastefix.core.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pastefix.core.Channel;
import dev.pastefix.core.Engine;
import dev.pastefix.core.Inbound;
import dev.pastefix.core.Outcome;
import dev.pastefix.core.TestingMessages;
import dev.pastefix.core.pipeline.Pipeline;
import dev.pastefix.core.reply.Action;
import dev.pastefix.core.reply.BotCommand;
import dev.pastefix.core.state.BotState;
import dev.pastefix.core.state.InMemoryPendingCheckStore;
import dev.pastefix.core.testing.TestingPipelines;
import dev.pastefix.knowledge.KnowledgeBase;
import dev.pastefix.knowledge.KnowledgeLoader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The engine wired with checks as the composition root does it, over the shipped knowledge. */
class EngineWithChecksTest {
  private static KnowledgeBase knowledge;
  private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-22T05:00:00Z"));
  private static Pipeline bot;

  private static Outcome handle(Inbound in) {
    return bot.handle(in).outcome();
  }

  @BeforeAll
  static void wire() throws Exception {
    knowledge = new KnowledgeLoader().loadShipped();
    CheckDesk desk =
        new CheckDesk(
            CheckCatalog.standard(
                DnsClient.create(Optional.of("127.0.0.1:9"), Duration.ofMillis(100), 0), CLOCK),
            new InMemoryPendingCheckStore(CLOCK),
            new CheckReplies(knowledge));
    bot =
        TestingPipelines.over(BotState.inMemory(CLOCK))
            .engine(Engine.builder(knowledge).checks(desk).build())
            .build();
  }

  @Test
  void everyCheckIdInTheKnowledgeBaseExists() {
    CheckCatalog catalog =
        CheckCatalog.standard(
            DnsClient.create(Optional.of("127.0.0.1:9"), Duration.ofSeconds(1), 0), CLOCK);
    knowledge
        .entries()
        .forEach(
            e ->
                e.check()
                    .ifPresent(
                        id -> assertTrue(catalog.find(id).isPresent(), e.id() + " -> " + id)));
    for (Check check : catalog.all()) {
      for (String id : check.relatedEntryIds()) {
        assertTrue(knowledge.entry(id).isPresent(), check.id() + " names unknown entry " + id);
      }
    }
  }

  @Test
  void helpListsTheCheckCommand() {
    Outcome help = handle(TestingMessages.of("help", Channel.COMMAND, "U1", "c-help"));

    assertTrue(
        PipelineChecksTest.text(PipelineChecksTest.reply(help)).contains("check [name] [output]"));
  }

  @Test
  void anAnswersRunCheckButtonCarriesTheArgumentTheCheckDeclares() {
    Outcome outcome =
        handle(
            TestingMessages.of(
                "Cannot sign in because the server is temporarily unavailable. we have no ADFS and"
                    + " no sip CNAME for alice@fabrikam.com",
                Channel.DIRECT,
                "U1",
                "c-args"));

    List<Action.RunCheck> buttons =
        PipelineChecksTest.reply(outcome).actions().stream()
            .filter(Action.RunCheck.class::isInstance)
            .map(Action.RunCheck.class::cast)
            .toList();
    assertTrue(
        buttons.contains(
            new Action.RunCheck(
                new BotCommand.RunCheck("dns", "fabrikam.com"), "Run check: dns fabrikam.com")),
        "the DNS check takes the domain: " + buttons);
  }

  @Test
  void aRunCheckButtonClickReachesTheCheckAsItsCommand() {
    // The click carries no text: only the typed command says what to run.
    Outcome outcome =
        handle(
            new Inbound.Click(
                TestingMessages.of("", Channel.COMMAND, "U1", "c-button").origin(),
                new BotCommand.RunCheck("signin-assistant", "alice@fabrikam.com")));

    assertEquals(
        "Get-Service msoidsvc",
        PipelineChecksTest.blocks(
                PipelineChecksTest.reply(outcome), dev.pastefix.core.reply.Block.Code.class)
            .get(0)
            .text());
  }

  @Test
  void theConsolesDirectTextRunsAGuidedCheckAndReadsThePaste() {
    handle(TestingMessages.of("check winrm", Channel.DIRECT, "U1", "console-1"));

    Outcome outcome =
        handle(
            TestingMessages.of(
                "Auth\n"
                    + "    Basic = false [Source=\"GPO\"]\n"
                    + "    Digest = true\n"
                    + "    Kerberos = true\n",
                Channel.DIRECT,
                "U1",
                "console-1"));

    Outcome.Answer answer = assertInstanceOf(Outcome.Answer.class, outcome);
    assertEquals(List.of("winrm-basic-auth"), answer.findingIds());
    String text = PipelineChecksTest.text(answer.reply());
    assertTrue(text.contains("Allow Basic authentication"), text);
    assertTrue(
        text.contains(knowledge.entry("winrm-basic-auth").orElseThrow().cause().substring(0, 40)),
        text);
  }

  @Test
  void diagnosisStillAnswersErrorsWhileACheckIsPending() {
    handle(TestingMessages.of("check clock", Channel.DIRECT, "U1", "console-2"));

    Outcome outcome =
        handle(
            TestingMessages.of(
                "Import-Module : File C:\\Program Files\\Common Files\\Microsoft Lync Server"
                    + " 2013\\Modules\\LyncOnlineConnector\\LyncOnlineConnectorStartup.psm1 cannot"
                    + " be loaded because running scripts is disabled on this system.",
                Channel.DIRECT,
                "U1",
                "console-2"));

    assertTrue(outcome.findingIds().contains("execution-policy"), outcome.toString());
  }
}
