package dev.pastefix.core.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class WinRmCheckTest {
  private final WinRmCheck check = new WinRmCheck();

  private static String auth(String basicLine) {
    return "C:\\Windows\\system32>winrm get winrm/config/client/auth\r\n"
        + "Auth\r\n"
        + "    "
        + basicLine
        + "\r\n"
        + "    Digest = true\r\n"
        + "    Kerberos = true\r\n"
        + "    Negotiate = true\r\n"
        + "    Certificate = true\r\n"
        + "    CredSSP = false\r\n";
  }

  @Test
  void parsesEachSettingWithItsSourceInThePastesOrder() {
    WinRmCheck.Parsed parsed =
        WinRmCheck.parse(
            "Auth\n    Basic = false [Source=\"GPO\"]\n    Digest = true\n    Basic = true\n");

    assertEquals(
        java.util.List.of("Basic", "Digest"), java.util.List.copyOf(parsed.values().keySet()));
    assertEquals("false", parsed.values().get("Basic"), "the first line of a setting counts");
    assertEquals("GPO", parsed.sources().get("Basic"));
    assertEquals(CheckStatus.PROBLEM, WinRmCheck.readings(parsed).get(0).status());
  }

  @Test
  void asksToEnableBasicWhenItIsFalse() {
    CheckVerdict verdict = check.interpret(auth("Basic = false"));

    assertEquals(CheckStatus.PROBLEM, verdict.status());
    assertEquals(
        List.of("winrm set winrm/config/client/auth @{Basic=\"true\"}"),
        verdict.fix().get(0).commands());
    assertEquals(List.of("winrm-basic-auth"), verdict.relatedEntryIds());
  }

  @Test
  void pointsAtGroupPolicyWhenTheSettingComesFromIt() {
    CheckVerdict verdict = check.interpret(auth("Basic = false [Source=\"GPO\"]"));

    assertEquals(CheckStatus.PROBLEM, verdict.status());
    assertTrue(verdict.headline().contains("by Group Policy"));
    String text = verdict.fix().get(0).text();
    assertTrue(text.contains("Allow Basic authentication"), text);
    assertTrue(text.contains("Windows Remote Management (WinRM) > WinRM Client"), text);
    assertTrue(verdict.fix().get(0).commands().contains("gpupdate /force"));
  }

  @Test
  void acceptsBasicTrueEvenFromGroupPolicy() {
    assertEquals(CheckStatus.OK, check.interpret(auth("Basic = true")).status());
    assertEquals(CheckStatus.OK, check.interpret(auth("Basic = true [Source=\"GPO\"]")).status());
  }

  @Test
  void readsSlackEscapedQuotes() {
    String slack = "```Auth\n    Basic = false [Source=&quot;GPO&quot;]\n    Digest = true```";
    CheckVerdict verdict = check.interpret(slack);
    assertEquals(CheckStatus.PROBLEM, verdict.status());
    assertTrue(verdict.headline().contains("Group Policy"));
  }

  @Test
  void saysTheWinRmServiceIsDownOnAWsManFault() {
    String fault =
        "WSManFault\n    Message = The client cannot connect to the destination specified in the"
            + " request. Verify that the service on the destination is running and is accepting"
            + " requests.\n\nError number:  -2144108526 0x80338012\n";

    CheckVerdict verdict = check.interpret(fault);

    assertEquals(CheckStatus.PROBLEM, verdict.status());
    assertTrue(verdict.fix().get(0).commands().contains("net start winrm"));
  }

  @Test
  void readsAFrenchWsManFault() {
    String fault =
        "WSManFault\n    Message = Le client ne peut pas se connecter à la destination spécifiée"
            + " dans la requête.\n\nNuméro d'erreur :  -2144108526 0x80338012\n";
    assertEquals(CheckStatus.PROBLEM, check.interpret(fault).status());
  }

  @Test
  void saysACutPasteLacksTheBasicLine() {
    CheckVerdict verdict = check.interpret("Auth\n    Digest = true\n    Kerberos = true\n");

    assertEquals(CheckStatus.UNRECOGNISED, verdict.status());
    assertTrue(verdict.headline().contains("'Basic = ...' line is missing"));
  }

  @Test
  void refusesOtherOutput() {
    assertEquals(CheckStatus.UNRECOGNISED, check.interpret("Basic authentication please").status());
    assertEquals(CheckStatus.UNRECOGNISED, check.interpret("Restricted").status());
  }
}
