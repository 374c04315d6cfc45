package dev.pastefix.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pastefix.core.reply.PlainTextRenderer;
import dev.pastefix.core.testing.Runbooks;
import dev.pastefix.knowledge.Entry;
import dev.pastefix.knowledge.Step;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A short error text learnt from an article ("Error 0x709") is printed by many products. In a
 * channel it counts only when the message also names what the article is about, in a word of its
 * title that the error text does not print or in a cmdlet the entry names; asked directly, the bot
 * answers it, unless the message names a product the article never prints (then it is that
 * product's error). A print-queue runbook written for this test stands in for an imported article.
 */
class ShortErrorTextTest {
  private static Engine engine;

  private static Entry entry(String id, String title, String error, String cause, Step step) {
    return Runbooks.entry("print-queue", id, title, List.of(error), cause, List.of(step));
  }

  @BeforeAll
  static void build() {
    Entry code =
        entry(
            "error-0x709",
            "Error 0x709",
            "Error 0x709",
            "The default queue recorded for the user points to a queue that was removed from the"
                + " server.",
            new Step(
                "Clear the stale queue and set the default again.",
                List.of("Reset-QueueState -User <name>")));
    Entry paused =
        entry(
            "queue-paused-by-quota",
            "Jobs wait forever because the queue was paused by its page quota",
            "The queue 'FLOOR2' was paused because the monthly page quota of 5000 pages was"
                + " reached",
            "Each queue has a monthly page quota; when it is reached the queue pauses and new jobs"
                + " wait until the quota is raised or the month ends.",
            new Step(
                "Raise the quota of the queue.",
                List.of("Set-QueueQuota -Name <queue> -Pages 10000")));
    engine =
        Engine.create(
            Runbooks.knowledge(
                "print-queue", "Troubleshoot the print spooler queues", List.of(code, paused)));
  }

  private static Outcome diagnose(String text, Channel channel) {
    return engine.diagnose(text, channel);
  }

  @Test
  void staysSilentInAChannelOnTheShortTextFromAnotherProduct() {
    String other = "Setup of the VPN client stopped with Error 0x709, any idea?";
    assertInstanceOf(Outcome.Silent.class, diagnose(other, Channel.CHANNEL), other);
  }

  @Test
  void answersTheSameTextWhenAskedDirectly() {
    assertEquals(
        List.of("error-0x709"),
        diagnose("Setup of the VPN client stopped with Error 0x709", Channel.DIRECT).findingIds());
  }

  @Test
  void answersInAChannelWhenTheMessageNamesTheArticlesSubject() {
    assertEquals(
        List.of("error-0x709"),
        diagnose("Error 0x709 when I set the printer as default on the spooler", Channel.CHANNEL)
            .findingIds());
  }

  @Test
  void answersInAChannelWhenTheMessageShowsACmdletOfTheEntry() {
    assertEquals(
        List.of("error-0x709"),
        diagnose("Reset-QueueState ran fine but still Error 0x709 afterwards", Channel.CHANNEL)
            .findingIds());
  }

  @Test
  void aLongErrorTextNeedsNoSubject() {
    assertEquals(
        List.of("queue-paused-by-quota"),
        diagnose(
                "The queue 'LAB-A' was paused because the monthly page quota of 800 pages was"
                    + " reached",
                Channel.CHANNEL)
            .findingIds());
  }

  @Test
  void askedDirectlyTheShortTextBesideAProductTheArticleNeverNamesIsThatProductsError() {
    String other = "Error 0x709 again while installing the Fabrikam Reader update";
    Outcome outcome = diagnose(other, Channel.DIRECT);
    Outcome.Unknown unknown = assertInstanceOf(Outcome.Unknown.class, outcome, other);
    String said = new PlainTextRenderer().render(unknown.reply());
    assertTrue(said.contains("Fabrikam"), said);
    assertEquals(List.of("error-0x709"), unknown.closestIds().subList(0, 1));
  }

  @Test
  void peopleQuotedNamesButtonsAcronymsAndIdentifiersAreNoOtherProduct() {
    for (String text :
        List.of(
            "yesterday, Maria got Error 0x709 again",
            "Error 0x709 for the queue 'Floor Two North'",
            "dialog says Error 0x709 [Try Again] [Cancel]",
            "Error 0x709 on the VPN laptops",
            "Error 0x709, ResultCode MissingDefaultQueue",
            "I don't know why. Error 0x709 came back")) {
      assertEquals(List.of("error-0x709"), diagnose(text, Channel.DIRECT).findingIds(), text);
    }
  }

  @Test
  void aNameTheArticlePrintsIsItsOwn() {
    // "Reset" is in the entry's command (Reset-QueueState); no subject word is named.
    assertEquals(
        List.of("error-0x709"),
        diagnose("Error 0x709 even after a Reset of the default", Channel.DIRECT).findingIds());
    assertInstanceOf(
        Outcome.Unknown.class,
        diagnose("Error 0x709 even after a Rollout of the default", Channel.DIRECT));
  }
}
