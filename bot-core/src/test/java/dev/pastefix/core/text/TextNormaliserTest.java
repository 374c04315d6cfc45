package dev.pastefix.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TextNormaliserTest {
  private final TextNormaliser normaliser = new TextNormaliser();

  @Test
  void removesSlackMentionsAndKeepsChannelAndLinkLabels() {
    NormalisedText t =
        normaliser.normalise(
            "<@U123ABC> see <#C042|sfb-admins> and <https://example.com/a|the article>, mail"
                + " <mailto:a@contoso.com|a@contoso.com> <!here>");
    assertEquals("see #sfb-admins and the article, mail a@contoso.com", t.text());
  }

  @Test
  void removesDiscordMentionsEmojiAndTimestamps() {
    NormalisedText t =
        normaliser.normalise("<@!1234567890> hi <:party:998877> <t:1700000000:R> ok");
    assertEquals("hi ok", t.text());
  }

  @Test
  void decodesHtmlEntitiesOnce() {
    NormalisedText t = normaliser.normalise("a &lt;b&gt; &amp;amp; c");
    assertEquals("a <b> &amp; c", t.text());
  }

  @Test
  void removesCodeFencesBackticksAndQuoteMarkers() {
    NormalisedText t =
        normaliser.normalise(
            "look:\n```powershell\nGet-PSSession\n```\n> quoted `inline` text\n&gt; also quoted");
    assertEquals("look:\nGet-PSSession\nquoted inline text\nalso quoted", t.text());
  }

  @Test
  void removesEmojiShortcodesAndPictographs() {
    NormalisedText t = normaliser.normalise("thanks :pray: all \uD83D\uDE05 done");
    assertEquals("thanks all done", t.text());
  }

  @Test
  void keepsColonsOfPowerShellFieldsThatLookLikeShortcodes() {
    NormalisedText t = normaliser.normalise("Status :Running: now");
    assertTrue(t.text().contains(":Running:"), t.text());
  }

  @Test
  void stripsEnglishPowerShellFramingAndExtractsFacts() {
    String paste =
        "PS C:\\> New-CsOnlineSession -Credential $cred\n"
            + "New-PSSession : [admin1a.online.lync.com] Connecting to remote server"
            + " admin1a.online.lync.com failed with the following error message : The WS-Management"
            + " service cannot process the request.\n"
            + "At line:1 char:1\n"
            + "+ New-CsOnlineSession -Credential $cred\n"
            + "+ ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~\n"
            + "    + CategoryInfo          : OpenError:"
            + " (System.Manageme....RemoteRunspace:RemoteRunspace) [New-PSSession],"
            + " PSRemotingTransportException\n"
            + "    + FullyQualifiedErrorId : -2144108060,PSSessionOpenFailed";
    NormalisedText t = normaliser.normalise(paste);
    assertFalse(t.text().contains("At line"), t.text());
    assertFalse(t.text().contains("CategoryInfo"), t.text());
    assertFalse(t.text().contains("~~~"), t.text());
    assertTrue(
        t.text().startsWith("New-CsOnlineSession -Credential $cred\nNew-PSSession : [admin1a"),
        t.text());
    assertEquals(List.of("-2144108060,PSSessionOpenFailed"), t.facts().errorIds());
    assertEquals(List.of("New-CsOnlineSession", "New-PSSession"), t.facts().cmdlets());
    assertEquals(List.of("admin1a.online.lync.com"), t.facts().hosts());
  }

  @Test
  void stripsScriptLocationLinesAndPowerShellTwoMarkers() {
    String paste =
        "Import-Module : The version of the loaded PowerShell is '2.0'.\n"
            + "At C:\\Program Files\\Common Files\\Modules\\LyncOnlineConnectorStartup.psm1:58"
            + " char:26\n"
            + "+ Import-Module <<<<  LyncOnlineConnector";
    NormalisedText t = normaliser.normalise(paste);
    assertEquals("Import-Module : The version of the loaded PowerShell is '2.0'.", t.text());
  }

  @Test
  void stripsFrenchAndKoreanFraming() {
    String fr =
        "Import-Module : Impossible de charger le fichier, car l’exécution de scripts est"
            + " désactivée sur ce système.\n"
            + "Au caractère Ligne:1 : 1\n"
            + "+ Import-Module SkypeOnlineConnector\n"
            + "    + CategoryInfo          : Erreur de sécurité : (:) [Import-Module],"
            + " PSSecurityException";
    NormalisedText f = normaliser.normalise(fr);
    assertEquals(
        "Import-Module : Impossible de charger le fichier, car l'exécution de scripts est"
            + " désactivée sur ce système.",
        f.text());
    assertEquals("fr", f.facts().lang());
    String ko =
        "관리자 여러 명이 동시에 스크립트를 돌리니까 오류가 납니다.\n"
            + "위치 줄:1 문자:1\n"
            + "+ New-CsOnlineSession\n"
            + "    + CategoryInfo          : 보안 오류: (:) []";
    NormalisedText k = normaliser.normalise(ko);
    assertEquals("관리자 여러 명이 동시에 스크립트를 돌리니까 오류가 납니다.", k.text());
    assertEquals("ko", k.facts().lang());
  }

  @Test
  void findsTheSignInAddressAndItsDomain() {
    NormalisedText t =
        normaliser.normalise(
            "Get-CsWebTicket : Logon failed for the user 'KenMyer@Litwareinc.com'.");
    assertEquals(Optional.of("kenmyer@litwareinc.com"), t.facts().signInAddress());
    assertEquals(Optional.of("litwareinc.com"), t.facts().signInDomain());
    assertEquals(List.of("Get-CsWebTicket"), t.facts().cmdlets());
  }

  @Test
  void recognisesRemoteHostsButNotFileNames() {
    NormalisedText t =
        normaliser.normalise(
            "Connecting to remote server api.interfaces.records.teams.microsoft.com failed; see"
                + " LyncOnlineConnector.psd1 and msoidsvc.exe");
    assertEquals(List.of("api.interfaces.records.teams.microsoft.com"), t.facts().hosts());
  }

  @Test
  void findsTheRemoteHostOfASessionInThreeLanguages() {
    assertEquals(
        List.of("exch01.contoso.local"),
        normaliser
            .normalise(
                "New-PSSession : [exch01.contoso.local] Connecting to remote server"
                    + " exch01.contoso.local failed")
            .facts()
            .remoteHosts());
    assertEquals(
        List.of("admin1a.online.lync.com"),
        normaliser
            .normalise("La connexion au serveur distant admin1a.online.lync.com a échoué")
            .facts()
            .remoteHosts());
    assertEquals(
        List.of("admin0e.online.lync.com"),
        normaliser.normalise("원격 서버 admin0e.online.lync.com에 연결하지 못했습니다.").facts().remoteHosts());
    assertEquals(
        List.of("fs01"),
        normaliser.normalise("Enter-PSSession -ComputerName FS01").facts().remoteHosts());
  }

  @Test
  void collectsQuotedFragments() {
    NormalisedText t =
        normaliser.normalise(
            "we get 'concurrent shells for this tenant' and `Logon failed for the user` and «"
                + " Serveur temporairement indisponible »");
    assertEquals(
        java.util.Set.of(
            "logon failed for the user",
            "concurrent shells for this tenant",
            "serveur temporairement indisponible"),
        java.util.Set.copyOf(t.facts().quoted()));
  }

  @Test
  void skipsApostrophesInsideWordsWhenCollectingQuotes() {
    NormalisedText t =
        normaliser.normalise(
            "users can't sign in, we get 'Server is temporarily unavailable' today");
    assertEquals(List.of("server is temporarily unavailable"), t.facts().quoted());
  }

  @Test
  void guessesEnglishForAnEnglishQuestion() {
    assertEquals(
        "en", normaliser.normalise("why does my session break after an hour?").facts().lang());
  }

  @Test
  void guessesFrenchWhenFrenchProseSurroundsAnEnglishError() {
    NormalisedText t =
        normaliser.normalise(
            "Bonjour, impossible d'ouvrir la session :\n"
                + "Get-CsWebTicket : Logon failed for the user 'a@b.fr'. Please create a new"
                + " PSCredential object, making sure that you have used the correct user name and"
                + " password.");
    assertEquals("fr", t.facts().lang());
  }

  @Test
  void boundsTheWorkOnAMegabytePaste() {
    String big = "x".repeat(1_000_000) + " running scripts is disabled on this system";
    NormalisedText t = normaliser.normalise(big);
    assertTrue(t.truncated());
    assertTrue(t.text().length() <= TextNormaliser.MAX_ANALYSED_CHARS + 1);
    assertTrue(t.lower().endsWith("running scripts is disabled on this system"), "keeps the tail");
  }

  @Test
  void readsTextRepeatedManyTimesAsOneCopy() {
    String once = "The session state is Broken.";
    assertEquals(once, normaliser.normalise((once + " ").repeat(5_000)).text());
    assertEquals(once, normaliser.normalise((once + "\n").repeat(5_000)).text());
    assertEquals(
        "[12:00] batch\n" + once,
        normaliser.normalise(("[12:00] batch\n" + once + "\n").repeat(300)).text());
  }

  @Test
  void survivesAFiftyThousandCharacterLine() {
    StringBuilder line = new StringBuilder();
    for (int i = 0; line.length() < 50_000; i++) {
      line.append("error").append(i).append(' ');
    }
    NormalisedText t = normaliser.normalise(line.toString());
    assertFalse(t.isBlank());
    assertTrue(t.truncated());
  }

  @Test
  void flagsBinaryJunkAndReplacesControlCharacters() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 4000; i++) {
      sb.append((char) (i % 32));
    }
    NormalisedText t = normaliser.normalise(sb.toString());
    assertTrue(t.binary());
    assertTrue(t.isBlank(), "nothing readable is left: '" + t.text() + "'");
  }

  @Test
  void handlesEmptyAndWhitespaceInput() {
    assertTrue(normaliser.normalise("").isBlank());
    assertTrue(normaliser.normalise(" \n\t \r\n ").isBlank());
  }

  @Test
  void handlesLoneSurrogatesWithoutThrowing() {
    NormalisedText t = normaliser.normalise("a\uD800b\uDC00c");
    assertEquals("a b c", t.text());
  }

  @Test
  void foldsTypographicQuotes() {
    assertEquals("l'exécution \"x\" ...", TextNormaliser.foldPunctuation("l’exécution «x» …"));
  }
}
