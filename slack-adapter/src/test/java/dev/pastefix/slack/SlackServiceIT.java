package dev.pastefix.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pastefix.core.Inbound;
import dev.pastefix.core.answer.Wording;
import dev.pastefix.core.feedback.InMemoryFeedbackStore;
import dev.pastefix.core.pipeline.Step;
import dev.pastefix.core.state.BotState;
import dev.pastefix.core.telemetry.Telemetry;
import dev.pastefix.core.testing.RecordingStep;
import dev.pastefix.core.testing.TestingPipelines;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * HTTP mode as a service: events beyond the backlog are refused before acknowledgement and answered
 * on Slack's retry, acknowledged events are all posted before a drain ends even with a slow Web
 * API, requests from the future are refused, and the counters move.
 */
class SlackServiceIT {
  private static final String SECRET = "service-it-secret";
  private static final ObjectMapper JSON = new ObjectMapper();

  private FakeSlackApi slack;
  private Telemetry telemetry;
  private BotState state;
  private SlackBot slackBot;
  private TestingJetty http;
  private TestingSlackClient client;

  @BeforeEach
  void fakeSlack() throws Exception {
    slack = new FakeSlackApi();
    telemetry = Telemetry.inMemory();
  }

  private void start(Step bot, SlackOptions.Capacity capacity) throws Exception {
    state = BotState.inMemory(Clock.systemUTC());
    slackBot =
        new SlackBot(
            new SlackOptions(
                "xoxb-service-it",
                Optional.empty(),
                Optional.of(SECRET),
                slack.apiUrl(),
                0,
                capacity),
            TestingPipelines.over(state).telemetry(telemetry).step(bot).build(),
            new InMemoryFeedbackStore(),
            telemetry,
            Clock.systemUTC());
    slackBot.start();
    http = TestingJetty.serving(slackBot);
    client = new TestingSlackClient(http.port(), SECRET);
  }

  @AfterEach
  void stop() throws Exception {
    if (http != null) {
      http.close();
    }
    if (slackBot != null) {
      slackBot.close();
    }
    slack.close();
  }

  @Test
  void refusesBeforeAcknowledgingWhenFullAndAnswersSlacksRetry() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    Step held =
        (m, next) -> {
          try {
            release.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return next.proceed(m);
        };
    start(held, new SlackOptions.Capacity(1, 1, 1, Duration.ZERO, 3));
    String first =
        SlackPayloads.channelMessage(
            "Ev500", "C0ADMINS", "1700000000.000500", Pastes.MAX_SHELLS_TENANT);
    String second =
        SlackPayloads.channelMessage(
            "Ev501", "C0OTHER", "1700000000.000501", Pastes.MAX_SHELLS_TENANT);

    HttpResponse<String> firstAck = client.postJson(first);
    HttpResponse<String> refused = client.postJson(second);
    release.countDown();
    slack.await(
        "/api/chat.postMessage", c -> "C0ADMINS".equals(c.form().get("channel")), patience());
    assertEquals(0, slackBot.workers().drain(Duration.ofSeconds(10)));
    HttpResponse<String> retried =
        client.postJson(second, Map.of("X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "x"));

    assertEquals(200, firstAck.statusCode());
    assertEquals(503, refused.statusCode(), "refused, not acknowledged and dropped");
    assertEquals(200, retried.statusCode());
    slack.await(
        "/api/chat.postMessage", c -> "C0OTHER".equals(c.form().get("channel")), patience());
    assertEquals(1.0, counter("pastefix.events.shed"));
  }

  @Test
  void postsEveryAcknowledgedReplyBeforeTheDrainEndsWithASlowWebApi() throws Exception {
    slack.delayPosts(Duration.ofMillis(300));
    start(RecordingStep.passing(), new SlackOptions.Capacity(2, 2, 100, Duration.ofMillis(200), 3));
    int events = 12;
    for (int i = 0; i < events; i++) {
      HttpResponse<String> ack =
          client.postJson(
              SlackPayloads.channelMessage(
                  "Ev6" + i,
                  "C0" + (i % 3),
                  "1700000000.00060" + Integer.toString(i, 36),
                  Pastes.MAX_SHELLS_TENANT));
      assertEquals(200, ack.statusCode());
    }

    slackBot.stopAccepting();
    HttpResponse<String> afterStop =
        client.postJson(
            SlackPayloads.channelMessage(
                "Ev699", "C0ADMINS", "1700000000.000699", Pastes.MAX_SHELLS_TENANT));
    int left = slackBot.workers().drain(Duration.ofSeconds(30));

    assertEquals(0, left);
    assertEquals(503, afterStop.statusCode(), "no new work once stopping");
    List<FakeSlackApi.Call> posts = slack.calls("/api/chat.postMessage");
    Set<String> threads = new HashSet<>();
    posts.forEach(p -> threads.add(p.form().get("channel") + "/" + p.form().get("thread_ts")));
    assertEquals(events, posts.size(), "one post per acknowledged event");
    assertEquals(events, threads.size(), "no duplicates");
    assertEquals((double) events, counter("pastefix.replies.posted"));
  }

  @Test
  void keepsTheChannelPaceBetweenTwoPostsToOneChannel() throws Exception {
    start(RecordingStep.passing(), new SlackOptions.Capacity(2, 4, 100, Duration.ofMillis(700), 3));

    client.postJson(
        SlackPayloads.channelMessage(
            "Ev700", "C0PACE", "1700000000.000700", Pastes.MAX_SHELLS_TENANT));
    client.postJson(
        SlackPayloads.channelMessage(
            "Ev701", "C0PACE", "1700000000.000701", Pastes.MAX_SHELLS_TENANT));

    List<FakeSlackApi.Call> posts = slack.awaitCount("/api/chat.postMessage", 2);
    long apart = Duration.between(posts.get(0).at(), posts.get(1).at()).toMillis();
    assertTrue(apart >= 650, "posts to one channel " + apart + " ms apart");
  }

  @Test
  void refusesRequestsStampedInTheFuture() throws Exception {
    start(RecordingStep.passing(), SlackOptions.Capacity.DEFAULT);
    String body =
        SlackPayloads.channelMessage(
            "Ev800", "C0ADMINS", "1700000000.000800", Pastes.MAX_SHELLS_TENANT);
    long now = Instant.now().getEpochSecond();

    // 5 minutes and 10 s ahead: a second of difference between the two clocks cannot matter.
    for (long ahead : new long[] {310, 3600, 100_000_000L}) {
      HttpResponse<String> response =
          client.post(body, "application/json", Map.of(), now + ahead, SECRET);
      assertEquals(401, response.statusCode(), ahead + " s ahead");
    }
    HttpResponse<String> withinSkew =
        client.post(body, "application/json", Map.of(), now + 60, SECRET);

    assertEquals(200, withinSkew.statusCode(), "a minute ahead is clock skew, not a replay");
  }

  @Test
  void countsReceivedHandledDuplicatesAndAcknowledgements() throws Exception {
    start(RecordingStep.passing(), SlackOptions.Capacity.DEFAULT);
    String event =
        SlackPayloads.channelMessage(
            "Ev900", "C0ADMINS", "1700000000.000900", Pastes.MAX_SHELLS_TENANT);

    client.postJson(event);
    client.postJson(event, Map.of("X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "x"));
    slack.await("/api/chat.postMessage");
    slackBot.workers().drain(Duration.ofSeconds(10));

    assertEquals(1.0, counter("pastefix.messages.received"));
    assertEquals(1.0, handled("channel", "answer"));
    assertEquals(1.0, counter("pastefix.retries.deduplicated"));
    assertEquals(2, telemetry.registry().get("pastefix.ack.latency").timer().count());
    assertEquals(1, telemetry.registry().get("pastefix.engine.latency").timer().count());
    assertEquals(1, telemetry.registry().get("pastefix.reply.latency").timer().count());
  }

  @Test
  void answersAnOversizedBodyWithoutLengthWith413() throws Exception {
    start(RecordingStep.passing(), SlackOptions.Capacity.DEFAULT);
    java.net.http.HttpRequest request =
        java.net.http.HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + http.port() + "/slack/events"))
            .header("Content-Type", "application/json")
            // A stream of unknown length is sent chunked, with no Content-Length to refuse early.
            .POST(
                java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                    () ->
                        new java.io.ByteArrayInputStream(
                            new byte[SlackEventsHandler.MAX_BODY_BYTES + 4096])))
            .build();

    HttpResponse<String> response =
        java.net.http.HttpClient.newHttpClient()
            .send(request, HttpResponse.BodyHandlers.ofString());

    assertEquals(413, response.statusCode());
  }

  @Test
  void aRunCheckClickIsCountedLoggedAndItsFailureToldInTheLanguageOfTheAnswer() throws Exception {
    start(
        (in, next) -> {
          if (in instanceof Inbound.Click) {
            throw new IllegalStateException("a check that fails");
          }
          return next.proceed(in);
        },
        SlackOptions.Capacity.DEFAULT);
    Map<String, String> form =
        SlackPayloads.blockAction(
            BlockKitRenderer.RUN_CHECK_ACTION_PREFIX + "0",
            BlockKitRenderer.ACTIONS_BLOCK_ID,
            "dns contoso.com",
            "C0ADMINS",
            "1700000000.000950",
            Optional.of("[]"),
            slack.responseUrl("check-fr"));
    ObjectNode payload = (ObjectNode) JSON.readTree(form.get("payload"));
    ((ObjectNode) payload.path("message"))
        .put(
            "text",
            "Impossible d'ouvrir une session PowerShell : le nombre maximal de shells est atteint.");
    form.put("payload", payload.toString());

    assertEquals(200, client.postForm(form).statusCode());

    FakeSlackApi.Call reply = slack.await("/response/check-fr");
    assertTrue(reply.body().contains(Wording.of("fr").failure().summary()), reply.body());
    assertEquals(1.0, counter("pastefix.messages.received"));
    assertEquals(1.0, handled("command", "error"));
    assertEquals(1, telemetry.registry().get("pastefix.engine.latency").timer().count());
    assertEquals(
        List.of("check dns contoso.com"),
        state.answerLog().since(Instant.EPOCH).stream().map(r -> r.redactedText()).toList());
  }

  private double handled(String channel, String outcome) {
    return telemetry
        .registry()
        .get("pastefix.messages.handled")
        .tag("platform", "slack")
        .tag("channel", channel)
        .tag("outcome", outcome)
        .counter()
        .count();
  }

  private double counter(String name) {
    return telemetry.registry().find(name).counters().stream().mapToDouble(c -> c.count()).sum();
  }

  private static Duration patience() {
    return Duration.ofSeconds(10);
  }
}
