package dev.pastefix.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slack.api.app_backend.SlackSignature;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.util.SlackRequestParser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Slack's documented example from "Verifying requests from Slack" as a test vector. */
class SlackRequestSignatureTest {
  private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
  private static final String TIMESTAMP = "1531420618";
  static final String BODY =
      "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow"
          + "&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner"
          + "&command=%2Fwebhook-collect&text="
          + "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN"
          + "&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
  static final String SIGNATURE =
      "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

  @Test
  void signsLikeSlacksDocumentedExample() {
    assertEquals(SIGNATURE, TestingSlackClient.signature(SECRET, TIMESTAMP, BODY));
  }

  @Test
  void acceptsTheDocumentedRequestAsTheServerParsesIt() {
    Request<?> request = parse(BODY, SIGNATURE);

    assertTrue(request.isValid(verifier(), Long.parseLong(TIMESTAMP) * 1000));
  }

  @Test
  void rejectsTheDocumentedRequestWithOneCharacterChanged() {
    Request<?> request = parse(BODY.replace("roadrunner", "roadrunnes"), SIGNATURE);

    assertFalse(request.isValid(verifier(), Long.parseLong(TIMESTAMP) * 1000));
  }

  @Test
  void rejectsTheDocumentedRequestTenMinutesLater() {
    Request<?> request = parse(BODY, SIGNATURE);

    assertFalse(request.isValid(verifier(), (Long.parseLong(TIMESTAMP) + 600) * 1000));
  }

  private static SlackSignature.Verifier verifier() {
    return new SlackSignature.Verifier(new SlackSignature.Generator(SECRET));
  }

  private static Request<?> parse(String body, String signature) {
    AppConfig config = AppConfig.builder().signingSecret(SECRET).build();
    return new SlackRequestParser(config)
        .parse(
            SlackRequestParser.HttpRequest.builder()
                .requestUri("/slack/events")
                .queryString(Map.of())
                .headers(
                    new RequestHeaders(
                        Map.of(
                            "X-Slack-Request-Timestamp", List.of(TIMESTAMP),
                            "X-Slack-Signature", List.of(signature),
                            "Content-Type", List.of("application/x-www-form-urlencoded"))))
                .requestBody(body)
                .remoteAddress("127.0.0.1")
                .build());
  }
}
