package dev.pastefix.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pastefix.core.text.NormalisedText;
import dev.pastefix.core.text.TextNormaliser;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * One test per reproduction of the engine's crashes and misreadings: repeated text that drove the
 * categorizer to NaN, text that overflowed the stack of a backtracking regular expression, and data
 * (user lists, address lists) answered as if it were an error.
 */
class ReproductionsTest {
  private static final String TENANT_SHELLS =
      "The maximum number of concurrent shells for this tenant has been exceeded. ";
  private static final String LIVE_ID =
      "Get-CsWebTicket : Failed to connect live id servers. Make sure proxy is enabled or machine"
          + " has network connection to live id servers.\n";

  /** A worker thread's stack, smaller than the main thread's, where the overflow showed first. */
  private static final long SMALL_STACK = 256 * 1024;

  @Test
  void aTenantErrorPastedOneHundredSixtyTimesIsStillThatErrorWithTheSameConfidence() {
    assertSameAnswer(TENANT_SHELLS, TENANT_SHELLS.repeat(160), "max-shells-tenant");
  }

  @Test
  void aLiveIdErrorPastedSixtyThreeTimesIsStillThatErrorWithTheSameConfidence() {
    assertSameAnswer(LIVE_ID, LIVE_ID.repeat(63), "liveid-connect-failed");
  }

  @Test
  void aQuestionAskedThreeHundredTimesOverGetsTheSameAnswerAsOnce() {
    String question = "how many skype online powershell sessions can one admin have open? ";
    assertSameAnswer(question, question.repeat(300), "max-shells-user");
  }

  @Test
  void aFiftyCharacterLineRepeatedAndNotRepeatedThousandsOfTimesAreReadWithoutFailing() {
    TestingEngines.Shipped engine = TestingEngines.shipped();
    long before = engine.failures();
    for (String text :
        List.of(
            ("0123456789 abcdefghij klmnopqrst uvwxyz 0123456\n").repeat(276),
            "not ".repeat(1955),
            "not ".repeat(200_000))) {
      assertInstanceOf(Outcome.Unknown.class, TestingEngines.direct(text));
      assertInstanceOf(Outcome.Silent.class, TestingEngines.channel(text));
    }
    assertEquals(before, engine.failures());
  }

  @Test
  void quotePrefixesRepeatedThousandsOfTimesDoNotOverflowAWorkerStack() throws Exception {
    assertHandledOnSmallStack("> ".repeat(1669));
    assertHandledOnSmallStack("> ".repeat(100_000));
  }

  @Test
  void anAddressWithThousandsOfLabelsDoesNotOverflowAWorkerStack() throws Exception {
    assertHandledOnSmallStack("a@" + "a.".repeat(1640));
    assertHandledOnSmallStack("a@" + "a.".repeat(100_000));
  }

  @Test
  void theNormaliserReadsRegexHostileShapesOnATinyStack() throws Exception {
    List<String> shapes =
        List.of(
            "> ".repeat(50_000),
            "a@" + "a.".repeat(50_000),
            "<@U1|" + "x".repeat(50_000),
            "<!here|" + "<".repeat(50_000),
            "At " + "x:1 ".repeat(20_000) + " char:1",
            "```" + "a".repeat(50_000));
    AtomicReference<Throwable> failure = new AtomicReference<>();
    List<NormalisedText> results = new ArrayList<>();
    Thread t =
        new Thread(
            null,
            () -> {
              try {
                TextNormaliser normaliser = new TextNormaliser();
                for (String s : shapes) {
                  results.add(normaliser.normalise(s));
                }
              } catch (Throwable e) {
                failure.set(e);
              }
            },
            "tiny-stack",
            128 * 1024);
    t.start();
    t.join();
    assertEquals(null, failure.get());
    assertEquals(shapes.size(), results.size());
  }

  @Test
  void aJsonListOfUsersIsNotAnsweredAsAnError() {
    StringBuilder json = new StringBuilder("[\n");
    for (int i = 0; i < 40; i++) {
      json.append("  {\n    \"displayName\": \"User ")
          .append(i)
          .append("\",\n    \"userPrincipalName\": \"user")
          .append(i)
          .append("@contoso.com\",\n    \"sipEnabled\": true,\n    \"signInAllowed\": false\n  }")
          .append(i < 39 ? ",\n" : "\n");
    }
    json.append("]");
    assertNoFinding(json.toString());
  }

  @Test
  void eightHundredAddressesAreNotAnsweredAsASignInFailure() {
    StringBuilder list = new StringBuilder();
    for (int i = 0; i < 800; i++) {
      list.append("person").append(i).append("@litware.com\n");
    }
    assertNoFinding(list.toString());
  }

  @Test
  void aLogWithoutAnErrorLineIsNotAnsweredAsAnError() {
    assertNoFinding(
        "2026-11-30 09:14:02 INFO  sign-in sync started for 1204 users\n"
            + "2026-11-30 09:14:03 INFO  session opened to admin1a.online.lync.com\n"
            + "2026-11-30 09:14:09 INFO  updated 17 SIP addresses\n"
            + "2026-11-30 09:14:09 INFO  session closed, sync finished in 7.1s");
  }

  @Test
  void aTableOfUsersWithSipColumnsIsNotAnsweredAsAnError() {
    assertNoFinding(
        "PS C:\\> Get-CsOnlineUser -Filter {Department -eq 'Sales'} | ft DisplayName,SipAddress,"
            + "Enabled,EnterpriseVoiceEnabled\n\n"
            + "DisplayName      SipAddress                     Enabled  EnterpriseVoiceEnabled\n"
            + "-----------      ----------                     -------  ----------------------\n"
            + "Rosa Ortiz       sip:rosa.ortiz@litware.com     True     False\n"
            + "Tom Becker       sip:tom.becker@litware.com     True     True\n"
            + "Ines Moreau      sip:ines.moreau@litware.com    False    False\n"
            + "Jun Park         sip:jun.park@litware.com       True     False");
  }

  @Test
  void anErrorBesideDataIsStillAnswered() {
    Outcome outcome =
        TestingEngines.direct(
            "Name        State\n----        -----\nSession1    Broken\nSession2    Opened\n"
                + "Get-CsOnlineUser : The session state is Broken.");
    assertEquals(List.of("session-timeout"), outcome.findingIds());
  }

  private static void assertNoFinding(String text) {
    Outcome direct = TestingEngines.direct(text);
    assertTrue(direct.findingIds().isEmpty(), () -> "direct answered " + direct.findingIds());
    assertInstanceOf(Outcome.Silent.class, TestingEngines.channel(text));
  }

  private static void assertSameAnswer(String once, String repeated, String id) {
    Outcome one = TestingEngines.direct(once);
    Outcome many = TestingEngines.direct(repeated);
    Outcome.Answer a = assertInstanceOf(Outcome.Answer.class, one);
    Outcome.Answer b = assertInstanceOf(Outcome.Answer.class, many);
    assertEquals(List.of(id), a.findingIds());
    assertEquals(a.findingIds(), b.findingIds());
    assertEquals(a.findings().get(0).confidence(), b.findings().get(0).confidence(), 1e-9);
  }

  private static void assertHandledOnSmallStack(String text) throws Exception {
    TestingEngines.Shipped engine = TestingEngines.shipped();
    long before = engine.failures();
    AtomicReference<Outcome> direct = new AtomicReference<>();
    AtomicReference<Outcome> channel = new AtomicReference<>();
    AtomicReference<Throwable> escaped = new AtomicReference<>();
    Thread worker =
        new Thread(
            null,
            () -> {
              try {
                direct.set(TestingEngines.direct(text));
                channel.set(TestingEngines.channel(text));
              } catch (Throwable e) {
                escaped.set(e);
              }
            },
            "small-stack-worker",
            SMALL_STACK);
    worker.start();
    worker.join();
    assertEquals(null, escaped.get());
    assertFalse(direct.get() instanceof Outcome.Answer, "answered " + direct.get());
    assertInstanceOf(Outcome.Silent.class, channel.get());
    assertEquals(before, engine.failures(), "the engine failed instead of reading the text");
  }
}
