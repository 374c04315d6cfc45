package dev.pastefix.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pastefix.core.Channel;
import dev.pastefix.core.Inbound;
import dev.pastefix.core.Outcome;
import dev.pastefix.core.state.ConversationKey;
import dev.pastefix.core.telemetry.Telemetry;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The log an operator reads: JSON lines that parse, text lines, and never the pasted text. */
class LogsTest {
  private static final String PASTE =
      "Connect-MicrosoftTeams : password=Hunter2-very-secret for admin@contoso.com";

  @AfterEach
  void restore() {
    Logs.configure(Settings.LogFormat.TEXT, "INFO", System.err);
  }

  @Test
  void writesOneJsonObjectPerHandledMessageWithoutThePastedText() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Logs.configure(Settings.LogFormat.JSON, "INFO", out);
    Startup.Ready ready = new Startup().start(Optional.empty());
    Inbound message =
        Inbound.message(
            SignedSlackEvents.PASTE + "\n" + PASTE,
            Channel.DIRECT,
            "U1",
            ConversationKey.of("slack", "T1", "D0"));
    Outcome outcome = ready.bot().handle(message).outcome();

    Telemetry.inMemory()
        .handled("slack", Channel.DIRECT, "D0/1700000000.000001", outcome, Duration.ofMillis(7));

    String log = out.toString(StandardCharsets.UTF_8);
    JsonNode line = null;
    for (String text : log.split("\n")) {
      JsonNode parsed = new ObjectMapper().readTree(text);
      if ("pastefix.handled".equals(parsed.path("logger_name").asText())) {
        line = parsed;
      }
    }
    assertTrue(line != null, "a handled line in: " + log);
    assertEquals("slack", line.path("platform").asText());
    assertEquals("direct", line.path("channel").asText());
    assertEquals(outcome.kind().label(), line.path("outcome").asText());
    assertEquals("D0/1700000000.000001", line.path("message_id").asText());
    assertEquals(7, line.path("engine_ms").asInt());
    assertEquals("INFO", line.path("level").asText());
    assertFalse(log.contains("Hunter2"), log);
    assertFalse(log.contains("maximum number of concurrent shells"), log);
  }

  @Test
  void writesTextLinesAtTheConfiguredLevel() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Logs.configure(Settings.LogFormat.TEXT, "WARN", out);

    org.slf4j.LoggerFactory.getLogger("pastefix.test").info("not shown");
    org.slf4j.LoggerFactory.getLogger("pastefix.test").warn("shown");

    String log = out.toString(StandardCharsets.UTF_8);
    assertFalse(log.contains("not shown"), log);
    assertTrue(log.contains("WARN  pastefix.test - shown"), log);
  }

  @Test
  void keepsLibrariesThatLogPayloadsAtInfoWhenDebugging() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Logs.configure(Settings.LogFormat.TEXT, "DEBUG", out);

    org.slf4j.LoggerFactory.getLogger("com.slack.api.bolt.App").debug("body {\"text\":\"x\"}");
    org.slf4j.LoggerFactory.getLogger("dev.pastefix.app").debug("our own debug line");

    String log = out.toString(StandardCharsets.UTF_8);
    assertFalse(log.contains("body {"), log);
    assertTrue(log.contains("our own debug line"), log);
  }

  @Test
  void redactsSecretsInEveryLineAtDebugTextAndJson() throws Exception {
    for (Settings.LogFormat format : Settings.LogFormat.values()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      Logs.configure(format, "DEBUG", out);
      org.slf4j.LoggerFactory.getLogger("com.example.library")
          .warn(
              "request body: {}",
              "{\"password\": \"Tr0ub4dor&3\", \"key\": \"AKIAIOSFODNN7EXAMPLE\"}");
      String log = out.toString(StandardCharsets.UTF_8);
      assertTrue(log.contains("request body"), format + ": " + log);
      assertFalse(log.contains("Tr0ub4dor"), format + ": " + log);
      assertFalse(log.contains("AKIAIOSFODNN7EXAMPLE"), format + ": " + log);
    }
  }

  @Test
  void aLineBreakFromOutsideCannotForgeALogLine() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Logs.configure(Settings.LogFormat.TEXT, "INFO", out);
    org.slf4j.LoggerFactory.getLogger("pastefix.test")
        .info("feedback on {}", "[x\n13:00:00.000 [main] INFO  pastefix.admin - granted\r]");
    String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
    assertEquals(2, lines.length, String.join("|", lines));
    assertTrue(lines[1].startsWith("    13:00:00.000"), lines[1]);
    assertTrue(lines[1].contains("\\u000d"), lines[1]);
  }

  @Test
  void anExceptionsMessageCanNeitherForgeALineNorLeakASecret() {
    String forged = "\n13:00:00.000 [main] INFO  pastefix.admin - granted\u001b[2J";
    IllegalStateException failure =
        new IllegalStateException(
            "refused value 'password=Tr0ub4dor&3'" + forged,
            new IllegalArgumentException(
                "{\"token\": \"ghp_R4nd0mT0k3nV4lu3F0rT3st1ngPurp0s3s01\"}"));
    failure.addSuppressed(new RuntimeException("key AKIAIOSFODNN7EXAMPLE" + forged));
    for (Settings.LogFormat format : Settings.LogFormat.values()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      Logs.configure(format, "INFO", out);
      org.slf4j.LoggerFactory.getLogger("pastefix.test").warn("could not store a vote", failure);
      String log = out.toString(StandardCharsets.UTF_8);

      assertTrue(log.contains("IllegalStateException"), format + ": " + log);
      assertTrue(log.contains("IllegalArgumentException"), format + ": " + log);
      for (String secret :
          List.of(
              "Tr0ub4dor", "ghp_R4nd0mT0k3nV4lu3F0rT3st1ngPurp0s3s01", "AKIAIOSFODNN7EXAMPLE")) {
        assertFalse(log.contains(secret), format + ": " + log);
      }
      assertFalse(log.contains("\u001b"), format + ": an escape character reached the log");
      for (String line : log.split("\n")) {
        assertFalse(line.startsWith("13:00:00.000"), format + ": a forged line: " + line);
      }
    }
  }

  @Test
  void keepsBoltsRawBodyWarningOut() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Logs.configure(Settings.LogFormat.TEXT, "DEBUG", out);
    org.slf4j.LoggerFactory.getLogger(Logs.BOLT_REQUEST_PARSER)
        .warn("No request pattern detected for {}", "token=pasted-body");
    assertEquals("", out.toString(StandardCharsets.UTF_8));
  }
}
