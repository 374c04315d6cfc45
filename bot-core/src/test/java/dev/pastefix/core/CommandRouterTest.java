package dev.pastefix.core;

import static dev.pastefix.core.TestingEngines.command;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pastefix.core.reply.Block;
import dev.pastefix.core.reply.Reply;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandRouterTest {

  @Test
  void showsHelpWithTheSubCommands() {
    Outcome o = command("help");
    Reply reply = ((Outcome.Unknown) o).reply();
    assertTrue(reply.summary().contains("diagnose"), reply.summary());
    assertTrue(reply.summary().contains("kb"), reply.summary());
    assertTrue(o.findingIds().isEmpty());
  }

  @Test
  void answersABareHelpInADirectMessageWithTheHelpText() {
    for (String text : java.util.List.of("help", "<@U0BOT> help?", "aide", "도움말")) {
      Outcome o = TestingEngines.direct(text);
      assertTrue(((Outcome.Unknown) o).reply().summary().startsWith("pastefix help"), text);
    }
    assertTrue(TestingEngines.channel("help") instanceof Outcome.Silent);
  }

  @Test
  void showsHelpForAnEmptyArgument() {
    assertTrue(((Outcome.Unknown) command("  ")).reply().summary().startsWith("pastefix help"));
  }

  @Test
  void explainsAnUnknownSubCommandAndShowsHelp() {
    Reply reply = ((Outcome.Unknown) command("frobnicate now")).reply();
    boolean explained =
        reply.blocks().stream()
            .anyMatch(
                b -> b instanceof Block.Note n && n.spans().toString().contains("frobnicate"));
    assertTrue(explained, reply.blocks().toString());
  }

  @Test
  void showsAnUnknownBinaryWordAsPrintableText() {
    Reply reply = ((Outcome.Unknown) command("\u0001\u0002junk\u0000 more")).reply();
    String note = reply.blocks().toString();
    assertTrue(note.contains("'??junk?'"), note);
  }

  @Test
  void diagnosesTheRestOfTheArgumentAsAnAddressedMessage() {
    Outcome o =
        command(
            "diagnose Get-CsWebTicket : Failed to connect live id servers. Make sure proxy is"
                + " enabled or machine has network connection to live id servers.");
    assertEquals(List.of("liveid-connect-failed"), o.findingIds());
  }

  @Test
  void diagnoseWithoutTextSaysTheMessageWasEmpty() {
    Outcome o = command("diagnose");
    assertTrue(((Outcome.Unknown) o).reply().summary().contains("empty"));
  }

  @Test
  void showsAnEntryById() {
    Outcome.Answer a = assertInstanceOf(Outcome.Answer.class, command("kb max-shells-user"));
    assertEquals(List.of("max-shells-user"), a.findingIds());
    assertTrue(a.reply().summary().startsWith("max-shells-user:"));
  }

  @Test
  void listsTheClosestEntriesForWords() {
    Outcome.Unknown u =
        assertInstanceOf(Outcome.Unknown.class, command("kb system clock time sync"));
    assertEquals(Thresholds.CLOSEST_ENTRIES, u.closestIds().size());
    assertEquals("clock-skew", u.closestIds().get(0));
    assertTrue(u.findingIds().isEmpty());
  }

  @Test
  void acceptsTheSlashCommandNameInFront() {
    assertEquals(List.of("max-shells-user"), command("/pastefix kb max-shells-user").findingIds());
  }

  @Test
  void routesToAnAddedSubCommand() {
    CommandRouter router =
        CommandRouter.builder()
            .route(
                "check",
                "check <what>",
                "run a check",
                (arg, msg) -> new Outcome.Silent("checked " + arg))
            .build((note, msg) -> new Outcome.Silent("help " + note.orElse("")));
    IncomingMessage m = TestingMessages.of("CHECK dns contoso.com", Channel.COMMAND, "U", "C");
    assertEquals(new Outcome.Silent("checked dns contoso.com"), router.route(m));
    assertEquals(List.of("check <what> - run a check"), router.usageLines());
    Outcome fallback = router.route(TestingMessages.of("nope", Channel.COMMAND, "U", "C"));
    assertTrue(((Outcome.Silent) fallback).reason().contains("nope"));
  }

  @Test
  void anEngineBuilderAddsSubCommands() {
    Engine engine =
        Engine.builder(TestingEngines.knowledge())
            .command(
                "check",
                "check <what>",
                "run a check",
                (arg, msg) -> new Outcome.Silent("ran " + arg))
            .build();
    Outcome o = engine.handle(TestingMessages.of("check sessions", Channel.COMMAND, "U", "C"));
    assertEquals(new Outcome.Silent("ran sessions"), o);
    Reply help =
        ((Outcome.Unknown) engine.handle(TestingMessages.of("help", Channel.COMMAND, "U", "C")))
            .reply();
    assertTrue(help.summary().contains("check <what>"), help.summary());
  }
}
