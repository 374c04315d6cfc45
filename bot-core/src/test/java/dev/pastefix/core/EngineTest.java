package dev.pastefix.core;

import static dev.pastefix.core.TestingEngines.channel;
import static dev.pastefix.core.TestingEngines.direct;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pastefix.core.classify.SignatureIndex;
import dev.pastefix.core.reply.Action;
import dev.pastefix.core.reply.Block;
import dev.pastefix.core.reply.BotCommand;
import dev.pastefix.core.reply.Reply;
import dev.pastefix.core.reply.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EngineTest {

  static Stream<Arguments> fullPastes() {
    return Stream.of(
        Arguments.of(
            "execution-policy",
            "PS C:\\> Import-Module LyncOnlineConnector\n"
                + "Import-Module : File C:\\Program Files\\Common Files\\Microsoft Lync Server"
                + " 2013\\Modules\\LyncOnlineConnector\\LyncOnlineConnectorStartup.psm1 cannot be"
                + " loaded because running scripts is disabled on this system. For more"
                + " information, see about_Execution_Policies at"
                + " https://go.microsoft.com/fwlink/?LinkID=135170.\n"
                + "At line:1 char:1\n"
                + "+ Import-Module LyncOnlineConnector\n"
                + "+ ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~\n"
                + "    + CategoryInfo          : SecurityError: (:) [Import-Module],"
                + " PSSecurityException\n"
                + "    + FullyQualifiedErrorId :"
                + " UnauthorizedAccess,Microsoft.PowerShell.Commands.ImportModuleCommand"),
        Arguments.of(
            "liveid-connect-failed",
            "```\n"
                + "Get-CsWebTicket : Failed to connect live id servers. Make sure proxy is enabled"
                + " or machine has network connection to live id servers.\n"
                + "At C:\\Program Files\\Common Files\\Microsoft Lync Server"
                + " 2013\\Modules\\LyncOnlineConnector\\LyncOnlineConnectorStartup.psm1:58"
                + " char:26\n"
                + "+         $webticket = Get-CsWebTicket -User $user -Password $password -Url $"
                + " ...\n"
                + "+                     "
                + " ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~\n"
                + "    + CategoryInfo          : OperationStopped: (:) [Get-CsWebTicket],"
                + " AuthFailedException\n"
                + "```"),
        Arguments.of(
            "max-shells-tenant",
            "<@U0BOT> New-PSSession : [admin.vdomain.com] Connecting to remote server"
                + " admin.vdomain.com failed with the following error message : The WS-Management"
                + " service cannot process the request. The maximum number of concurrent shells for"
                + " this tenant has been exceeded. Close existing shells or raise the quota for"
                + " this tenant."),
        Arguments.of(
            "powershell-version",
            "Import-Module : The version of the loaded PowerShell is '2.0'. The module 'D:\\Program"
                + " Files\\Common Files\\Microsoft Lync Server"
                + " 2013\\Modules\\LyncOnlineConnector\\LyncOnlineConnector.psd1' requires a"
                + " minimum PowerShell version of '3.0' to execute. Please verify the installation"
                + " of the PowerShell and try again.\n"
                + "At line:1 char:14\n"
                + "+ Import-Module <<<<  LyncOnlineConnector"),
        Arguments.of(
            "execution-policy",
            "Salut, en important le module j'ai ça :\n"
                + "Import-Module : Impossible de charger le fichier"
                + " C:\\Modules\\LyncOnlineConnector\\LyncOnlineConnectorStartup.psm1, car"
                + " l’exécution de scripts est désactivée sur ce système.\n"
                + "Au caractère Ligne:1 : 1\n"
                + "+ Import-Module LyncOnlineConnector"),
        Arguments.of(
            "session-timeout",
            "Processing data for a remote command failed with the following error message: The"
                + " I/O operation has been aborted because of either a thread exit or an"
                + " application request. For more information, see the"
                + " about_Remote_Troubleshooting Help topic.\n"
                + "    + CategoryInfo          : OperationStopped:"
                + " (admin3b.online.lync.com:String) [], PSRemotingTransportException"));
  }

  static Stream<Arguments> localizedConsoleErrors() {
    return Stream.of(
        Arguments.of("max-shells-tenant", "원격 서버 연결 실패: 이 테넌트의 최대 동시 셸 수를 초과했습니다."),
        Arguments.of("max-shells-user", "이 사용자의 최대 동시 셸 수를 초과했습니다. 기존 셸을 닫으십시오."),
        Arguments.of(
            "winrm-basic-auth",
            "New-PSSession : [admin1a.online.lync.com] Le client WinRM ne peut pas traiter la"
                + " demande. L'authentification de base est actuellement désactivée dans la"
                + " configuration du client."));
  }

  @ParameterizedTest
  @MethodSource("localizedConsoleErrors")
  void answersLocalizedConsoleErrorsInBothModes(String id, String paste) {
    assertEquals(List.of(id), direct(paste).findingIds());
    assertEquals(List.of(id), channel(paste).findingIds());
  }

  @ParameterizedTest
  @MethodSource("fullPastes")
  void answersFullPowerShellPastesInBothModes(String id, String paste) {
    assertEquals(List.of(id), direct(paste).findingIds());
    assertEquals(List.of(id), channel(paste).findingIds());
  }

  @Test
  void answersEveryEntrysOwnErrorTextsInBothModes() {
    List<String> failures = new ArrayList<>();
    for (var entry : TestingEngines.knowledge().entries()) {
      for (var symptom : entry.symptoms()) {
        if (!symptom.literal()) {
          continue;
        }
        String text = symptom.source();
        // A phrase in plain words counts in a channel only when the message is about Skype.
        String inChannel =
            SignatureIndex.literalIsErrorText(text) ? text : "Skype for Business Online: " + text;
        for (Outcome o : List.of(direct(text), channel(inChannel))) {
          if (!o.findingIds().contains(entry.id())) {
            failures.add(entry.id() + " <- '" + text + "' gave " + o.findingIds());
          }
        }
      }
    }
    assertTrue(failures.isEmpty(), String.join("\n", failures));
  }

  @Test
  void staysSilentOnOrdinaryChatInChannel() {
    for (String chat :
        List.of(
            "good morning all",
            "anyone up for lunch at noon?",
            "the build is green again, nice",
            "I'm out tomorrow, ping me on my phone",
            "thanks, that worked!",
            "PSA: maintenance tonight at 22:00",
            "can someone review my pull request before 4?")) {
      assertInstanceOf(Outcome.Silent.class, channel(chat), chat);
    }
  }

  @Test
  void staysSilentInChannelOnPlainWordsThatAreNotAboutSkype() {
    for (String text :
        List.of(
            "the wall clock in room 4 is out of sync again",
            "I forgot my password for the VPN portal, who can reset it?",
            "our ADFS uses a self-signed cert in the lab, fine for testing")) {
      assertInstanceOf(Outcome.Silent.class, channel(text), text);
    }
    assertInstanceOf(
        Outcome.Unknown.class, direct("the wall clock in room 4 is out of sync again"));
  }

  @Test
  void answersPlainWordsInChannelWhenTheyAreAboutSkypeForBusiness() {
    assertEquals(
        List.of("forgotten-password"),
        channel("a user forgot her password and can't sign in to Skype for Business Online")
            .findingIds());
  }

  @Test
  void thanksThatStillReportAProblemAreNotChatter() {
    Outcome o =
        direct(
            "thanks, but users still fail to sign in to Skype for Business Online since the laptop"
                + " clocks drifted 20 minutes");
    assertEquals(List.of("clock-skew"), o.findingIds());
    assertInstanceOf(
        Outcome.Unknown.class,
        direct(
            "thanks all, Set-ExecutionPolicy RemoteSigned did it, the connector module loads now"));
  }

  @Test
  void takesAStatusReportForChatterButNotWhenSomethingStillFails() {
    assertInstanceOf(
        Outcome.Unknown.class,
        direct("our ADFS certificate was renewed with a public CA cert yesterday, no issues"));
    assertEquals(
        List.of("not-licensed"),
        direct(
                "onmicrosoft accounts work with no problem, but the new hire can't sign in to Skype"
                    + " for Business Online, no license assigned yet?")
            .findingIds());
  }

  @Test
  void givesBothErrorsOfATwoErrorPasteInOrder() {
    String paste =
        "first box:\n"
            + "`Get-CsWebTicket : Can not load Live Id module. Make sure correct version of Live Id"
            + " Sign-in assistant is installed.`\n"
            + "second box:\n"
            + "`Import-Module : File C:\\x\\LyncOnlineConnectorStartup.psm1 cannot be loaded"
            + " because running scripts is disabled on this system.`";
    assertEquals(List.of("liveid-module-missing", "execution-policy"), direct(paste).findingIds());
    assertEquals(List.of("liveid-module-missing", "execution-policy"), channel(paste).findingIds());
  }

  @Test
  void asksWhichCauseFitsForTheSharedServerUnavailableText() {
    String text =
        "users get: Cannot sign in because the server is temporarily unavailable. If the problem"
            + " continues, please contact your support team.";
    Outcome o = direct(text);
    Outcome.Clarify clarify = assertInstanceOf(Outcome.Clarify.class, o);
    assertEquals(
        List.of("server-unavailable-adfs", "server-unavailable-dns"),
        clarify.findingIds().stream().sorted().toList());
    assertInstanceOf(Outcome.Clarify.class, channel(text));
  }

  @Test
  void presentsBothCausesOfTheSharedTextBesideAnotherError() {
    String text =
        "two problems today:\n"
            + "1. Cannot sign in because the server is temporarily unavailable.\n"
            + "2. Get-CsWebTicket : Can not load Live Id module. Make sure correct version of Live"
            + " Id Sign-in assistant is installed.";
    Outcome.Answer a = assertInstanceOf(Outcome.Answer.class, direct(text));
    assertEquals(
        List.of("server-unavailable-dns", "server-unavailable-adfs", "liveid-module-missing"),
        a.findingIds());
  }

  @Test
  void resolvesTheClarifyingQuestionWithTheNextMessageOfTheConversation() {
    TestingEngines.Shipped engine = TestingEngines.shipped();
    String error = "Cannot sign in because the server is temporarily unavailable.";
    assertInstanceOf(
        Outcome.Clarify.class,
        engine.handle(TestingMessages.of(error, Channel.MENTION, "U1", "T-42")));
    Outcome answer =
        engine.handle(
            TestingMessages.of(
                "no ADFS here, cloud only, custom domain", Channel.THREAD, "U1", "T-42"));
    assertEquals(List.of("server-unavailable-dns"), answer.findingIds());
    Outcome elsewhere =
        engine.handle(
            TestingMessages.of(
                "no ADFS here, cloud only, custom domain", Channel.THREAD, "U1", "T-43"));
    assertInstanceOf(Outcome.Unknown.class, elsewhere, "another conversation was not asked");
    Outcome again =
        engine.handle(
            TestingMessages.of(
                "no ADFS here, cloud only, custom domain", Channel.THREAD, "U1", "T-42"));
    assertInstanceOf(Outcome.Unknown.class, again, "the question was answered already");
  }

  @Test
  void picksTheDnsCauseWhenThereIsNoAdfs() {
    String text =
        "Server is temporarily unavailable for everyone on our custom domain. We don't use ADFS and"
            + " there is no sip CNAME yet.";
    assertEquals(List.of("server-unavailable-dns"), direct(text).findingIds());
  }

  @Test
  void picksTheAdfsCauseWhenItsCertificateIsSelfSigned() {
    String text =
        "Server is temporarily unavailable since we turned on ADFS single sign-on; the ADFS"
            + " certificate is self-signed.";
    assertEquals(List.of("server-unavailable-adfs"), direct(text).findingIds());
  }

  @Test
  void staysSilentOnExchangeOnlineLookAlikeInChannel() {
    String text =
        "New-PSSession : [outlook.office365.com] Connecting to remote server outlook.office365.com"
            + " failed with the following error message : The WS-Management service cannot process"
            + " the request. The maximum number of concurrent shells for this user has been"
            + " exceeded.";
    assertInstanceOf(Outcome.Silent.class, channel(text));
    Outcome o = direct(text);
    Outcome.Unknown unknown = assertInstanceOf(Outcome.Unknown.class, o);
    assertTrue(unknown.findingIds().isEmpty());
    assertTrue(unknown.reply().summary().contains("Exchange Online"), unknown.reply().summary());
  }

  @Test
  void declinesOtherServicesWhenAddressed() {
    for (String text :
        List.of(
            "Connect-IPPSSession fails: Basic authentication is currently disabled in the client"
                + " configuration",
            "kubectl get pods -> error: You must be logged in to the server (Unauthorized)",
            "javax.net.ssl.SSLHandshakeException: PKIX path building failed",
            "AADSTS50126: Error validating credentials due to invalid username or password.",
            "Enter-PSSession -ComputerName FS01 : The maximum number of concurrent shells for this"
                + " user has been exceeded",
            "New-PSSession : [sfbfe01.contoso.local] Connecting to remote server"
                + " sfbfe01.contoso.local failed with the following error message : The WinRM"
                + " client cannot process the request. Basic authentication is currently disabled"
                + " in the client configuration.")) {
      Outcome o = direct(text);
      assertInstanceOf(Outcome.Unknown.class, o, text);
      assertTrue(o.findingIds().isEmpty(), text);
      assertInstanceOf(Outcome.Silent.class, channel(text), text);
    }
  }

  @Test
  void keepsOurAnswerWhenTheHostIsSkypeForBusinessOnline() {
    String text =
        "New-PSSession : [admin1a.online.lync.com] Connecting to remote server"
            + " admin1a.online.lync.com failed: The WinRM client cannot process the request. Basic"
            + " authentication is currently disabled in the client configuration.";
    assertEquals(List.of("winrm-basic-auth"), channel(text).findingIds());
  }

  @Test
  void recognisesAnErrorThatAConsoleWrappedMidWord() {
    String paste =
        "New-PSSession : [admin1a.online.lync.com] Connecting to remote server"
            + " admin1a.online.lync.c\n"
            + "om failed with the following error message : The WS-Management service cannot"
            + " process t\n"
            + "he request. The maximum number of concurrent shells for this tenant has been"
            + " exceeded. Cl\n"
            + "ose existing shells or raise the quota for this tenant.";
    assertEquals(List.of("max-shells-tenant"), channel(paste).findingIds());
    String split =
        "Get-CsWebTicket : Failed to connect live id servers. Make sure proxy is enabled or machine"
            + " h\n"
            + "as network connection to live id servers.";
    assertEquals(List.of("liveid-connect-failed"), direct(split).findingIds());
  }

  @Test
  void recognisesAQuotedPartOfAnErrorText() {
    String text =
        "other admins keep all the sessions open - 'concurrent shells for this tenant' again";
    assertEquals(List.of("max-shells-tenant"), channel(text).findingIds());
  }

  @Test
  void answersQuestionsWithoutAnErrorTextWhenAddressed() {
    assertEquals(
        List.of("clock-skew"),
        direct("could a wrong system clock on a laptop stop Skype for Business Online sign-in?")
            .findingIds());
  }

  @Test
  void saysItDoesNotKnowWithTheClosestEntries() {
    Outcome o = direct("my printer says PC LOAD LETTER, what does it mean?");
    Outcome.Unknown unknown = assertInstanceOf(Outcome.Unknown.class, o);
    assertTrue(unknown.findingIds().isEmpty());
    assertEquals(Thresholds.CLOSEST_ENTRIES, unknown.closestIds().size());
    assertFalse(unknown.reply().blocks().isEmpty());
  }

  @Test
  void answersEmptyAndWhitespaceWithAClearMessageWhenAddressed() {
    for (String text : List.of("", "   \n\t  ")) {
      Outcome o = direct(text);
      Outcome.Unknown unknown = assertInstanceOf(Outcome.Unknown.class, o);
      assertTrue(unknown.reply().summary().contains("empty"), unknown.reply().summary());
      assertInstanceOf(Outcome.Silent.class, channel(text));
    }
  }

  @Test
  void answersBinaryBytesWithAClearMessage() {
    byte[] bytes = new byte[5000];
    new java.util.Random(7).nextBytes(bytes);
    String junk = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
    Outcome o = direct(junk);
    assertInstanceOf(Outcome.Unknown.class, o);
    assertTrue(
        o instanceof Outcome.Unknown u && u.reply().summary().contains("binary"),
        ((Outcome.Unknown) o).reply().summary());
    assertInstanceOf(Outcome.Silent.class, channel(junk));
  }

  @Test
  void findsTheErrorAtTheEndOfAMegabytePaste() {
    String big =
        "Get-ChildItem output line\n".repeat(40_000)
            + "Get-CsWebTicket : Can not load Live Id module. Make sure correct version of Live Id"
            + " Sign-in assistant is installed.";
    assertTrue(big.length() > 1_000_000);
    assertEquals(List.of("liveid-module-missing"), direct(big).findingIds());
  }

  @Test
  void answersAMegabyteOfNoiseWithoutThrowing() {
    StringBuilder noise = new StringBuilder();
    for (int i = 0; noise.length() < 1_000_000; i++) {
      noise.append("lorem ipsum dolor sit amet ").append(i).append(' ');
    }
    String big = noise.toString();
    Outcome.Unknown unknown = assertInstanceOf(Outcome.Unknown.class, direct(big));
    String said = unknown.reply().blocks().toString();
    assertTrue(said.contains("first 12,000 and last 4,000 characters"), said);
    assertInstanceOf(Outcome.Silent.class, channel(big));
  }

  @Test
  void answersAFiftyThousandCharacterLineWithoutThrowing() {
    String line = "a".repeat(50_000);
    assertInstanceOf(Outcome.Unknown.class, direct(line));
    assertInstanceOf(Outcome.Silent.class, channel(line));
  }

  @Test
  void buildsAFullAnswerWithCauseStepsLinksAndActions() {
    Outcome.Answer answer =
        assertInstanceOf(
            Outcome.Answer.class,
            direct(
                "Cannot sign in because the server is temporarily unavailable. we have no ADFS and"
                    + " no sip CNAME for alice@fabrikam.com"));
    Reply reply = answer.reply();
    assertEquals("server-unavailable-dns", answer.findings().get(0).entryId());
    assertTrue(answer.findings().get(0).confidence() >= Thresholds.SIGNATURE_CONFIDENCE);
    assertInstanceOf(Block.Heading.class, reply.blocks().get(0));
    assertTrue(reply.blocks().stream().anyMatch(b -> b instanceof Block.Steps));
    assertTrue(reply.blocks().stream().anyMatch(b -> b instanceof Block.Note), "lifecycle note");
    assertTrue(
        reply.blocks().stream()
            .filter(b -> b instanceof Block.Source)
            .flatMap(b -> ((Block.Source) b).spans().stream())
            .anyMatch(s -> s instanceof Span.Link),
        "a link to the source");
    // The checks declare what they take: the DNS check gets the domain of the address.
    assertTrue(
        reply
            .actions()
            .contains(
                new Action.RunCheck(
                    new BotCommand.RunCheck("dns", "fabrikam.com"), "Run check: dns fabrikam.com")),
        reply.actions().toString());
    assertTrue(
        reply
            .actions()
            .contains(new Action.Feedback(List.of("server-unavailable-dns"), true, "Helpful")));
    assertTrue(reply.actions().stream().anyMatch(a -> a instanceof Action.OpenLink));
    assertFalse(reply.summary().isBlank());
  }

  @Test
  void showsTheMatchedErrorTextAndHowSure() {
    Outcome.Answer answer =
        assertInstanceOf(
            Outcome.Answer.class,
            direct(
                "Get-CsWebTicket : Can not load Live Id module. Make sure correct version of Live"
                    + " Id Sign-in assistant is installed."));
    Block.Provenance matched = (Block.Provenance) answer.reply().blocks().get(1);
    String line = matched.spans().stream().map(EngineTest::text).reduce("", String::concat);
    assertTrue(line.contains("%"), line);
    assertTrue(line.toLowerCase().contains("live id"), line);
  }

  @Test
  void answersInFrenchWhenTheProseIsFrench() {
    Outcome.Answer answer =
        assertInstanceOf(
            Outcome.Answer.class,
            direct(
                "Bonjour, sur le nouveau poste j'ai cette erreur en important le module : running"
                    + " scripts is disabled on this system. Que faire ?"));
    String heading = ((Block.Heading) answer.reply().blocks().get(0)).text();
    String expected =
        TestingEngines.knowledge()
            .entry("execution-policy")
            .orElseThrow()
            .translation("fr")
            .orElseThrow()
            .title();
    assertEquals(expected, heading);
  }

  @Test
  void neverThrowsOnRandomMarkupAndFraming() {
    String[] pieces = {
      "<@U1>",
      "<#C1|x>",
      "<https://a|b>",
      "```",
      "`",
      "'",
      "\"",
      "«",
      "»",
      ">",
      "&gt;",
      "&amp;",
      ":smile:",
      "+ ",
      "~~~~",
      "At line:1 char:1",
      "위치 줄:1 문자:1",
      "Au caractère",
      "[",
      "]",
      "New-PSSession : [admin1a.online.lync.com] Connecting to remote server ",
      "\n",
      " ",
      "\t",
      "\u0000",
      "\uD800",
      "é",
      "테 넌 트",
      "Server is temporarily unavailable",
      "no ADFS",
      "?",
      "Logon failed for the user '",
      "@",
      "x@y.com",
      "-ComputerName ",
      "PS C:\\> ",
      "<<<<",
      ".{0,"
    };
    java.util.Random random = new java.util.Random(42);
    for (int i = 0; i < 400; i++) {
      StringBuilder sb = new StringBuilder();
      int n = random.nextInt(30);
      for (int j = 0; j < n; j++) {
        sb.append(pieces[random.nextInt(pieces.length)]);
      }
      for (Channel c : Channel.values()) {
        Outcome o =
            TestingEngines.shipped().handle(TestingMessages.of(sb.toString(), c, "U", "K" + i));
        if (c.addressed()) {
          assertFalse(o instanceof Outcome.Silent, "addressed messages get a reply: " + sb);
        } else if (o instanceof Outcome.Silent s) {
          assertFalse(s.reason().startsWith("internal error"), s.reason() + " on: " + sb);
        }
        if (o.visibleReply().isPresent()) {
          assertFalse(
              o.visibleReply().get().summary().contains("went wrong"), "internal error on: " + sb);
        }
      }
    }
  }

  @Test
  void runsOverAnEmptyKnowledgeBase() {
    Engine engine = Engine.create(new dev.pastefix.knowledge.KnowledgeBase(List.of(), List.of()));
    TestingEngines.Shipped empty =
        new TestingEngines.Shipped(
            dev.pastefix.core.testing.TestingPipelines.over(
                    dev.pastefix.core.state.BotState.inMemory(java.time.Clock.systemUTC()))
                .engine(engine)
                .build());
    Outcome o =
        empty.handle(
            TestingMessages.of("Server is temporarily unavailable", Channel.DIRECT, "U", "K"));
    assertInstanceOf(Outcome.Unknown.class, o);
    assertInstanceOf(
        Outcome.Silent.class,
        empty.handle(TestingMessages.of("anything at all", Channel.CHANNEL, "U", "K")));
  }

  @Test
  void neverThrowsOnOddText() {
    for (String text :
        List.of(
            "<@U1>",
            "```",
            "```\n```",
            "&amp;&lt;",
            "> > >",
            ":::",
            "+",
            "~~~~",
            "<<<<",
            "\u0000\u0001",
            "@",
            "a@b")) {
      for (Channel c : Channel.values()) {
        Outcome o = TestingEngines.shipped().handle(TestingMessages.of(text, c, "U", "K"));
        assertTrue(o != null);
      }
    }
  }

  private static String text(Span s) {
    if (s instanceof Span.Plain p) {
      return p.text();
    }
    if (s instanceof Span.Strong p) {
      return p.text();
    }
    if (s instanceof Span.InlineCode p) {
      return p.text();
    }
    return ((Span.Link) s).label();
  }
}
