package dev.pastefix.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pastefix.core.state.InMemoryTrustedEndpoints;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConnectorTest {
  private final Clock clock = Clock.fixed(Instant.parse("2026-12-02T17:00:00Z"), ZoneOffset.UTC);
  private final TeamsConfig.Retry retry =
      new TeamsConfig.Retry(5, Duration.ofMillis(500), Duration.ofSeconds(30));
  private final Connector connector =
      new Connector(
          retry,
          null,
          new ServiceUrls(new InMemoryTrustedEndpoints(clock), clock),
          HttpClient.newHttpClient(),
          clock);

  @Test
  void readsRetryAfterAsSecondsOrAsAnHttpDate() {
    assertEquals(Optional.of(Duration.ofSeconds(7)), connector.retryAfter(Optional.of("7")));
    assertEquals(
        Optional.of(Duration.ofSeconds(90)),
        connector.retryAfter(Optional.of("Wed, 02 Dec 2026 17:01:30 GMT")));
    assertEquals(Optional.empty(), connector.retryAfter(Optional.of("soon")));
    assertEquals(Optional.empty(), connector.retryAfter(Optional.empty()));
  }

  @Test
  void doublesTheWaitAndHonoursRetryAfterUpToTheLongestWait() {
    assertEquals(Duration.ofMillis(500), connector.backoff(1, Optional.empty()));
    assertEquals(Duration.ofMillis(1000), connector.backoff(2, Optional.empty()));
    assertEquals(Duration.ofMillis(2000), connector.backoff(3, Optional.empty()));
    assertEquals(Duration.ofSeconds(30), connector.backoff(12, Optional.empty()));
    assertEquals(Duration.ofSeconds(3), connector.backoff(1, Optional.of(Duration.ofSeconds(3))));
    assertEquals(Duration.ofSeconds(30), connector.backoff(1, Optional.of(Duration.ofHours(1))));
  }

  @Test
  void encodesTheConversationIdOfAChannelThreadIntoOnePathSegment() {
    String uri =
        Connector.replyUri(
                "https://smba.trafficmanager.net/emea",
                "19:abc@thread.tacv2;messageid=17",
                "1700000001")
            .toString();

    assertEquals(
        "https://smba.trafficmanager.net/emea/v3/conversations/"
            + "19%3Aabc%40thread.tacv2%3Bmessageid%3D17/activities/1700000001",
        uri);
  }

  @Test
  void refusesToSendWhereNoValidatedActivityCameFrom() throws Exception {
    ServiceUrls trusted = new ServiceUrls(new InMemoryTrustedEndpoints(clock), clock);
    trusted.trust("https://smba.trafficmanager.net/emea/");
    Connector guarded = new Connector(retry, null, trusted, HttpClient.newHttpClient(), clock);

    assertTrue(trusted.trusted("https://smba.trafficmanager.net/emea"));
    assertTrue(
        guarded.reply(
                "http://169.254.169.254/",
                "c",
                "r",
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode(),
                1)
            instanceof Connector.Attempt.Failed);
  }
}
