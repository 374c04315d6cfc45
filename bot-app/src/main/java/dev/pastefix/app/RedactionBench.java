package dev.pastefix.app;

import dev.pastefix.core.state.Redaction;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * What redaction costs on a 4 KB paste, for {@code pastefix bench}: an ordinary PowerShell error
 * paste, and one as full of secrets as a paste gets, each redacted many times after a warm-up. The
 * figures are the measuring thread's CPU time, so other work on a shared machine does not count.
 */
final class RedactionBench {
  /** The size of the measured pastes. */
  static final int PASTE_CHARS = 4096;

  static final int ROUNDS = 20_000;

  /** The budget of one redaction of a 4 KB paste, in CPU microseconds. */
  static final double TARGET_US = 50;

  /** Mean, median and p99 CPU microseconds of one redaction of each paste. */
  record Figures(
      double plainMean,
      double plainP50,
      double plainP99,
      double secretsMean,
      double secretsP50,
      double secretsP99) {
    void putInto(Map<String, Object> json) {
      json.put("redact_4kb_mean_us", round(plainMean));
      json.put("redact_4kb_p50_us", round(plainP50));
      json.put("redact_4kb_p99_us", round(plainP99));
      json.put("redact_4kb_secrets_mean_us", round(secretsMean));
      json.put("redact_4kb_secrets_p50_us", round(secretsP50));
      json.put("redact_4kb_secrets_p99_us", round(secretsP99));
    }

    String describe() {
      return String.format(
          Locale.ROOT,
          "redaction of 4 KB:     mean %.1f µs, p50 %.1f µs, p99 %.1f µs (an error paste); mean"
              + " %.1f µs, p50 %.1f µs, p99 %.1f µs (a paste full of secrets); target %.0f µs",
          plainMean,
          plainP50,
          plainP99,
          secretsMean,
          secretsP50,
          secretsP99,
          TARGET_US);
    }

    private static double round(double v) {
      return Math.round(v * 10) / 10.0;
    }
  }

  private RedactionBench() {}

  static Figures measure() {
    String plain = fill(ERROR_PASTE);
    String secrets = fill(SECRET_PASTE);
    long[] p = time(plain);
    long[] s = time(secrets);
    return new Figures(
        mean(p) / 1e3,
        BenchCommand.percentile(p, 0.50) / 1e3,
        BenchCommand.percentile(p, 0.99) / 1e3,
        mean(s) / 1e3,
        BenchCommand.percentile(s, 0.50) / 1e3,
        BenchCommand.percentile(s, 0.99) / 1e3);
  }

  private static double mean(long[] nanos) {
    return Arrays.stream(nanos).average().orElse(0);
  }

  private static long[] time(String paste) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    int sink = 0;
    for (int i = 0; i < ROUNDS; i++) {
      sink += Redaction.redact(paste).length();
    }
    long[] nanos = new long[ROUNDS];
    for (int i = 0; i < ROUNDS; i++) {
      long c = threads.getCurrentThreadCpuTime();
      sink += Redaction.redact(paste).length();
      nanos[i] = threads.getCurrentThreadCpuTime() - c;
    }
    if (sink == 42) {
      // Keeps the redactions from being optimised away.
      nanos[0]++;
    }
    Arrays.sort(nanos);
    return nanos;
  }

  private static String fill(String block) {
    StringBuilder out = new StringBuilder(PASTE_CHARS);
    while (out.length() < PASTE_CHARS) {
      out.append(block);
    }
    return out.substring(0, PASTE_CHARS);
  }

  private static final String ERROR_PASTE =
      "PS C:\\Users\\admin> Import-Module SkypeOnlineConnector\n"
          + "PS C:\\Users\\admin> $session = New-CsOnlineSession -Credential $cred"
          + " -OverrideAdminDomain contoso.onmicrosoft.com\n"
          + "New-PSSession : [admin1a.online.lync.com] Connecting to remote server"
          + " admin1a.online.lync.com failed with the following error message : The WinRM client"
          + " cannot process the request. Basic authentication is currently disabled in the client"
          + " configuration. Change the client configuration and try the request again. For more"
          + " information, see the about_Remote_Troubleshooting Help topic.\n"
          + "At C:\\Program Files\\Common Files\\Skype for Business Online\\Modules"
          + "\\SkypeOnlineConnector\\SkypeOnlineConnectorStartup.psm1:149 char:16\n"
          + "+ ...    $session = New-PSSession -Name $psSessionName -ConnectionUri $ConnectionUri"
          + " ...\n"
          + "+ CategoryInfo          : OpenError: (System.Manageme....RemoteRunspace:RemoteRunspace)"
          + " [New-PSSession], PSRemotingTransportException\n"
          + "+ FullyQualifiedErrorId : -2144108321,PSSessionOpenFailed\n"
          + "Correlation ID: 7b2f1c4e-9a3d-4e8b-b1c2-d3e4f5a6b7c8 HRESULT 0x80070005\n";

  private static final String SECRET_PASTE =
      "$pass = \"Autumn#2026\"; $s = ConvertTo-SecureString -AsPlainText -Force -String"
          + " \"P@ssw0rd123\"\n"
          + "Set-MsolUserPassword -UserPrincipalName bob@contoso.com -NewPassword \"Welc0me!2026\"\n"
          + "net user administrator N3wP@ss! /domain\n"
          + "{\"username\": \"svc\", \"password\": \"Tr0ub4dor&3\"} <Password>Summer2026!</Password>\n"
          + "aws_access_key_id AKIAIOSFODNN7EXAMPLE aws_secret_access_key ="
          + " wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n"
          + "https://acct.blob.core.windows.net/c?sv=2022&sig=kZ3vQ%2BxT8l9mN0pQrS1tUvWxYz2a%3D\n"
          + "Authorization: Basic YWRtaW46U3VwZXJTZWNyZXQ= eyJhbGciOiJSUzI1NiJ9"
          + ".eyJzdWIiOiIxMjM0NTY3ODkwIn0.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV\n"
          + "https://hooks.slack.com/services/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"
          + " ghp_R4nd0mT0k3nV4lu3F0rT3st1ngPurp0s3s01 Abc8Q~dEfGhIjKlMnOpQrStUvWxYz0123456789a\n"
          + "mot de passe : Soleil2026! 비밀번호: Seoul2026! https://u:p@ss@proxy.contoso.com/\n"
          + "New-PSSession : [admin1a.online.lync.com] Connecting to remote server failed: Access is"
          + " denied. FullyQualifiedErrorId : PSSessionOpenFailed\n";
}
