package dev.pastefix.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The articles' own error texts, as they appear in the seeds (markdown emphasis and link targets
 * removed, {@code \\} read as one backslash), match their entry's symptoms and no other entry's.
 */
class ArticleErrorTextsTest {
  private static final String SERVER_UNAVAILABLE = "Server is temporarily unavailable";

  /** Entries whose section gives no error text: a description or a procedure only. */
  private static final Set<String> WITHOUT_ERROR_TEXT =
      Set.of(
          "winrm-basic-auth",
          "session-timeout",
          "mistyped-credentials",
          "forgotten-password",
          "not-licensed",
          "dns-propagation",
          "clock-skew",
          "collect-logs");

  private static final Map<String, List<String>> TEXTS = new LinkedHashMap<>();

  private static void texts(String id, String... texts) {
    TEXTS.computeIfAbsent(id, k -> new ArrayList<>()).addAll(List.of(texts));
  }

  static {
    // Connector article: each **Error** line of 001_ (English), the 2021 English wording of 002_
    // where it differs, and the French (002_) and Korean (003_) translations of the error itself.
    texts(
        "execution-policy",
        "Import-Module : File C:\\Program Files\\Common Files\\Microsoft Lync Server"
            + " 2013\\Modules\\LyncOnlineConnector\\LyncOnlineConnectorStartup.psm1 cannot be"
            + " loaded because running scripts is disabled on this system. For more information,"
            + " see about_Execution_Policies at https://go.microsoft.com/fwlink/?LinkID=135170.",
        "Import-Module : Fichier C : Le programme Fichiers courants Fichiers \\ Microsoft \\ \\"
            + " Lync Server 2013 \\ Modules \\ LyncOnlineConnector \\"
            + " LyncOnlineConnectorStartup.psm1 ne peut pas être chargé, car l’exécution des"
            + " scripts est désactivée sur ce système. Pour plus d’informations, voir"
            + " about_Execution_Policies à https://go.microsoft.com/fwlink/?LinkID=135170 .",
        "가져오기-모듈: 파일 C:\\프로그램 파일\\공통 파일\\시스템에서 스크립트를\\실행\\하\\는 기능이 비활성화 되어 있으므로 Microsoft Lync"
            + " Server 2013 모듈 LyncOnlineConnector LyncOnlineConnectorStartup을 로드할 수 없습니다. 자세한 내용은의"
            + " about_Execution_Policies를 참조 하세요 https://go.microsoft.com/fwlink/?LinkID=135170.");
    texts(
        "powershell-version",
        "Import-Module : The version of the loaded PowerShell is '2.0'. The module 'D:\\Program"
            + " Files\\Common Files\\Microsoft Lync Server"
            + " 2013\\Modules\\LyncOnlineConnector\\LyncOnlineConnector.psd1' requires a minimum"
            + " PowerShell version of '3.0' to execute. Please verify the installation of the"
            + " PowerShell and try again.",
        "Import-Module : La version de PowerShell chargée est « 2.0 ». Le module « D : Program \\"
            + " Files Common Files Microsoft \\ \\ Lync Server 2013 \\ Modules \\"
            + " LyncOnlineConnectorLyncOnlineConnector.psd1 » nécessite une version PowerShell « \\"
            + " 3.0 » minimale à exécuter. Vérifiez l’installation de PowerShell et essayez à"
            + " nouveau.",
        "가져오기-모듈: 로드 된 PowerShell의 버전은 ' 2.0 '입니다. 모듈 d\\: 프로그램 파일\\일반적인 파일\\Microsoft Lync Server"
            + " 2013\\module\\LyncOnlineConnector\\LyncOnlineConnector를 실행 하려면 최소 PowerShell 버전 '"
            + " 3.0 '이 필요 합니다. PowerShell 설치를 확인 한 후 다시 시도 하세요.");
    texts(
        "liveid-connect-failed",
        "Get-CsWebTicket : Failed to connect live id servers. Make sure proxy is enabled or machine"
            + " has network connection to live id servers.",
        "Get-CsWebTicket : Failed to connect live id servers. Make sure proxy is enabled or machine"
            + " has network connection to live ID servers.",
        "Get-CsWebTicket : Échec de la connexion aux serveurs d’id live. Assurez-vous que le proxy"
            + " est activé ou que l’ordinateur dispose d’une connexion réseau à des serveurs d’ID"
            + " en direct.",
        "가져오기-cswebticket: live id 서버에 연결 하지 못했습니다. 프록시를 사용 하도록 설정 하거나 컴퓨터에 live id 서버에 대 한 네트워크"
            + " 연결이 있는지 확인 합니다.");
    texts(
        "liveid-module-missing",
        "Get-CsWebTicket : Can not load Live Id module. Make sure correct version of Live Id"
            + " Sign-in assistant is installed.",
        "Get-CsWebTicket : Can't load Live ID module. Make sure correct version of Live Id Sign-in"
            + " assistant is installed.",
        "Get-CsWebTicket : vous ne pouvez pas charger le module Live ID. Assurez-vous que la"
            + " version correcte de l’Assistant de connect-vous Live Id est installée.",
        "Get-Cswebticket: Live Id 모듈을 로드할 수 없습니다. 올바른 버전의 Live Id 로그인 도우미가 설치 되어 있는지 확인 합니다.");
    texts(
        "logon-failed",
        "Get-CsWebTicket : Logon failed for the user 'kenmyer@litwareinc.com'. Please create a new"
            + " PSCredential object, making sure that you have used the correct user name and"
            + " password.",
        "Get-CsWebTicket : Logon failed for the user 'kenmyer@litwareinc.com'. Create a new"
            + " PSCredential object, making sure that you have used the correct user name and"
            + " password.",
        // The 2021 text (002_) renames the section to the newer wording of the error.
        "Sign in failed for the user",
        "Get-CsWebTicket : Échec de la logo de l’utilisateur « kenmyer@litwareinc.com ». Créez un"
            + " objet PSCredential, en vous assurez d’avoir utilisé le nom d’utilisateur et le mot"
            + " de passe corrects.",
        "get-help webticket: 사용자 ' kenmyer@litwareinc.com '에 대 한 로그온에 실패 했습니다. 올바른 사용자 이름 및 암호를 사용"
            + " 하 고 있는지 확인 하 여 새 PSCredential 개체를 만들어 주십시오.");
    texts(
        "tenant-permission",
        "New-PSSession : [admin.vdomain.com] Processing data from remote server admin.vdomain.com"
            + " failed with the following error message: The user 'user@foo.com' does not have"
            + " permission to manage this tenant. Permissions can be granted by assigning the user"
            + " to the appropriate RBAC role. For more information, see the Remote"
            + " Troubleshooting.",
        "New-PSSession : [admin.vdomain.com] Le traitement des données à partir du serveur distant"
            + " admin.vdomain.com a échoué avec le message d’erreur suivant : L’utilisateur «"
            + " user@foo.com » n’est pas autorisé à gérer ce client. Les autorisations peuvent être"
            + " octroyées en attribuant à l’utilisateur le rôle de CBAC approprié. Pour plus"
            + " d’informations, voir le dépannage à distance.",
        "다음 오류 메시지 때문에 원격 서버 admin.vdomain.com에서 데이터를 처리 하는 동안 새 PSSession: [admin.vdomain.com]이"
            + " (가) 실패 했습니다. 사용자 ' user@foo.com '에 게이 테 넌 트를 관리할 수 있는 권한이 없습니다. 사용자를 적절 한 RBAC 역할에"
            + " 할당 하 여 사용 권한을 부여할 수 있습니다. 자세한 내용은 원격 문제 해결을 참조 하세요.");
    texts(
        "remote-powershell-disabled",
        "New-PSSession : [admin.vdomain.com] Processing data from remote server admin.vdomain.com"
            + " failed with the following error message: The ability to connect to this tenant by"
            + " using a remote PowerShell session has been disabled. Please contact Lync Help to"
            + " check Tenant Powershell Policy of this tenant. For more information, see the Remote"
            + " Troubleshooting.",
        "New-PSSession : [admin.vdomain.com] Processing data from remote server admin.vdomain.com"
            + " failed with the following error message: The ability to connect to this tenant by"
            + " using a remote PowerShell session has been disabled. Contact Lync Help to check"
            + " Tenant Powershell Policy of this tenant. For more information, see the Remote"
            + " Troubleshooting.",
        "New-PSSession : [admin.vdomain.com] Le traitement des données du serveur distant"
            + " admin.vdomain.com a échoué avec le message d’erreur suivant : la connexion à ce"
            + " client à l’aide d’une session PowerShell distante a été désactivée. Contactez"
            + " l’aide de Lync pour vérifier la stratégie PowerShell du client. Pour plus"
            + " d’informations, voir le dépannage à distance.",
        "다음 오류 메시지 때문에 원격 서버 admin.vdomain.com에서 데이터를 처리 하는 동안 새 PSSession: [admin.vdomain.com]에서"
            + " 실패 했습니다. 원격 PowerShell 세션을 사용 하 여이 테 넌 트에 연결 하는 기능이 비활성화 되었습니다. Lync 도움말에 문의 하 여이 테"
            + " 넌 트의 테 넌 트 Powershell 정책을 확인 하세요. 자세한 내용은 원격 문제 해결을 참조 하세요.");
    texts(
        "max-shells-user",
        "New-PSSession : [admin.vdomain.com] Connecting to remote server admin.vdomain.com failed"
            + " with the following error message : The WS-Management service cannot process the"
            + " request. The maximum number of concurrent shells for this user has been exceeded."
            + " Close existing shells or raise the quota for this user. For more information, see"
            + " the [Remote"
            + " Troubleshooting](https://docs.microsoft.com/powershell/module/microsoft.powershell.core/about/about_remote_troubleshooting?view=powershell-5.1",
        "New-PSSession : [admin.vdomain.com] La connexion au serveur distant admin.vdomain.com a"
            + " échoué avec le message d’erreur suivant : le service WS-Management ne peut pas"
            + " traiter la demande. Le nombre maximal de shells simultanés pour cet utilisateur a"
            + " été dépassé. Fermez les shells existants ou élèvez le quota pour cet utilisateur."
            + " Pour plus d’informations, voir [Résolution"
            + " https://docs.microsoft.com/powershell/module/microsoft.powershell.core/about/about_remote_troubleshooting?view=powershell-5.1"
            + " des problèmes à distance] (",
        "다음 오류 메시지 때문에 원격 서버 admin.vdomain.com에 대 한 새 PSSession: [Admin.vdomain.com]에 연결 하지 못했습니다."
            + " ws-management 서비스가 요청을 처리할 수 없습니다. 이 사용자에 대 한 최대 동시 셸 수가 초과 되었습니다. 기존 셸을 닫거나이 사용자의"
            + " 할당량을 높이십시오. 자세한 내용은 [원격 문제 해결]을 참조 하세요"
            + " (https://docs.microsoft.com/powershell/module/microsoft.powershell.core/about/about_remote_troubleshooting?view=powershell-5.1");
    texts(
        "max-shells-tenant",
        "New-PSSession : [admin.vdomain.com] Connecting to remote server admin.vdomain.com failed"
            + " with the following error message : The WS-Management service cannot process the"
            + " request. The maximum number of concurrent shells for this tenant has been exceeded."
            + " Close existing shells or raise the quota for this tenant. For more information, see"
            + " the [Remote"
            + " Troubleshooting](https://docs.microsoft.com/powershell/module/microsoft.powershell.core/about/about_remote_troubleshooting?view=powershell-5.1",
        "New-PSSession : [admin.vdomain.com] Connecting to remote server admin.vdomain.com failed"
            + " with the following error message: The WS-Management service cannot process the"
            + " request. The maximum number of concurrent shells for this tenant has been exceeded."
            + " Close existing shells or raise the quota for this tenant. For more information, see"
            + " the [Remote"
            + " Troubleshooting](https://docs.microsoft.com/powershell/module/microsoft.powershell.core/about/about_remote_troubleshooting?view=powershell-5.1",
        "New-PSSession : [admin.vdomain.com] La connexion au serveur distant admin.vdomain.com a"
            + " échoué avec le message d’erreur suivant : le service WS-Management ne peut pas"
            + " traiter la demande. Le nombre maximal de commandes simultanées pour ce client a été"
            + " dépassé. Fermez des shells existants ou élèvez le quota pour ce client. Pour plus"
            + " d’informations, voir [Résolution"
            + " https://docs.microsoft.com/powershell/module/microsoft.powershell.core/about/about_remote_troubleshooting?view=powershell-5.1"
            + " des problèmes à distance] (",
        "다음 오류 메시지 때문에 원격 서버 admin.vdomain.com에 대 한 새 PSSession: [Admin.vdomain.com]에 연결 하지 못했습니다."
            + " ws-management 서비스가 요청을 처리할 수 없습니다. 이 테 넌 트에 대 한 최대 동시 셸 수가 초과 되었습니다. 기존 셸을 닫거나이 테 넌"
            + " 트의 할당량을 높이십시오. 자세한 내용은 [원격 문제 해결]을 참조 하세요"
            + " (https://docs.microsoft.com/powershell/module/microsoft.powershell.core/about/about_remote_troubleshooting?view=powershell-5.1");

    // Sign-in article (004_): the messages its two tables quote, in English and French.
    texts(
        "server-trust-prompt",
        "cannot verify that the server is trusted for your sign-in address. Connect anyway?",
        "ne peut pas vérifier que le serveur est fiable pour que vous puissiez vous connecter."
            + " Voulez-vous vous connecter ?");
    texts(
        "wrong-client-version",
        "the authentication service may be incompatible with this version of the program",
        "le service d’authentification n’est pas compatible avec cette version du programme");
    texts(
        "personal-certificate",
        "Problem acquiring a personal certificate that is required to sign in",
        "Problème d’acquisition d’un certificat personnel requis pour se connecter");
    texts(
        "signin-address-not-found",
        "Sign-in address not found",
        "Adresse de connexion introuvable");
    texts("server-unavailable-dns", SERVER_UNAVAILABLE, "Serveur temporairement indisponible");
    texts("server-unavailable-adfs", SERVER_UNAVAILABLE, "Serveur temporairement indisponible");
    texts(
        "user-not-sip-enabled",
        "User is not SIP enabled",
        "L’utilisateur test ne prend pas en charge le protocole SIP");
  }

  private static KnowledgeBase kb;

  @BeforeAll
  static void load() throws InvalidKnowledgeException {
    kb = new KnowledgeLoader().loadShipped();
  }

  @Test
  void everyShippedEntryIsCoveredOnce() {
    Set<String> covered = new TreeSet<>(TEXTS.keySet());
    covered.addAll(WITHOUT_ERROR_TEXT);
    assertEquals(TEXTS.size() + WITHOUT_ERROR_TEXT.size(), covered.size());
    assertEquals(new TreeSet<>(kb.entries().stream().map(Entry::id).toList()), covered);
  }

  @Test
  void eachErrorTextMatchesItsEntryAndNoOther() {
    List<String> failures = new ArrayList<>();
    TEXTS.forEach(
        (id, texts) -> {
          for (String text : texts) {
            List<String> expected =
                id.startsWith("server-unavailable-")
                    ? List.of("server-unavailable-dns", "server-unavailable-adfs")
                    : List.of(id);
            List<String> actual = kb.symptomMatcher().matchingIds(text);
            if (!new TreeSet<>(actual).equals(new TreeSet<>(expected))) {
              failures.add(id + " <- \"" + text + "\" matched " + actual);
            }
          }
        });
    assertEquals(List.of(), failures, () -> String.join("\n", failures));
  }

  @Test
  void sharedServerUnavailableTextMatchesExactlyTheTwoEntries() {
    assertEquals(
        Set.of("server-unavailable-dns", "server-unavailable-adfs"),
        Set.copyOf(kb.symptomMatcher().matchingIds(SERVER_UNAVAILABLE)));
  }

  @Test
  void errorTextsStillMatchWhenThePasteWrapsLines() {
    String wrapped =
        "New-PSSession : [admin.vdomain.com] Connecting to remote server admin.vdomain.com failed\n"
            + "with the following error message : The WS-Management service cannot process the\n"
            + "request. The maximum number of concurrent shells for this tenant has been exceeded.";
    assertEquals(List.of("max-shells-tenant"), kb.symptomMatcher().matchingIds(wrapped));
  }
}
