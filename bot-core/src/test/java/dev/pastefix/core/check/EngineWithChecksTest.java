package dev.pastefix.core.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pastefix.core.Bot;
import dev.pastefix.core.Channel;
import dev.pastefix.core.Engine;
import dev.pastefix.core.Outcome;
import dev.pastefix.core.TestingMessages;
import dev.pastefix.core.reply.Action;
import dev.pastefix.core.reply.BotCommand;
import dev.pastefix.core.state.InMemoryPendingCheckStore;
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
  private static Bot bot;

  @BeforeAll
  static void wire() throws Exception {
    knowledge = new KnowledgeLoader().loadShipped();
    CheckDesk desk =
        new CheckDesk(
            CheckCatalog.standard(
                DnsClient.create(Optional.of("127.0.0.1:9"), Duration.ofMillis(100), 0), CLOCK),
            new InMemoryPendingCheckStore(CLOCK),
            new CheckReplies(knowledge));
    bot = new CheckingBot(desk.registerWith(Engine.builder(knowledge)).build(), desk);
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
    Outcome help = bot.handle(TestingMessages.of("help", Channel.COMMAND, "U1", "c-help"));

    assertTrue(CheckingBotTest.text(CheckingBotTest.reply(help)).contains("check [name] [output]"));
  }

  @Test
  void anAnswersRunCheckButtonCarriesTheArgumentTheCheckDeclares() {
    Outcome outcome =
        bot.handle(
            TestingMessages.of(
                "Cannot sign in because the server is temporarily unavailable. we have no ADFS and"
                    + " no sip CNAME for alice@fabrikam.com",
                Channel.DIRECT,
                "U1",
                "c-args"));

    List<Action.RunCheck> buttons =
        CheckingBotTest.reply(outcome).actions().stream()
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
        bot.handle(
            new BotCommand.RunCheck("signin-assistant", "alice@fabrikam.com"),
            TestingMessages.of("", Channel.COMMAND, "U1", "c-button"));

    assertEquals(
        "Get-Service msoidsvc",
        CheckingBotTest.blocks(
                CheckingBotTest.reply(outcome), dev.pastefix.core.reply.Block.Code.class)
            .get(0)
            .text());
  }

  @Test
  void theConsolesDirectTextRunsAGuidedCheckAndReadsThePaste() {
    bot.handle(TestingMessages.of("check winrm", Channel.DIRECT, "U1", "console-1"));

    Outcome outcome =
        bot.handle(
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
    String text = CheckingBotTest.text(answer.reply());
    assertTrue(text.contains("Allow Basic authentication"), text);
    assertTrue(
        text.contains(knowledge.entry("winrm-basic-auth").orElseThrow().cause().substring(0, 40)),
        text);
  }

  @Test
  void diagnosisStillAnswersErrorsWhileACheckIsPending() {
    bot.handle(TestingMessages.of("check clock", Channel.DIRECT, "U1", "console-2"));

    Outcome outcome =
        bot.handle(
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
