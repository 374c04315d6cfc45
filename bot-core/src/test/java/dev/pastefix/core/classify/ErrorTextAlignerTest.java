package dev.pastefix.core.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pastefix.core.testing.Runbooks;
import dev.pastefix.knowledge.Article;
import dev.pastefix.knowledge.Entry;
import dev.pastefix.knowledge.KnowledgeBase;
import dev.pastefix.knowledge.Source;
import dev.pastefix.knowledge.Step;
import dev.pastefix.knowledge.Symptom;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ErrorTextAlignerTest {
  private static final String ERROR =
      "Sync engine error 0x8004de40: the client could not reach the server for account"
          + " 'alex@contoso.com' because the proxy at C:\\ProgramData\\proxy.pac refused it";

  private static ErrorTextAligner aligner() {
    Entry entry =
        Runbooks.entry(
            "sync",
            "sync-proxy",
            "The sync client cannot reach the server through the proxy",
            List.of(ERROR),
            "The proxy refuses the sync client's connection.",
            List.of(new Step("Allow the sync endpoints in the proxy.", List.of())));
    KnowledgeBase kb = Runbooks.knowledge("sync", "Sync errors", List.of(entry));
    return new ErrorTextAligner(kb, Set.of("sync-proxy"), SectionIndex.of(kb));
  }

  private static List<ErrorTextAligner.Alignment> aligned(String text) {
    return aligner().find(text).stream().filter(a -> !a.nearMiss()).toList();
  }

  @Test
  void alignsTheWholeTextWithOtherAddressesAndPaths() {
    List<ErrorTextAligner.Alignment> found =
        aligned(
            "Sync engine error 0x8004de40: the client could not reach the server for account"
                + " 'kim@fabrikam.com' because the proxy at D:\\conf\\wpad.dat refused it");
    assertEquals(1, found.size());
    assertTrue(found.get(0).fraction() > 0.95);
  }

  @Test
  void forgivesACopyCutShortAtTheEndOfALine() {
    assertEquals(
        1,
        aligned(
                "copied from the log:\nSync engine error 0x8004de40: the client could not reach the server")
            .size());
  }

  @Test
  void aDifferentWordWhereTheTextGoesOnIsAnotherError() {
    List<ErrorTextAligner.Alignment> found =
        aligner()
            .find(
                "Sync engine error 0x8004de40: the client could not reach the server for account"
                    + " 'kim@fabrikam.com' because the certificate has expired");
    assertFalse(found.isEmpty());
    assertTrue(found.get(0).nearMiss(), "departs after 'because the'");
  }

  @Test
  void aFewSharedWordsAlignNothing() {
    assertTrue(aligner().find("the server could not be reached this morning").isEmpty());
  }

  @Test
  void valuesAreNamesAddressesPathsGuidsAndVersions() {
    for (String value :
        List.of(
            "alex@contoso.com",
            "https://contoso.sharepoint.com/sites/a",
            "C:\\Windows\\win.ini",
            "1a2b3c4d-0000-1111-2222-333344445555",
            "16.0.21110.12000",
            "sbc01.corp.local")) {
      assertTrue(SectionText.isVariable(value), value);
    }
    for (String code : List.of("0x80070005", "AADSTS50020", "1935", "Connect-SPOService")) {
      assertFalse(SectionText.isVariable(code), code);
    }
    assertTrue(SectionText.isQuotedValue("'Contoso-Daily'"));
    assertFalse(SectionText.isQuotedValue("'No"));
  }

  private static ErrorTextAligner alignerOf(String id, String title, String errorText) {
    Entry entry =
        new Entry(
            id,
            "agent",
            title,
            new Source(URI.create("https://example.test/agent#" + id), id, List.of(), "2024"),
            List.of(Symptom.text("en", errorText)),
            "The cause.",
            List.of(new Step("Fix it.", List.of())),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            Map.of(),
            Optional.empty());
    KnowledgeBase kb =
        new KnowledgeBase(
            List.of(
                new Article(
                    "agent",
                    "Agent errors",
                    URI.create("https://example.test/agent"),
                    List.of(),
                    List.of())),
            List.of(entry));
    return new ErrorTextAligner(kb, Set.of(id), SectionIndex.of(kb));
  }

  @Test
  void theWordsOfAnInstallFolderWithSpacesAreValuesToo() {
    ErrorTextAligner aligner =
        alignerOf(
            "module-blocked",
            "The agent module is blocked",
            "Import-Module : File C:\\Program Files\\Contoso Backup Agent 2019\\Modules\\Agent.psm1"
                + " cannot be loaded because running scripts is disabled on this system");
    List<ErrorTextAligner.Alignment> found =
        aligner.find(
            "Import-Module : File D:\\Program Files\\Fabrikam Tools\\Modules\\Agent.psm1 cannot"
                + " be loaded because running scripts is disabled on this system.");
    assertEquals(1, found.size());
    assertFalse(found.get(0).nearMiss(), "another install folder is the same error");
  }

  @Test
  void onlyTheErrorAfterPowerShellsRemotingFramingIsAligned() {
    String error =
        "New-PSSession : [vault.example.test] Processing data from remote server vault.example.test"
            + " failed with the following error message: The operator 'kim@example.test' may not"
            + " restore into this vault";
    assertEquals(
        "The operator 'kim@example.test' may not restore into this vault",
        ErrorTextAligner.withoutFraming(error));
    ErrorTextAligner aligner = alignerOf("restore-denied", "Restores are refused", error);
    // The console printed the framing in Korean; the error itself stays English.
    List<ErrorTextAligner.Alignment> found =
        aligner.find(
            "New-PSSession : [vault2.example.test] 원격 서버 vault2.example.test에서 데이터를 처리하지"
                + " 못했습니다. 오류 메시지: The operator 'lee@example.test' may not restore into"
                + " this vault");
    assertEquals(1, found.size());
    assertFalse(found.get(0).nearMiss());
    assertEquals("Too short", ErrorTextAligner.withoutFraming("Too short"));
  }

  @Test
  void followingAnEntrysOwnTitlePartwayIsNoLookAlike() {
    ErrorTextAligner aligner =
        alignerOf(
            "agent-version",
            "Import-Module error caused by an old version of the backup agent",
            "Import-Module error caused by an old version of the backup agent");
    // Follows the heading for a while, then says something else: not a look-alike error text.
    assertTrue(
        aligner
            .find("Import-Module error caused by an old version of PowerShell on the jump box")
            .isEmpty());
  }
}
