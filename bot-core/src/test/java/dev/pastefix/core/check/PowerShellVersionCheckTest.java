package dev.pastefix.core.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PowerShellVersionCheckTest {
  private final PowerShellVersionCheck check = new PowerShellVersionCheck();

  @Test
  void findsPowerShellTwoInTheVersionTable() {
    String output =
        "PS C:\\Windows\\system32> $PSVersionTable.PSVersion\n\n"
            + "Major  Minor  Build  Revision\n"
            + "-----  -----  -----  --------\n"
            + "2      0      -1     -1\n";

    CheckVerdict verdict = check.interpret(output);

    assertEquals(CheckStatus.PROBLEM, verdict.status());
    assertTrue(verdict.headline().contains("2.0"), verdict.headline());
    assertTrue(verdict.fix().get(0).text().contains("Windows PowerShell 3.0 or later"));
    assertTrue(verdict.fix().get(0).text().contains("WMF"));
  }

  @Test
  void acceptsWindowsPowerShellFivePointOne() {
    String output =
        "Major  Minor  Build  Revision\r\n"
            + "-----  -----  -----  --------\r\n"
            + "5      1      19041  4648\r\n";

    CheckVerdict verdict = check.interpret(output);

    assertEquals(CheckStatus.OK, verdict.status());
    assertEquals("5.1.19041", verdict.lines().get(0).value());
  }

  @Test
  void acceptsPowerShellThreeExactly() {
    assertEquals(
        CheckStatus.OK,
        check
            .interpret(
                "Major  Minor  Build  Revision\n"
                    + "-----  -----  -----  --------\n"
                    + "3      0      -1     -1")
            .status());
  }

  @Test
  void notesThatPowerShellSevenIsNotWindowsPowerShell() {
    String output =
        "Major  Minor  Patch  PreReleaseLabel BuildLabel\n"
            + "-----  -----  -----  --------------- ----------\n"
            + "7      4      6\n";

    CheckVerdict verdict = check.interpret(output);

    assertEquals(CheckStatus.OK, verdict.status());
    assertTrue(verdict.notes().get(0).contains("Windows PowerShell 5.1"));
  }

  @Test
  void readsThePsVersionLineOfTheWholeTable() {
    String output =
        "Name                           Value\n"
            + "----                           -----\n"
            + "CLRVersion                     2.0.50727.8793\n"
            + "BuildVersion                   6.1.7601.17514\n"
            + "PSVersion                      2.0\n"
            + "WSManStackVersion              2.0\n";

    assertEquals(CheckStatus.PROBLEM, check.interpret(output).status());
  }

  @Test
  void readsAFrenchConsolePasteWhoseTableIsTheSame() {
    String output =
        "PS C:\\Users\\administrateur> $PSVersionTable.PSVersion\n\n"
            + "Major  Minor  Build  Revision\n"
            + "-----  -----  -----  --------\n"
            + "5      1      17763  1852\n";
    assertEquals(CheckStatus.OK, check.interpret(output).status());
  }

  @Test
  void refusesAHeaderWithoutItsRow() {
    CheckVerdict verdict =
        check.interpret("Major  Minor  Build  Revision\n-----  -----  -----  --");

    assertEquals(CheckStatus.UNRECOGNISED, verdict.status());
    assertTrue(verdict.headline().contains("$PSVersionTable.PSVersion"));
  }

  @Test
  void refusesChat() {
    assertEquals(
        CheckStatus.UNRECOGNISED, check.interpret("my powershell is old I think").status());
  }
}
