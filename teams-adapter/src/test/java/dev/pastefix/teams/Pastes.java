package dev.pastefix.teams;

/** What administrators paste, written after the source articles' error texts. */
final class Pastes {
  private Pastes() {}

  static final String MAX_SHELLS_TENANT =
      "New-PSSession : [admin1a.online.lync.com] Connecting to remote server"
          + " admin1a.online.lync.com failed with the following error message : The WS-Management"
          + " service cannot process the request. The maximum number of concurrent shells for this"
          + " tenant has been exceeded. Close existing shells or raise the quota for this tenant.\n"
          + "At line:1 char:12\n"
          + "+ $session = New-PSSession -ConnectionUri"
          + " https://admin1a.online.lync.com/OcsPowershellLiveId\n"
          + "    + CategoryInfo          : OpenError:"
          + " (System.Manageme....RemoteRunspace:RemoteRunspace) [New-PSSession],"
          + " PSRemotingTransportException\n"
          + "    + FullyQualifiedErrorId : -2144108477,PSSessionOpenFailed";

  static final String FRENCH =
      "Bonjour, sur le nouveau poste j'ai cette erreur en important le module : running"
          + " scripts is disabled on this system. Que faire ?";

  static final String KOREAN =
      "Import-Module : 이 시스템에서 스크립트를 실행할 수 없으므로"
          + " C:\\Program Files\\Common Files\\Skype for Business Online\\Modules\\"
          + "SkypeOnlineConnector\\SkypeOnlineConnectorStartup.psm1 파일을 로드할 수 없습니다.";

  static final String CHATTER = "anyone up for lunch at noon? the usual place";
}
