package dev.pastefix.core.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RedactionTest {
  @Test
  void hidesAPlainTextPasswordTurnedIntoASecureString() {
    String text = "$pw = ConvertTo-SecureString 'Hunter2!' -AsPlainText -Force";
    String redacted = Redaction.redact(text);
    assertFalse(redacted.contains("Hunter2"), redacted);
    assertEquals("$pw = ConvertTo-SecureString [redacted] -AsPlainText -Force", redacted);
  }

  @Test
  void hidesPasswordParametersAndAssignments() {
    assertEquals(
        "New-Thing -Password [redacted] -Name x",
        Redaction.redact("New-Thing -Password \"s3cr3t pass\" -Name x"));
    assertEquals("password: [redacted]", Redaction.redact("password: Winter2026"));
    assertEquals(
        "Server=db;User Id=sa;Pwd=[redacted];",
        Redaction.redact("Server=db;User Id=sa;Pwd=abc123;"));
  }

  @Test
  void hidesPlatformTokensAndBearerTokens() {
    String redacted =
        Redaction.redact(
            "token xoxb-1234567890-abcdefghij and xapp-1-A0B1C2-3456 "
                + "Authorization: Bearer eyJhbGciOiJSUzI1NiJ9.payload.sig "
                + "MTAxMjM0NTY3ODkwMTIzNDU2Nzg5.GhIjKl.abcdefghijklmnopqrstuvwxyz0123456");
    assertFalse(redacted.contains("xoxb-1234567890"), redacted);
    assertFalse(redacted.contains("xapp-1-A0B1C2"), redacted);
    assertFalse(redacted.contains("eyJhbGciOiJSUzI1NiJ9"), redacted);
    assertFalse(redacted.contains("GhIjKl"), redacted);
  }

  @Test
  void stripsCredentialsFromUrls() {
    assertEquals(
        "http://[redacted]@127.0.0.1:8089/api/",
        Redaction.url("http://bob:hunter2@127.0.0.1:8089/api/"));
    assertEquals("https://slack.com/api/", Redaction.url("https://slack.com/api/"));
  }

  @Test
  void leavesOrdinaryErrorTextAlone() {
    String error =
        "New-PSSession : [admin1a.online.lync.com] Connecting to remote server failed: "
            + "The maximum number of concurrent shells for this tenant has been exceeded.";
    assertEquals(error, Redaction.redact(error));
  }

  @Test
  void finishesOnHostileText() {
    String hostile = "password=".repeat(50_000) + "'".repeat(50_000);
    assertTrue(Redaction.redact(hostile).contains(Redaction.MARK));
  }
}
