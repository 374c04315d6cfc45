package dev.pastefix.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pastefix.core.testing.Runbooks;
import dev.pastefix.knowledge.Entry;
import dev.pastefix.knowledge.Step;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * How the decision policy treats entries learnt from article text alone: two causes of one error
 * text told apart by the rest of the message, an error code no article knows, a quoted error text
 * whose words no article prints, and a question that quotes part of an error. A small print-server
 * runbook written for this test stands in for imported articles.
 */
class ArticleTextDecisionTest {
  private static Engine engine;

  private static Entry entry(
      String id, String title, List<String> errors, String cause, String step) {
    return Runbooks.entry(
        "print-server", id, title, errors, cause, List.of(new Step(step, List.of())));
  }

  @BeforeAll
  static void build() {
    String shared = "Print job was cancelled by the spooler before it reached the printer";
    Entry spoolDisk =
        entry(
            "spool-disk-full",
            "Print jobs are cancelled because the spool folder's disk is full",
            List.of(shared),
            "The spooler writes every job to its spool folder first. When that disk has no free"
                + " space left, the spooler cancels new jobs.",
            "Free space on the spool disk, or move the spool folder to a larger volume.");
    Entry driver =
        entry(
            "driver-isolation-crash",
            "Print jobs are cancelled because an isolated driver host crashed",
            List.of(shared),
            "A printer driver that runs isolated crashed in its driver host process, and the"
                + " spooler cancelled the jobs that host was rendering.",
            "Update the printer driver, or set its isolation mode to shared.");
    Entry catalog =
        entry(
            "driver-catalog-locked",
            "Driver installation fails with Error 7731",
            List.of("Error 7731: the driver catalog is locked by the update service"),
            "The update service holds the driver catalog while it installs updates, so a driver"
                + " package cannot be added at the same time.",
            "Wait for the updates to finish, then add the driver package again.");
    Entry queue =
        entry(
            "queue-paused-by-policy",
            "Printer queues are paused again after every restart",
            List.of("The print queue was paused by a policy applied from the domain controller"),
            "A group policy pauses the queues at start-up, so an administrator who resumes them"
                + " sees them paused again after the next restart.",
            "Remove the queue setting from the group policy, then resume the queues.");
    engine =
        Engine.create(
            Runbooks.knowledge(
                "print-server",
                "Troubleshoot the print server",
                List.of(spoolDisk, driver, catalog, queue)));
  }

  private static List<String> found(String text, Channel channel) {
    return engine.diagnose(text, channel).findingIds();
  }

  @Test
  void theRestOfTheMessageTellsTwoCausesOfOneErrorTextApart() {
    assertEquals(
        List.of("spool-disk-full"),
        found(
            "Print job was cancelled by the spooler before it reached the printer\n"
                + "the spool folder's disk has no free space left, 0 bytes",
            Channel.DIRECT));
    assertEquals(
        List.of("driver-isolation-crash"),
        found(
            "Print job was cancelled by the spooler before it reached the printer\n"
                + "event log: the isolated driver host process crashed right before",
            Channel.DIRECT));
  }

  @Test
  void withNothingElseToGoOnTheBotAsksWhichCauseFits() {
    Outcome outcome =
        engine.diagnose(
            "Print job was cancelled by the spooler before it reached the printer", Channel.DIRECT);
    assertInstanceOf(Outcome.Clarify.class, outcome);
    assertEquals(
        List.of("spool-disk-full", "driver-isolation-crash").stream().sorted().toList(),
        outcome.findingIds().stream().sorted().toList());
  }

  @Test
  void anErrorCodeNoArticleKnowsIsSomeoneElsesError() {
    String other = "Error 7789: the driver catalog could not be opened, driver installation fails";
    Outcome direct = engine.diagnose(other, Channel.DIRECT);
    assertInstanceOf(Outcome.Unknown.class, direct);
    assertTrue(direct.findingIds().isEmpty());
    assertInstanceOf(Outcome.Silent.class, engine.diagnose(other, Channel.CHANNEL));
    // The code the article knows is answered, in the admin's words too.
    assertEquals(
        List.of("driver-catalog-locked"),
        found(
            "driver installation fails with Error 7731, the catalog seems locked. why?",
            Channel.DIRECT));
  }

  @Test
  void aQuestionQuotingPartOfAnErrorIsAnswered() {
    assertEquals(
        List.of("queue-paused-by-policy"),
        found(
            "after every restart: The print queue was paused by a policy applied from the"
                + " domain, how do I find which one?",
            Channel.DIRECT));
  }

  @Test
  void aPasteThatDepartsFromTheKnownErrorTextIsStillSomeoneElses() {
    assertInstanceOf(
        Outcome.Silent.class,
        engine.diagnose(
            "The print queue was paused by a policy applied from the local security authority"
                + " service host",
            Channel.CHANNEL));
  }

  @Test
  void aQuotedErrorTextNoArticlePrintsIsSomeoneElses() {
    String other =
        "when I add the driver package I'm getting 'Manifest signature verification rejected'"
            + " during driver installation";
    Outcome direct = engine.diagnose(other, Channel.DIRECT);
    Outcome.Unknown unknown = assertInstanceOf(Outcome.Unknown.class, direct, other);
    assertTrue(
        new dev.pastefix.core.reply.PlainTextRenderer()
            .render(unknown.reply())
            .contains("Manifest signature verification rejected"));
    assertInstanceOf(Outcome.Silent.class, engine.diagnose(other, Channel.CHANNEL));
    // A quoted command is no error text, and a quote in the articles' words is answered.
    assertEquals(
        List.of("driver-catalog-locked"),
        found(
            "I ran 'Add-DriverPackage -Path $pkg' and the driver installation fails, the"
                + " 'driver catalog is locked' it says. why?",
            Channel.DIRECT));
  }
}
