package dev.pastefix.core.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RedactionTest {
  /** A paste holding a secret, and the secret: it must be gone, the rest of the words kept. */
  record Secret(String shape, String text, String secret, String kept) {}

  static final List<Secret> SECRETS =
      List.of(
          // cloud keys and tokens known by their shape
          new Secret(
              "AWS access key id",
              "aws configure set aws_access_key_id AKIAIOSFODNN7EXAMPLE",
              "AKIAIOSFODNN7EXAMPLE",
              "aws_access_key_id"),
          new Secret(
              "AWS temporary key id",
              "AccessKeyId: ASIAY34FZKBOKMUTVV7A expires soon",
              "ASIAY34FZKBOKMUTVV7A",
              "expires soon"),
          new Secret(
              "aws_secret_access_key in credentials file",
              "[default]\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n",
              "wJalrXUtnFEMI/K7MDENG",
              "[default]"),
          new Secret(
              "AWS_SECRET_ACCESS_KEY env",
              "export AWS_SECRET_ACCESS_KEY=9drTJvcXLB89EXAMPLELB8923FB892xMFI",
              "9drTJvcXLB89EXAMPLE",
              "export"),
          new Secret(
              "SAS sig in URL",
              "https://acct.blob.core.windows.net/c/f.txt?sv=2022-11-02&ss=b&sig=kZ3vQ%2BxT8l9mN0pQrS1tUvWxYz2a3b4C5d6E7f8G9h0%3D&se=2026",
              "kZ3vQ%2BxT8l9mN0pQ",
              "sv=2022-11-02"),
          new Secret(
              "storage connection string",
              "DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;EndpointSuffix=core.windows.net",
              "Eby8vdM02xNOcqFlqUwJ",
              "AccountName=acct"),
          new Secret(
              "JSON password",
              "{\"username\": \"svc-sync\", \"password\": \"Tr0ub4dor&3\"}",
              "Tr0ub4dor",
              "svc-sync"),
          new Secret(
              "JSON client_secret",
              "{\"client_id\":\"5f1c2d3e\",\"client_secret\":\"q7Zs9LmN2pXv4RtY6uWb8\"}",
              "q7Zs9LmN2pXv4RtY6uWb8",
              "client_id"),
          new Secret(
              "XML Password element",
              "<Credentials><UserName>admin</UserName><Password>Summer2026!</Password></Credentials>",
              "Summer2026!",
              "<UserName>admin</UserName>"),
          new Secret(
              "XML password attribute",
              "<add name=\"db\" connectionString=\"Server=sql1;User Id=app;Password=Xy9#pQ2w;\" />",
              "Xy9#pQ2w",
              "User Id=app"),
          new Secret(
              "Set-MsolUserPassword -NewPassword",
              "Set-MsolUserPassword -UserPrincipalName bob@contoso.com -NewPassword \"Welc0me!2026\" -ForceChangePassword $false",
              "Welc0me!2026",
              "-ForceChangePassword $false"),
          new Secret(
              "ConvertTo-SecureString -String after the flags",
              "$s = ConvertTo-SecureString -AsPlainText -Force -String \"P@ssw0rd123\"",
              "P@ssw0rd123",
              "-AsPlainText -Force -String"),
          new Secret(
              "ConvertTo-SecureString positional",
              "$pw = ConvertTo-SecureString 'Hunter2!' -AsPlainText -Force",
              "Hunter2!",
              "-AsPlainText -Force"),
          new Secret(
              "ConvertTo-SecureString inside a credential",
              "$c = New-Object PSCredential('admin@contoso.com', (ConvertTo-SecureString 'Spr1ng#Time' -AsPlainText -Force))",
              "Spr1ng#Time",
              "admin@contoso.com"),
          new Secret(
              "$pass assignment",
              "$pass = \"Autumn#2026\"\n$cred = New-Object PSCredential($user, $pass)",
              "Autumn#2026",
              "$cred = New-Object"),
          new Secret(
              "$adminPassword assignment",
              "$adminPasswordPlain = 'Zx8!kLm2Qw'",
              "Zx8!kLm2Qw",
              "$adminPasswordPlain"),
          new Secret("net user", "net user administrator N3wP@ss! /domain", "N3wP@ss!", "/domain"),
          new Secret("net user /add", "net user svc_backup Bk2026$x /add", "Bk2026$x", "/add"),
          new Secret(
              "JWT without Bearer",
              "token was eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4ifQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c rejected",
              "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
              "rejected"),
          new Secret(
              "Authorization: Bearer",
              "Authorization: Bearer 0b79bab50daca910b000d4f1a2b675d604257e42",
              "0b79bab50daca910b000d4f1a2b675d604257e42",
              "Authorization"),
          new Secret(
              "Authorization: Basic",
              "curl -H \"Authorization: Basic YWRtaW46U3VwZXJTZWNyZXQ=\" https://api.example.com",
              "YWRtaW46U3VwZXJTZWNyZXQ=",
              "https://api.example.com"),
          new Secret(
              "PEM RSA private key",
              "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun\nVTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxK\n-----END RSA PRIVATE KEY-----",
              "MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun",
              "-----END RSA PRIVATE KEY-----"),
          new Secret(
              "PEM encrypted key with headers",
              "-----BEGIN ENCRYPTED PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nMIIFHDBOBgkqhkiG9w0BBQ0wQTApBgkqhkiG9w0BBQwwHAQI\n-----END ENCRYPTED PRIVATE KEY-----",
              "MIIFHDBOBgkqhkiG9w0BBQ0wQTApBgkqhkiG9w0BBQwwHAQI",
              "-----BEGIN ENCRYPTED PRIVATE KEY-----"),
          new Secret(
              "OpenSSH key cut off",
              "here is my key -----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW",
              "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ",
              "here is my key"),
          new Secret(
              "Slack webhook URL",
              "posting to https://hooks.slack.com/services/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 failed",
              "vOqKm4fWbXnGzE7hYtLr2Ps9",
              "failed"),
          new Secret(
              "Teams incoming webhook",
              "https://contoso.webhook.office.com/webhookb2/7a1c8b2e-1111-4c2d-9e3f-0a1b2c3d4e5f@72f988bf-86f1-41af-91ab-2d7cd011db47/IncomingWebhook/3f2a9c7d1e8b4a6f/8d7e6f5a-4b3c-2d1e-0f9a-8b7c6d5e4f3a",
              "IncomingWebhook/3f2a9c7d1e8b4a6f",
              "contoso.webhook.office.com"),
          new Secret(
              "Discord webhook",
              "https://discord.com/api/webhooks/1187654321098765432/Xk9mZp2Lq8Rv4Tw6Yb1Nc3Vd5Fg7Hj0KlMnOpQrStUvWxYz-abcdefghijklmnop",
              "Xk9mZp2Lq8Rv4Tw6Yb1Nc3Vd5Fg7Hj0",
              "discord.com/api/"),
          new Secret(
              "GitHub classic token",
              "git clone https://ghp_R4nd0mT0k3nV4lu3F0rT3st1ngPurp0s3s01@github.com/org/repo",
              "ghp_R4nd0mT0k3nV4lu3F0rT3st1ngPurp0s3s01",
              "github.com/org/repo"),
          new Secret(
              "GitHub fine-grained token",
              "GH_TOKEN github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUV",
              "github_pat_11ABCDEFG0123456789",
              "GH_TOKEN"),
          new Secret(
              "GitHub app token",
              "ghs_16C7e42F292c6912E7710c838347Ae178B4a rate limited",
              "ghs_16C7e42F292c6912E7710c838347Ae178B4a",
              "rate limited"),
          new Secret(
              "Azure client secret by shape",
              "Connect-MgGraph failed with secret Abc8Q~dEfGhIjKlMnOpQrStUvWxYz0123456789a for app",
              "Abc8Q~dEfGhIjKlMnOpQrStUvWxYz0123456789a",
              "for app"),
          new Secret(
              "-ClientSecret parameter",
              "Connect-PnPOnline -Url https://contoso.sharepoint.com -ClientId 1b730954 -ClientSecret 'XyZ12345abcdeFGHIJ'",
              "XyZ12345abcdeFGHIJ",
              "-ClientId 1b730954"),
          new Secret(
              "-Password parameter",
              "New-LocalUser -Name svc -Password \"s3cr3t pass\" -Description x",
              "s3cr3t pass",
              "-Description x"),
          new Secret(
              "-AccessToken parameter",
              "Connect-MicrosoftTeams -AccessTokens @($a) -AccessToken 1.AQ8AxyzLongOpaqueToken99",
              "1.AQ8AxyzLongOpaqueToken99",
              "Connect-MicrosoftTeams"),
          new Secret(
              "Slack bot token",
              "SLACK_BOT_TOKEN xoxb-2187654321-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx",
              "xoxb-2187654321",
              "SLACK_BOT_TOKEN"),
          new Secret(
              "Slack app token",
              "using xapp-1-A0B1C2D3E4F-1234567890123-abcdef0123456789",
              "xapp-1-A0B1C2D3E4F",
              "using"),
          new Secret(
              "Discord bot token",
              "DISCORD_TOKEN MTAxMjM0NTY3ODkwMTIzNDU2Nzg5.GhIjKl.abcdefghijklmnopqrstuvwxyz0123456",
              "GhIjKl.abcdefghijklmnopqrstuvwxyz",
              "DISCORD_TOKEN"),
          new Secret(
              "credentials in a URL with @ in the password",
              "Invoke-WebRequest https://u:p@ss@proxy.contoso.com:8080/pac",
              "p@ss",
              "proxy.contoso.com:8080/pac"),
          new Secret(
              "credentials in a database URL",
              "jdbc:postgresql://bot:Hunter2@db.internal:5432/pastefix",
              "Hunter2",
              "db.internal:5432/pastefix"),
          new Secret("YAML password", "smtp:\n  password: Winter2026\n", "Winter2026", "smtp:"),
          new Secret(
              "connection string Pwd", "Server=db;User Id=sa;Pwd=abc123;", "abc123", "User Id=sa"),
          new Secret(
              "api key header",
              "Ocp-Apim-Subscription-Key: 0123456789abcdef0123456789abcdef",
              "0123456789abcdef0123456789abcdef",
              "Ocp-Apim"),
          new Secret(
              "Google API key",
              "key=AIzaSyDaGmWKa4JsXZ-HjGw7ISLn_3namBGewQe used",
              "AIzaSyDaGmWKa4JsXZ-HjGw7ISLn_3namBGewQe",
              "used"),
          // French wording
          new Secret(
              "French: mot de passe :",
              "Mon mot de passe : Soleil2026! ne marche plus",
              "Soleil2026!",
              "ne marche plus"),
          new Secret(
              "French: mdp=", "compte admin, mdp=Ete#2026 depuis hier", "Ete#2026", "depuis hier"),
          new Secret(
              "French: Mot de passe in an error",
              "Connect-MsolService : Mot de passe: Bonjour123 refusé pour admin@contoso.fr",
              "Bonjour123",
              "refusé pour admin@contoso.fr"),
          // Korean wording
          new Secret(
              "Korean: 비밀번호:", "관리자 비밀번호: Seoul2026! 로 로그인이 안 됩니다", "Seoul2026!", "로그인이 안 됩니다"),
          new Secret("Korean: 암호 =", "암호 = 'Hangang#77' 입력 후 오류", "Hangang#77", "입력 후 오류"),
          new Secret("Korean: 비밀번호는:", "비밀번호는: Busan!2026 입니다", "Busan!2026", "입니다"));

  /** Text that looks like a secret but is not one: it must come through unchanged. */
  static final List<String> LOOK_ALIKES =
      List.of(
          "Correlation ID: 7b2f1c4e-9a3d-4e8b-b1c2-d3e4f5a6b7c8",
          "Tenant 72f988bf-86f1-41af-91ab-2d7cd011db47 not found",
          "error 0x80070005 (E_ACCESSDENIED) HRESULT: 0x8007052E",
          "FullyQualifiedErrorId : PSSessionOpenFailed,Microsoft.PowerShell.Commands.NewPSSessionCommand",
          "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
          "Thumbprint : 1A2B3C4D5E6F7A8B9C0D1E2F3A4B5C6D7E8F9A0B",
          "New-PSSession -ConnectionUri $uri -Credential $cred -Authentication Basic",
          "$cred = Get-Credential",
          "$password = Read-Host -AsSecureString",
          "Set-MsolUser -UserPrincipalName bob@contoso.com -PasswordNeverExpires $true",
          "PasswordNeverExpires : True\nLastPasswordChangeTimestamp : 3/1/2026 10:00:00 AM",
          "StrongPasswordRequired : False",
          "The password for this account has expired; reset it and try again.",
          "Enter your password and click Sign in.",
          "Password: ********",
          "password: <your password here>",
          "Le mot de passe a expiré. Changez-le puis réessayez.",
          "비밀번호가 만료되었습니다. 다시 시도하세요.",
          "Unexpected token: } in expression or statement.",
          "Basic authentication is disabled for the tenant",
          "Bearer token expired",
          "The WinRM client cannot process the request. Basic authentication is currently disabled.",
          "Connecting to remote server admin1a.online.lync.com failed: Access is denied.",
          "http://server01:5985/wsman and https://outlook.office365.com/powershell-liveid/",
          "mail sent to user@contoso.com from https://portal.azure.com/#blade/x",
          "Set-ExecutionPolicy -ExecutionPolicy Bypass -Scope Process",
          "password=${DB_PASSWORD} from the environment",
          "-ForceChangePassword:$false was ignored",
          "System.Management.Automation.Remoting.PSRemotingTransportException: token 'x'",
          "Internet user agents and .NET users see the same page",
          "Asia Pacific region and AKIA prefix docs",
          "eyJ is how a JWT starts",
          "Version 16.0.15601.20148 build 1.2.3.4",
          "Get-CsOnlineUser -Identity sip:bob@contoso.com | fl *Password*");

  static Stream<Arguments> secrets() {
    return SECRETS.stream().map(s -> Arguments.of(s.shape(), s));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("secrets")
  void hidesTheSecret(String shape, Secret secret) {
    assertTrue(secret.text().contains(secret.secret()), "the table's own text holds the secret");
    String redacted = Redaction.redact(secret.text());
    assertFalse(redacted.contains(secret.secret()), shape + ": " + redacted);
    assertTrue(redacted.contains(Redaction.MARK), shape + ": " + redacted);
    assertTrue(
        redacted.contains(secret.kept()), shape + " kept '" + secret.kept() + "': " + redacted);
  }

  @ParameterizedTest
  @MethodSource("lookAlikes")
  void leavesLookAlikesAlone(String text) {
    assertEquals(text, Redaction.redact(text));
  }

  static Stream<String> lookAlikes() {
    return LOOK_ALIKES.stream();
  }

  @Test
  void theTableIsLargeEnough() {
    assertTrue(SECRETS.size() >= 40, "secrets: " + SECRETS.size());
    assertTrue(LOOK_ALIKES.size() >= 20, "look-alikes: " + LOOK_ALIKES.size());
  }

  @Test
  void hidesEverySecretOfOnePasteTogether() {
    StringBuilder paste = new StringBuilder();
    SECRETS.forEach(s -> paste.append(s.text()).append('\n'));
    LOOK_ALIKES.forEach(l -> paste.append(l).append('\n'));
    String redacted = Redaction.redact(paste.toString());
    for (Secret s : SECRETS) {
      assertFalse(redacted.contains(s.secret()), s.shape() + " survived in the whole paste");
    }
    for (String l : LOOK_ALIKES) {
      assertTrue(redacted.contains(l), "look-alike changed in the whole paste: " + l);
    }
  }

  @Test
  void keepsTheShapeOfWhatItReplaces() {
    assertEquals(
        "$pw = ConvertTo-SecureString [redacted] -AsPlainText -Force",
        Redaction.redact("$pw = ConvertTo-SecureString 'Hunter2!' -AsPlainText -Force"));
    assertEquals("password: [redacted]", Redaction.redact("password: Winter2026"));
    assertEquals(
        "Server=db;User Id=sa;Pwd=[redacted];",
        Redaction.redact("Server=db;User Id=sa;Pwd=abc123;"));
    assertEquals(
        "http://[redacted]@127.0.0.1:8089/api/",
        Redaction.url("http://bob:hunter2@127.0.0.1:8089/api/"));
    assertEquals("https://slack.com/api/", Redaction.url("https://slack.com/api/"));
  }

  @Test
  void finishesOnHostileText() {
    String hostile = "password=".repeat(50_000) + "'".repeat(50_000);
    assertTrue(Redaction.redact(hostile).contains(Redaction.MARK));
    String dots = "a".repeat(30) + ".".repeat(100_000);
    assertEquals(dots, Redaction.redact(dots));
    String keys = "-----BEGIN ".repeat(20_000) + "://a:".repeat(20_000);
    assertEquals(keys.length(), Redaction.redact(keys).length());
  }
}
