package dev.pastefix.slack;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import dev.pastefix.core.telemetry.Telemetry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Request verification: the five-minute window both ways and Slack's documented signature. */
class SlackEventsHandlerTest {
  private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
  private static final long NOW = 1_531_420_618L;

  private final SlackEventsHandler handler =
      new SlackEventsHandler(
          new App(AppConfig.builder().signingSecret(SECRET).build()),
          SECRET,
          Telemetry.inMemory(),
          Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));

  @Test
  void acceptsTimestampsWithinFiveMinutesEitherWay() {
    assertTrue(handler.fresh(Long.toString(NOW)));
    assertTrue(handler.fresh(Long.toString(NOW + 300)));
    assertTrue(handler.fresh(Long.toString(NOW - 300)));
  }

  @Test
  void refusesTimestampsMoreThanFiveMinutesAheadOrBehind() {
    assertFalse(handler.fresh(Long.toString(NOW + 301)));
    assertFalse(handler.fresh(Long.toString(NOW + 3600)));
    assertFalse(handler.fresh(Long.toString(NOW + 100_000_000L)));
    assertFalse(handler.fresh(Long.toString(NOW - 301)));
    assertFalse(handler.fresh("soon"));
  }

  @Test
  void checksSlacksDocumentedSignatureOverTheRawBytes() {
    byte[] body = SlackRequestSignatureTest.BODY.getBytes(StandardCharsets.UTF_8);

    assertTrue(handler.signed(Long.toString(NOW), body, SlackRequestSignatureTest.SIGNATURE));
    assertFalse(handler.signed(Long.toString(NOW + 1), body, SlackRequestSignatureTest.SIGNATURE));
    assertFalse(
        handler.signed(Long.toString(NOW), body, SlackRequestSignatureTest.SIGNATURE.substring(1)));
  }

  @Test
  void checksANonAsciiBodyAsUtf8WhateverTheDefaultCharset() {
    String text = "{\"text\":\"Anmeldung fehlgeschlagen: é ü 로그인\"}";
    String signature = TestingSlackClient.signature(SECRET, Long.toString(NOW), text);

    assertTrue(
        handler.signed(Long.toString(NOW), text.getBytes(StandardCharsets.UTF_8), signature));
  }
}
