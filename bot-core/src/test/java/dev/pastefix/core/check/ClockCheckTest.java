package dev.pastefix.core.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClockCheckTest {
  private static final Instant NOW = Instant.parse("2026-11-22T05:15:00Z");
  private final ClockCheck check = new ClockCheck(Clock.fixed(NOW, ZoneOffset.UTC));

  private static final String ENGLISH_SYNCED =
      "Leap Indicator: 0(no warning)\n"
          + "Stratum: 4 (secondary reference - syncd by (S)NTP)\n"
          + "Precision: -23 (119.209ns per tick)\n"
          + "Root Delay: 0.0312500s\n"
          + "Root Dispersion: 7.7766000s\n"
          + "ReferenceId: 0x14652E8D (source IP:  20.101.57.141)\n"
          + "Last Successful Sync Time: 11/22/2026 5:12:03 AM\n"
          + "Source: time.windows.com,0x9\n"
          + "Poll Interval: 10 (1024s)\n";

  private static final String ENGLISH_FREE_RUNNING =
      "Leap Indicator: 3(not synchronized)\n"
          + "Stratum: 0 (unspecified)\n"
          + "Precision: -23 (119.209ns per tick)\n"
          + "Root Delay: 0.0000000s\n"
          + "Root Dispersion: 0.0000000s\n"
          + "ReferenceId: 0x00000000 (unspecified)\n"
          + "Last Successful Sync Time: unspecified\n"
          + "Source: Local CMOS Clock\n"
          + "Poll Interval: 10 (1024s)\n";

  @Test
  void parsesStatusFieldsStripchartAndThePastedTimeApart() {
    ClockCheck.Parsed parsed =
        ClockCheck.parse(
            "Leap Indicator: 0(no warning)\n"
                + "Source: time.windows.com,0x9\n"
                + "05:12:03, d:+00.0312s o:+423.1000000s  [                *  ]\n"
                + "05:12:05, error: 0x800705B4\n"
                + "2026-11-22T05:12:03.0000000+01:00\n");

    assertEquals("time.windows.com,0x9", parsed.status().get(ClockCheck.Field.SOURCE));
    assertEquals(List.of(423.1), parsed.offsets());
    assertEquals(1, parsed.stripchartErrors());
    assertEquals(
        java.time.OffsetDateTime.parse("2026-11-22T05:12:03+01:00"), parsed.pastedTime().get());
    assertFalse(parsed.serviceStopped());
  }

  @Test
  void acceptsASynchronisedClockButAsksForTheTimeToMeasureSkew() {
    CheckVerdict verdict = check.interpret(ENGLISH_SYNCED);

    assertEquals(CheckStatus.OK, verdict.status());
    assertTrue(verdict.notes().get(0).contains("Get-Date -Format o"));
    assertEquals("time.windows.com,0x9", value(verdict, "Source"));
  }

  @Test
  void flagsTheLocalCmosClockAsNoTimeSource() {
    CheckVerdict verdict = check.interpret(ENGLISH_FREE_RUNNING);

    assertEquals(CheckStatus.PROBLEM, verdict.status());
    assertTrue(verdict.headline().contains("not synchronising"), verdict.headline());
    assertEquals(List.of(ClockCheck.CONFIGURE, ClockCheck.RESYNC), verdict.fix().get(0).commands());
    assertEquals(List.of("clock-skew"), verdict.relatedEntryIds());
  }

  @Test
  void flagsAPhaseOffsetOverFiveMinutesInVerboseOutput() {
    String verbose =
        ENGLISH_SYNCED.replace(
            "Poll Interval: 10 (1024s)\n",
            "Poll Interval: 10 (1024s)\n\nPhase Offset: 412.5016234s\nClientType: NTP\n");

    CheckVerdict verdict = check.interpret(verbose);

    assertEquals(CheckStatus.PROBLEM, verdict.status());
    assertTrue(verdict.headline().contains("7 minutes"), verdict.headline());
  }

  @Test
  void readsTheWholeVerboseOutputWithoutMistakingLaterLines() {
    String verbose =
        ENGLISH_SYNCED
            + "\nPhase Offset: 0.0004121s\n"
            + "ClockRate: 0.0156250s\n"
            + "State Machine: 2 (Sync)\n"
            + "Time Source Flags: 0 (None)\n"
            + "Server Role: 0 (None)\n"
            + "Last Sync Error: 0 (The command completed successfully.)\n"
            + "Time since Last Good Sync Time: 177.1234567s\n";

    CheckVerdict verdict = check.interpret(verbose);

    assertEquals(CheckStatus.OK, verdict.status(), verdict.toString());
    assertEquals("11/22/2026 5:12:03 AM", value(verdict, "Last Successful Sync Time"));
    assertEquals("0.0004121s", value(verdict, "Phase Offset"));
  }

  @Test
  void flagsAFailingLastSync() {
    String verbose =
        ENGLISH_SYNCED
            + "\n"
            + "Phase Offset: 0.0004121s\n"
            + "Last Sync Error: 1 (The computer did not resync because no time data was"
            + " available.)\n";

    CheckVerdict verdict = check.interpret(verbose);

    assertEquals(CheckStatus.PROBLEM, verdict.status());
    assertTrue(verdict.headline().contains("last synchronisation failed"), verdict.headline());
  }

  @Test
  void readsOtherFrenchWordingByItsKeyWords() {
    String french =
        "Indicateur de dérive (saut) : 0(aucun avertissement)\n"
            + "Strate : 2 (référence secondaire - synchronisée par (S)NTP)\n"
            + "Heure de la dernière synchronisation correcte : 22/11/2026 06:01:17\n"
            + "Source : time.windows.com,0x9\n"
            + "Intervalle d’interrogation : 10 (1024s)\n"
            + "Décalage de phase : -612.0000000s\n";

    CheckVerdict verdict = check.interpret(french);

    assertEquals(CheckStatus.PROBLEM, verdict.status());
    assertTrue(verdict.headline().contains("10 minutes"), verdict.headline());
    assertEquals("22/11/2026 06:01:17", value(verdict, "Last Successful Sync Time"));
  }

  @Test
  void readsFrenchW32tmOutput() {
    String french =
        "Indicateur de saut : 3(non synchronisé)\n"
            + "Strate : 0 (non spécifié)\n"
            + "Précision : -23 (119.209ns par battement)\n"
            + "Délai de racine : 0.0000000s\n"
            + "Dispersion de racine : 0.0000000s\n"
            + "ID de référence : 0x00000000 (non spécifié)\n"
            + "Heure de la dernière synchronisation réussie : non spécifiée\n"
            + "Source : Horloge CMOS locale\n"
            + "Intervalle d'interrogation : 10 (1024s)\n";

    CheckVerdict verdict = check.interpret(french);

    assertEquals(CheckStatus.PROBLEM, verdict.status());
    assertEquals("Horloge CMOS locale", value(verdict, "Source"));
  }

  @Test
  void readsHealthyFrenchOutputWithAPhaseOffset() {
    String french =
        "Indicateur de saut : 0(aucun avertissement)\n"
            + "Strate : 3 (référence secondaire - synchronisée par (S)NTP)\n"
            + "ID de référence : 0x0A00000A (IP de la source :  10.0.0.10)\n"
            + "Dernière synchronisation réussie : 22/11/2026 06:10:41\n"
            + "Source : DC01.contoso.local\n"
            + "Intervalle d'interrogation : 10 (1024s)\n"
            + "Décalage de phase : 0,0012800s\n";

    CheckVerdict verdict = check.interpret(french);

    assertEquals(CheckStatus.OK, verdict.status());
    assertTrue(verdict.headline().contains("within 5 minutes"));
  }

  @Test
  void readsKoreanW32tmOutput() {
    String korean =
        "윤초 조정: 0(경고 없음)\n"
            + "계층: 4(보조 참조 - (S)NTP에 의해 동기화됨)\n"
            + "정밀도: -23(틱당 119.209ns)\n"
            + "루트 지연: 0.0312500s\n"
            + "루트 분산: 7.7766000s\n"
            + "참조 ID: 0x14652E8D(원본 IP:  20.101.57.141)\n"
            + "마지막으로 동기화한 시간: 2026-11-22 오후 2:12:03\n"
            + "원본: time.windows.com,0x9\n"
            + "폴링 간격: 10(1024s)\n"
            + "\n"
            + "단계 오프셋: -395.2031250s\n";

    CheckVerdict verdict = check.interpret(korean);

    assertEquals(CheckStatus.PROBLEM, verdict.status());
    assertTrue(verdict.headline().contains("7 minutes"), verdict.headline());
    assertEquals("time.windows.com,0x9", value(verdict, "Source"));
  }

  @Test
  void readsKoreanUnsynchronisedOutput() {
    String korean =
        "윤초 조정: 3(동기화되지 않음)\n"
            + "계층: 0(지정되지 않음)\n"
            + "정밀도: -23(틱당 119.209ns)\n"
            + "루트 지연: 0.0000000s\n"
            + "루트 분산: 0.0000000s\n"
            + "참조 ID: 0x4C4F434C(원본 이름:  \"LOCL\")\n"
            + "마지막으로 동기화한 시간: 지정되지 않음\n"
            + "원본: Local CMOS Clock\n"
            + "폴링 간격: 6(64s)\n";
    assertEquals(CheckStatus.PROBLEM, check.interpret(korean).status());
  }

  @Test
  void readsLinesWhoseWordingItDoesNotKnowByTheirPlace() {
    String unknownWording =
        "Indicateur A : 0(aucun avertissement)\n"
            + "Indicateur B : 3 (référence secondaire)\n"
            + "Précision : -23 (119.209ns)\n"
            + "Délai X : 0.0312500s\n"
            + "Dispersion Y : 7.7766000s\n"
            + "Identifiant Z : 0x4C4F434C (nom de la source : \"LOCL\")\n"
            + "Synchro W : non spécifié\n"
            + "Origine V : Free-running System Clock\n"
            + "Intervalle U : 10 (1024s)\n";

    CheckVerdict verdict = check.interpret(unknownWording);

    assertEquals(CheckStatus.PROBLEM, verdict.status());
    assertEquals("Free-running System Clock", value(verdict, "Source"));
    assertEquals("non spécifié", value(verdict, "Last Successful Sync Time"));
  }

  @Test
  void theLocalClockReferenceIdAloneMeansNoTimeSource() {
    CheckVerdict verdict =
        check.interpret(
            ENGLISH_SYNCED.replace(
                "ReferenceId: 0x14652E8D (source IP:  20.101.57.141)",
                "ReferenceId: 0x4C4F434C (source name:  \"LOCL\")"));

    assertEquals(CheckStatus.PROBLEM, verdict.status());
  }

  @Test
  void readsStripchartOffsets() {
    String chart =
        "Tracking time.windows.com [20.101.57.141:123].\n"
            + "The current time is 11/22/2026 5:14:02 AM.\n"
            + "05:14:02, d:+00.0312500s o:-361.1234567s  [*                          |             "
            + "              ]\n"
            + "05:14:04, d:+00.0312500s o:-361.1198765s  [*                          |             "
            + "              ]\n";

    CheckVerdict verdict = check.interpret(chart);

    assertEquals(CheckStatus.PROBLEM, verdict.status());
    assertTrue(verdict.headline().contains("6 minutes"), verdict.headline());
  }

  @Test
  void readsFrenchStripchartWithSmallOffsets() {
    String chart =
        "Suivi de time.windows.com [20.101.57.141:123].\n"
            + "L'heure actuelle est 22/11/2026 06:14:02.\n"
            + "06:14:02, d:+00.0312500s o:+00.0014576s  [                           *              "
            + "             ]\n";
    assertEquals(CheckStatus.OK, check.interpret(chart).status());
  }

  @Test
  void saysTheTimeSourceDoesNotAnswerWhenStripchartOnlyErrs() {
    String chart =
        "Tracking time.windows.com [20.101.57.141:123].\n"
            + "05:14:02, error: 0x800705B4\n05:14:05, error: 0x800705B4\n";

    CheckVerdict verdict = check.interpret(chart);

    assertEquals(CheckStatus.PROBLEM, verdict.status());
    assertTrue(verdict.headline().contains("does not answer"));
  }

  @Test
  void comparesAPastedTimeWithNow() {
    assertEquals(CheckStatus.OK, check.interpret("2026-11-22T06:16:10.1234567+01:00").status());
    CheckVerdict behind =
        check.interpret("PS C:\\> Get-Date -Format o\n2026-11-22T06:02:00.0000000+01:00");
    assertEquals(CheckStatus.PROBLEM, behind.status());
    assertTrue(behind.headline().contains("13 minutes behind"), behind.headline());
    assertEquals(CheckStatus.PROBLEM, check.interpret("2026-11-22T05:25:00Z").status());
  }

  @Test
  void asksToStartTheTimeServiceWhenItIsStopped() {
    CheckVerdict verdict =
        check.interpret(
            "The following error occurred: The service has not been started. (0x80070426)");

    assertEquals(CheckStatus.PROBLEM, verdict.status());
    assertEquals(List.of("net start w32time"), verdict.fix().get(0).commands());
    CheckVerdict korean = check.interpret("다음 오류가 발생했습니다. 서비스가 시작되지 않았습니다. (0x80070426)");
    assertEquals(CheckStatus.PROBLEM, korean.status());
  }

  @Test
  void refusesOtherOutputAndACutPasteWithOneLine() {
    assertEquals(CheckStatus.UNRECOGNISED, check.interpret("what time is it?").status());
    CheckVerdict cut = check.interpret("Leap Indicator: 0(no warning)\nStrat");
    assertEquals(CheckStatus.UNRECOGNISED, cut.status());
    assertTrue(cut.headline().contains("w32tm /query /status"));
  }

  private static String value(CheckVerdict verdict, String label) {
    return verdict.lines().stream()
        .filter(l -> l.label().equals(label))
        .findFirst()
        .orElseThrow()
        .value();
  }
}
