package dev.pastefix.core.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SignInAssistantCheckTest {
  private final SignInAssistantCheck check = new SignInAssistantCheck();

  private static String table(String status) {
    return "PS C:\\> Get-Service msoidsvc\n\n"
        + "Status   Name               DisplayName\n"
        + "------   ----               -----------\n"
        + status
        + " ".repeat(Math.max(1, 9 - status.length()))
        + "msoidsvc           Microsoft Online Services Sign-in A...\n";
  }

  @Test
  void acceptsARunningService() {
    CheckVerdict verdict = check.interpret(table("Running"));

    assertEquals(CheckStatus.OK, verdict.status());
    assertEquals("Running", verdict.lines().get(0).value());
  }

  @Test
  void asksToStartAStoppedService() {
    CheckVerdict verdict = check.interpret(table("Stopped"));

    assertEquals(CheckStatus.PROBLEM, verdict.status());
    assertEquals(List.of("Start-Service msoidsvc"), verdict.fix().get(0).commands());
    assertEquals(List.of("liveid-connect-failed"), verdict.relatedEntryIds());
  }

  @Test
  void asksToInstallWhenTheServiceIsMissingInEnglish() {
    String output =
        "Get-Service : Cannot find any service with service name 'msoidsvc'.\n"
            + "At line:1 char:1\n"
            + "+ Get-Service msoidsvc\n"
            + "+ ~~~~~~~~~~~~~~~~~~~~\n"
            + "    + CategoryInfo          : ObjectNotFound: (msoidsvc:String) [Get-Service],"
            + " ServiceCommandException\n"
            + "    + FullyQualifiedErrorId :"
            + " NoServiceFoundForGivenName,Microsoft.PowerShell.Commands.GetServiceCommand\n";

    CheckVerdict verdict = check.interpret(output);

    assertEquals(CheckStatus.PROBLEM, verdict.status());
    assertEquals(List.of("liveid-module-missing"), verdict.relatedEntryIds());
    assertTrue(verdict.fix().get(0).text().contains("Sign-in Assistant"));
  }

  @Test
  void readsTheFrenchNotFoundMessage() {
    String output =
        "Get-Service : Impossible de trouver un service assorti du nom « msoidsvc ».\n"
            + "Au caractère Ligne:1 : 1\n"
            + "+ Get-Service msoidsvc\n"
            + "+ ~~~~~~~~~~~~~~~~~~~~\n"
            + "    + CategoryInfo          : ObjectNotFound: (msoidsvc:String) [Get-Service],"
            + " ServiceCommandException\n";

    assertEquals(List.of("liveid-module-missing"), check.interpret(output).relatedEntryIds());
  }

  @Test
  void readsTheKoreanNotFoundMessage() {
    String output =
        "Get-Service : 서비스 이름이 'msoidsvc'인 서비스를 찾을 수 없습니다.\n"
            + "위치 줄:1 문자:1\n"
            + "+ Get-Service msoidsvc\n";

    CheckVerdict verdict = check.interpret(output);

    assertEquals(CheckStatus.PROBLEM, verdict.status());
    assertEquals(List.of("liveid-module-missing"), verdict.relatedEntryIds());
  }

  @Test
  void readsTheListFormat() {
    String output =
        "Name                : msoidsvc\n"
            + "DisplayName         : Microsoft Online Services Sign-in Assistant\n"
            + "Status              : Stopped\n"
            + "DependentServices   : {}\n";

    assertEquals(CheckStatus.PROBLEM, check.interpret(output).status());
  }

  @Test
  void readsScQuery() {
    String output =
        "SERVICE_NAME: msoidsvc\n"
            + "        TYPE               : 10  WIN32_OWN_PROCESS\n"
            + "        STATE              : 4  RUNNING\n";
    assertEquals(CheckStatus.OK, check.interpret(output).status());
  }

  @Test
  void refusesAnotherServiceRow() {
    CheckVerdict verdict =
        check.interpret(
            "Status   Name               DisplayName\n------   ----               -----------\n"
                + "Running  WinRM              Windows Remote Management (WS-Manag...\n");

    assertEquals(CheckStatus.UNRECOGNISED, verdict.status());
    assertTrue(verdict.headline().contains("Get-Service msoidsvc"));
  }

  @Test
  void refusesATruncatedPasteWithoutTheRow() {
    assertEquals(
        CheckStatus.UNRECOGNISED,
        check.interpret("Status   Name               DisplayName\n------   ----").status());
  }
}
