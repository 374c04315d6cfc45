package dev.pastefix.core.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** What every guided check does with input that is not its command's output. */
class GuidedChecksTest {
  private final CheckCatalog catalog =
      CheckCatalog.standard(
          DnsClient.create(Optional.of("127.0.0.1:9"), Duration.ofMillis(100), 0),
          Clock.fixed(Instant.parse("2026-11-22T05:00:00Z"), ZoneOffset.UTC));

  private static String binaryJunk() {
    byte[] bytes = new byte[4096];
    new Random(7).nextBytes(bytes);
    return new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
  }

  @Test
  void everyGuidedCheckRefusesJunkAndRepeatsItsCommand() {
    List<String> junk =
        List.of(
            "",
            "   \n\t ",
            "thanks, that fixed it!",
            binaryJunk(),
            "a".repeat(1_000_000),
            "Major ".repeat(200_000),
            "```\n```",
            "<@U0BOT>");
    for (Check check : catalog.all()) {
      if (!(check instanceof GuidedCheck)) {
        continue;
      }
      GuidedCheck guided = (GuidedCheck) check;
      for (String text : junk) {
        CheckVerdict verdict = guided.interpret(text);
        String what = guided.id() + " on " + (text.length() > 30 ? text.length() + " chars" : text);
        assertEquals(CheckStatus.UNRECOGNISED, verdict.status(), what);
        assertTrue(verdict.headline().startsWith("This does not look like the output of"), what);
        assertTrue(verdict.fix().get(0).commands().contains(guided.command()), what);
      }
    }
  }

  @Test
  void everyCheckHasAnIdTitleUsageAndEntries() {
    assertEquals(7, catalog.all().size());
    for (Check check : catalog.all()) {
      assertFalse(check.title().isBlank());
      assertTrue(check.usage().startsWith("check " + check.id()), check.usage());
      assertFalse(check.relatedEntryIds().isEmpty(), check.id());
      assertEquals(Optional.of(check), catalog.find(check.id().toUpperCase(java.util.Locale.ROOT)));
    }
  }

  @Test
  void refusesTwoChecksWithOneId() {
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class,
        () -> new CheckCatalog(List.of(new WinRmCheck(), new WinRmCheck())));
  }

  @Test
  void readsPastesQuotedInChat() {
    PastedOutput paste =
        PastedOutput.of("> Status   Name\n> ------   ----\n&gt; Running  msoidsvc  x");
    assertEquals(
        List.of("Status   Name", "------   ----", "Running  msoidsvc  x"), paste.nonBlankLines());
    assertEquals(
        CheckStatus.OK,
        new SignInAssistantCheck()
            .interpret("> Running  msoidsvc  Microsoft Online Services Sign-in A...")
            .status());
  }
}
