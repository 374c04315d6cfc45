package dev.pastefix.slack;

/** What administrators paste, written after the source articles' error texts. */
public final class Pastes {
  private Pastes() {}

  public static final String MAX_SHELLS_TENANT =
      "```New-PSSession : [admin1a.online.lync.com] Connecting to remote server"
          + " admin1a.online.lync.com failed with the following error message : The WS-Management"
          + " service cannot process the request. The maximum number of concurrent shells for this"
          + " tenant has been exceeded. Close existing shells or raise the quota for this tenant.\n"
          + "At line:1 char:12\n"
          + "+ $session = New-PSSession -ConnectionUri"
          + " https://admin1a.online.lync.com/OcsPowershellLiveId\n"
          + "    + CategoryInfo          : OpenError:"
          + " (System.Manageme....RemoteRunspace:RemoteRunspace) [New-PSSession],"
          + " PSRemotingTransportException\n"
          + "    + FullyQualifiedErrorId : -2144108477,PSSessionOpenFailed```";
}
