package dev.pastefix.core.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pastefix.core.check.ExecutionPolicyCheck.Scope;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExecutionPolicyCheckTest {
  private final ExecutionPolicyCheck check = new ExecutionPolicyCheck();

  private static String list(
      String machine, String user, String process, String current, String local) {
    return String.join(
        "\r\n",
        "PS C:\\Users\\admin> Get-ExecutionPolicy -List",
        "",
        "        Scope ExecutionPolicy",
        "        ----- ---------------",
        "MachinePolicy " + pad(machine),
        "   UserPolicy " + pad(user),
        "      Process " + pad(process),
        "  CurrentUser " + pad(current),
        " LocalMachine " + pad(local),
        "",
        "");
  }

  private static String pad(String value) {
    return " ".repeat(Math.max(1, 15 - value.length())) + value;
  }

  @Test
  void parsesEachScopeOnceAndCollectsValuesThatAreNoPolicy() {
    ExecutionPolicyCheck.Parsed parsed =
        ExecutionPolicyCheck.parse(
            list("Undefined", "Undefined", "Bypass", "Undefined", "Restricted")
                + "LocalMachine    RemoteSigned\r\n"
                + "CurrentUser     Sometimes\r\n");

    assertEquals(ExecutionPolicyCheck.Policy.Bypass, parsed.scopes().get(Scope.Process));
    assertEquals(
        ExecutionPolicyCheck.Policy.Restricted,
        parsed.scopes().get(Scope.LocalMachine),
        "the first row of a scope counts");
    assertEquals(List.of("Sometimes"), parsed.unknownValues());
    assertEquals(List.of(), parsed.missing());
    assertEquals(java.util.Optional.of(Scope.Process), parsed.effectiveScope());
  }

  @Test
  void parsingACutPasteNamesTheMissingScopes() {
    ExecutionPolicyCheck.Parsed parsed =
        ExecutionPolicyCheck.parse("  CurrentUser  Undefined\n LocalMachine  RemoteSigned\n");

    assertEquals(List.of(Scope.MachinePolicy, Scope.UserPolicy, Scope.Process), parsed.missing());
    assertEquals(5, ExecutionPolicyCheck.readings(parsed).size(), "one reading per scope");
  }

  @Test
  void findsRestrictedOnLocalMachineAndAsksForRemoteSigned() {
    CheckVerdict verdict =
        check.interpret(list("Undefined", "Undefined", "Undefined", "Undefined", "Restricted"));

    assertEquals(CheckStatus.PROBLEM, verdict.status());
    assertTrue(verdict.headline().contains("Restricted (from LocalMachine)"), verdict.headline());
    assertEquals(List.of("Set-ExecutionPolicy RemoteSigned"), verdict.fix().get(0).commands());
    assertEquals(List.of("execution-policy"), verdict.relatedEntryIds());
    assertEquals(5, verdict.lines().size());
  }

  @Test
  void acceptsRemoteSignedFromCurrentUser() {
    CheckVerdict verdict =
        check.interpret(list("Undefined", "Undefined", "Undefined", "RemoteSigned", "Restricted"));

    assertEquals(CheckStatus.OK, verdict.status());
    assertTrue(verdict.headline().contains("RemoteSigned (from CurrentUser)"));
    assertTrue(verdict.fix().isEmpty());
  }

  @Test
  void groupPolicyScopeWinsOverALocalRemoteSigned() {
    CheckVerdict verdict =
        check.interpret(list("AllSigned", "Undefined", "Undefined", "Undefined", "RemoteSigned"));

    assertEquals(CheckStatus.PROBLEM, verdict.status());
    assertTrue(verdict.headline().contains("AllSigned (from MachinePolicy)"));
    assertTrue(verdict.fix().get(0).text().contains("Turn on Script Execution"));
    assertEquals(List.of("gpupdate /force"), verdict.fix().get(0).commands());
  }

  @Test
  void treatsUndefinedEverywhereAsRestricted() {
    CheckVerdict verdict =
        check.interpret(list("Undefined", "Undefined", "Undefined", "Undefined", "Undefined"));

    assertEquals(CheckStatus.PROBLEM, verdict.status());
    assertTrue(verdict.headline().contains("Every scope is Undefined"));
    assertEquals(List.of("Set-ExecutionPolicy RemoteSigned"), verdict.fix().get(0).commands());
  }

  @Test
  void processScopeBypassCountsButIsNotedAsTemporary() {
    CheckVerdict verdict =
        check.interpret(list("Undefined", "Undefined", "Bypass", "Undefined", "Restricted"));

    assertEquals(CheckStatus.OK, verdict.status());
    assertTrue(verdict.notes().stream().anyMatch(n -> n.contains("Process-scope")));
  }

  @Test
  void readsTheSingleWordOfGetExecutionPolicy() {
    assertEquals(CheckStatus.PROBLEM, check.interpret("Restricted\n").status());
    assertEquals(
        CheckStatus.PROBLEM, check.interpret("PS C:\\> Get-ExecutionPolicy\nAllSigned").status());
    assertEquals(CheckStatus.OK, check.interpret("  RemoteSigned  ").status());
    assertEquals(CheckStatus.OK, check.interpret("```\nUnrestricted\n```").status());
  }

  @Test
  void readsOutputFromAFrenchOrKoreanWindowsWhereValuesStayEnglish() {
    String french =
        "PS C:\\Users\\admin> Get-ExecutionPolicy -List\n\n"
            + "        Scope ExecutionPolicy\n        ----- ---------------\n"
            + "MachinePolicy       Undefined\n   UserPolicy       Undefined\n"
            + "      Process       Undefined\n  CurrentUser       Undefined\n"
            + " LocalMachine      Restricted\n";
    assertEquals(CheckStatus.PROBLEM, check.interpret(french).status());
  }

  @Test
  void saysATruncatedPasteIsCutOffWhenTheMissingScopeMatters() {
    String cut =
        "        Scope ExecutionPolicy\n        ----- ---------------\n"
            + "MachinePolicy       Undefined\n   UserPolicy       Undefined\n      Proc";

    CheckVerdict verdict = check.interpret(cut);

    assertEquals(CheckStatus.UNRECOGNISED, verdict.status());
    assertTrue(verdict.headline().contains("cut off"), verdict.headline());
    assertTrue(verdict.headline().contains("Process"));
  }

  @Test
  void aTruncatedPasteStillCountsWhenAnEarlierScopeDecides() {
    String cut = "MachinePolicy       RemoteSigned\n   UserPolicy       Undefined\n";

    assertEquals(CheckStatus.OK, check.interpret(cut).status());
  }

  @Test
  void refusesOtherOutputAndGivesTheCommandAgain() {
    for (String other :
        List.of(
            "",
            "hello, can you help me",
            "Get-Service : Cannot find any service with service name 'foo'.",
            "Major  Minor  Build  Revision\n"
                + "-----  -----  -----  --------\n"
                + "5      1      19041  4648",
            "\u0000\u0001\u0002junk",
            "x".repeat(1_000_000))) {
      CheckVerdict verdict = check.interpret(other);
      assertEquals(CheckStatus.UNRECOGNISED, verdict.status());
      assertTrue(
          verdict
              .headline()
              .startsWith("This does not look like the output of Get-ExecutionPolicy -List"));
      assertEquals(List.of("Get-ExecutionPolicy -List"), verdict.fix().get(0).commands());
    }
  }
}
