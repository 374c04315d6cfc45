package dev.pastefix.core.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SessionsCheckTest {
  private final SessionsCheck check = new SessionsCheck();

  private static final String HEADER =
      " Id Name            ComputerName    ComputerType    State         ConfigurationName    "
          + " Availability\n"
          + " -- ----            ------------    ------------    -----         -----------------   "
          + "  ------------\n";

  @Test
  void parsesTheTableIntoSessionsAndCountsThoseHoldingAShell() {
    String output =
        HEADER
            + "  1 WinRM1          admin1a.onli... RemoteMachine   Opened       "
            + " Microsoft.PowerShell     Available\n"
            + "  2 WinRM2          admin1a.onli... RemoteMachine   Broken       "
            + " Microsoft.PowerShell         None\n";

    List<SessionsCheck.Session> sessions = SessionsCheck.parse(output).orElseThrow();

    assertEquals(List.of(1, 2), sessions.stream().map(SessionsCheck.Session::id).toList());
    assertEquals("Broken", sessions.get(1).state());
    List<CheckLine> readings = SessionsCheck.readings(sessions);
    assertEquals(3, readings.size(), "one per session, then the count");
    assertEquals("1 of 3 per administrator", readings.get(2).value());
    assertTrue(SessionsCheck.parse("Get-Date\nMonday 1 December").isEmpty());
  }

  @Test
  void namesTheSessionsToRemoveAtTheLimitOfThree() {
    String output =
        HEADER
            + "  1 WinRM1          admin1a.onli... RemoteMachine   Opened       "
            + " Microsoft.PowerShell     Available\n"
            + "  2 WinRM2          admin1a.onli... RemoteMachine   Opened       "
            + " Microsoft.PowerShell     Available\n"
            + "  4 WinRM4          admin1a.onli... RemoteMachine   Opened       "
            + " Microsoft.PowerShell     Available\n";

    CheckVerdict verdict = check.interpret(output);

    assertEquals(CheckStatus.PROBLEM, verdict.status());
    assertTrue(verdict.headline().contains("You hold 3"));
    assertEquals(List.of("Remove-PSSession -Id 1,2"), verdict.fix().get(0).commands());
    assertTrue(verdict.fix().get(0).text().contains("session 4"));
    assertEquals(List.of("max-shells-user"), verdict.relatedEntryIds());
  }

  @Test
  void countsTeamsModuleSessionsAndIgnoresExchange() {
    String output =
        HEADER
            + "  3 SfBPowerShell... api.interfac... RemoteMachine   Opened       "
            + " Microsoft.PowerShell     Available\n"
            + "  5 ExchangeOnl... outlook.offi... RemoteMachine   Opened        Microsoft.Exchange "
            + "      Available\n"
            + "  6 WinRM6          admin0b.onli... RemoteMachine   Broken       "
            + " Microsoft.PowerShell          None\n";

    CheckVerdict verdict = check.interpret(output);

    assertEquals(CheckStatus.OK, verdict.status());
    assertTrue(verdict.headline().contains("1 of 3"), verdict.headline());
    assertEquals(List.of("Remove-PSSession -Id 6"), verdict.fix().get(0).commands());
    assertTrue(verdict.notes().stream().anyMatch(n -> n.contains("other services")));
  }

  @Test
  void countsDisconnectedSessionsBecauseTheyKeepTheirShell() {
    String output =
        HEADER
            + "  7 WinRM7          admin2c.onli... RemoteMachine   Disconnected "
            + " Microsoft.PowerShell          None\n"
            + "  8 WinRM8          admin2c.onli... RemoteMachine   Opened       "
            + " Microsoft.PowerShell     Available\n"
            + "  9 WinRM9          admin2c.onli... RemoteMachine   Opened       "
            + " Microsoft.PowerShell     Available\n"
            + " 10 WinRM10         admin2c.onli... RemoteMachine   Opened       "
            + " Microsoft.PowerShell     Available\n";

    CheckVerdict verdict = check.interpret(output);

    assertEquals(CheckStatus.PROBLEM, verdict.status());
    assertEquals(List.of("Remove-PSSession -Id 7,8,9"), verdict.fix().get(0).commands());
  }

  @Test
  void readsTheOlderTableWithoutComputerType() {
    String output =
        " Id Name            ComputerName    State         ConfigurationName     Availability\n"
            + " -- ----            ------------    -----         -----------------    "
            + " ------------\n"
            + "  1 Session1        admin1a.onli... Opened        Microsoft.PowerShell    "
            + " Available\n";

    CheckVerdict verdict = check.interpret(output);

    assertEquals(CheckStatus.OK, verdict.status());
    assertTrue(verdict.headline().contains("1 of 3"));
  }

  @Test
  void readsTheListFormatWithFullHostNames() {
    String output =
        "ComputerName           : admin1a.online.lync.com\n"
            + "State                  : Opened\n"
            + "Id                     : 1\n"
            + "Name                   : WinRM1\n\n"
            + "ComputerName           : admin1a.online.lync.com\n"
            + "State                  : Opened\n"
            + "Id                     : 2\n"
            + "Name                   : WinRM2\n\n"
            + "ComputerName           : api.interfaces.records.teams.microsoft.com\n"
            + "State                  : Opened\n"
            + "Id                     : 3\n"
            + "Name                   : SfBPowerShellSession\n";

    CheckVerdict verdict = check.interpret(output);

    assertEquals(CheckStatus.PROBLEM, verdict.status());
    assertEquals(List.of("Remove-PSSession -Id 1,2"), verdict.fix().get(0).commands());
  }

  @Test
  void aHeaderAloneMeansNoSessions() {
    CheckVerdict verdict = check.interpret(HEADER);

    assertEquals(CheckStatus.OK, verdict.status());
    assertTrue(verdict.headline().contains("no Skype for Business Online session"));
  }

  @Test
  void tellsSkypeHostsFromOthersEvenWhenCut() {
    assertTrue(SessionsCheck.isSkypeHost("admin1a.online.lync.com"));
    assertTrue(SessionsCheck.isSkypeHost("ADMIN1A.ONLI..."));
    assertTrue(SessionsCheck.isSkypeHost("api.interfac\u2026"));
    assertFalse(SessionsCheck.isSkypeHost("outlook.offi..."));
    assertFalse(SessionsCheck.isSkypeHost("ps.compliance.protection.outlook.com"));
    assertFalse(SessionsCheck.isSkypeHost("a..."));
  }

  @Test
  void refusesOtherOutput() {
    CheckVerdict verdict =
        check.interpret(
            "New-PSSession : [admin1a.online.lync.com] Connecting to remote server failed");
    assertEquals(CheckStatus.UNRECOGNISED, verdict.status());
    assertTrue(verdict.headline().contains("Get-PSSession"));
  }
}
