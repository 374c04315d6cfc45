package dev.pastefix.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pastefix.core.Channel;
import dev.pastefix.core.Outcome;
import dev.pastefix.core.feedback.InMemoryFeedbackStore;
import dev.pastefix.core.feedback.Vote;
import dev.pastefix.core.pipeline.Step;
import dev.pastefix.core.reply.BotCommand;
import dev.pastefix.core.state.BotState;
import dev.pastefix.core.state.ConversationKey;
import dev.pastefix.core.state.SeenEvents;
import dev.pastefix.core.testing.RecordingStep;
import dev.pastefix.core.testing.TestingPipelines;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** HTTP mode end to end: signed requests in, Web API calls out, against a loopback fake Slack. */
class SlackHttpModeIT {
  private static final String SECRET = "it-signing-secret";
  private static final ObjectMapper JSON = new ObjectMapper();

  private FakeSlackApi slack;
  private RecordingStep bot;
  private InMemoryFeedbackStore feedback;
  private SlackBot slackBot;
  private TestingJetty http;
  private TestingSlackClient client;

  @BeforeEach
  void start() throws Exception {
    slack = new FakeSlackApi();
    bot = RecordingStep.passing();
    BotState state = BotState.inMemory(Clock.systemUTC());
    feedback = (InMemoryFeedbackStore) state.feedback();
    slackBot =
        new SlackBot(
            new SlackOptions(
                "xoxb-it-token", Optional.empty(), Optional.of(SECRET), slack.apiUrl(), 0),
            bot.pipeline(state),
            state,
            SeenEvents.DEFAULT_STALE_AFTER,
            Clock.systemUTC());
    slackBot.start();
    http = TestingJetty.serving(slackBot);
    client = new TestingSlackClient(http.port(), SECRET);
  }

  @AfterEach
  void stop() throws Exception {
    http.close();
    slackBot.close();
    slack.close();
  }

  @Test
  void answersConnectorErrorPastedInChannelInItsThread() throws Exception {
    HttpResponse<String> ack =
        client.postJson(
            SlackPayloads.channelMessage(
                "Ev100", "C0ADMINS", "1700000000.000100", Pastes.MAX_SHELLS_TENANT));

    assertEquals(200, ack.statusCode());
    FakeSlackApi.Call post = slack.await("/api/chat.postMessage");
    assertEquals("C0ADMINS", post.form().get("channel"));
    assertEquals("1700000000.000100", post.form().get("thread_ts"));
    assertEquals(List.of("max-shells-tenant"), bot.handled().get(0).outcome().findingIds());
    assertEquals(Channel.CHANNEL, bot.handled().get(0).message().channel());
    assertEquals(
        ConversationKey.of("slack", FakeSlackApi.TEAM, "C0ADMINS").inThread("1700000000.000100"),
        bot.handled().get(0).message().conversationKey());
    assertTrue(
        post.form().get("blocks").contains(Engines.title("max-shells-tenant")),
        "the post names the entry: " + post.form().get("blocks"));
  }

  @Test
  void staysSilentOnOrdinaryChat() throws Exception {
    HttpResponse<String> ack =
        client.postJson(
            SlackPayloads.channelMessage(
                "Ev101", "C0ADMINS", "1700000000.000101", "anyone up for lunch at noon?"));

    assertEquals(200, ack.statusCode());
    RecordingStep.Handled handled = bot.awaitHandled(1).get(0);
    assertTrue(handled.outcome() instanceof Outcome.Silent, "outcome: " + handled.outcome());
    // The post would follow the decision on the same worker; give it ample time to show up.
    Thread.sleep(500);
    assertEquals(List.of(), slack.calls("/api/chat.postMessage"));
  }

  @Test
  void answersOnceWhenSlackRetriesAnEvent() throws Exception {
    String event =
        SlackPayloads.channelMessage(
            "Ev102", "C0ADMINS", "1700000000.000102", Pastes.MAX_SHELLS_TENANT);

    HttpResponse<String> first = client.postJson(event);
    HttpResponse<String> retry =
        client.postJson(
            event, Map.of("X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout"));

    assertEquals(200, first.statusCode());
    assertEquals(200, retry.statusCode());
    slack.await("/api/chat.postMessage");
    Thread.sleep(500);
    assertEquals(1, slack.calls("/api/chat.postMessage").size());
    assertEquals(1, bot.handled().size());
  }

  @Test
  void answersAMentionOnceThoughItArrivesAlsoAsAMessage() throws Exception {
    String text = "<@" + FakeSlackApi.BOT_USER + "> " + Pastes.MAX_SHELLS_TENANT;

    client.postJson(SlackPayloads.mention("Ev103", "C0ADMINS", "1700000000.000103", text));
    client.postJson(SlackPayloads.channelMessage("Ev104", "C0ADMINS", "1700000000.000103", text));

    FakeSlackApi.Call post = slack.await("/api/chat.postMessage");
    assertEquals("1700000000.000103", post.form().get("thread_ts"));
    Thread.sleep(500);
    assertEquals(1, slack.calls("/api/chat.postMessage").size());
    assertEquals(Channel.MENTION, bot.handled().get(0).message().channel());
    assertEquals(1, bot.handled().size());
  }

  @Test
  void answersAFollowUpInAnsweredThreadWithoutMention() throws Exception {
    client.postJson(
        SlackPayloads.channelMessage(
            "Ev105", "C0ADMINS", "1700000000.000105", Pastes.MAX_SHELLS_TENANT));
    slack.await("/api/chat.postMessage");

    client.postJson(
        SlackPayloads.message(
            "Ev106",
            "C0ADMINS",
            "channel",
            "U0USER1",
            "1700000000.000106",
            "how do I see which sessions are open?",
            Optional.of("1700000000.000105")));

    RecordingStep.Handled followUp = bot.awaitHandled(2).get(1);
    assertEquals(Channel.THREAD, followUp.message().channel());
    assertEquals(
        ConversationKey.of("slack", FakeSlackApi.TEAM, "C0ADMINS").inThread("1700000000.000105"),
        followUp.message().conversationKey());
  }

  @Test
  void answersDirectMessages() throws Exception {
    client.postJson(
        SlackPayloads.message(
            "Ev107",
            "D0DM",
            "im",
            "U0USER1",
            "1700000000.000107",
            Pastes.MAX_SHELLS_TENANT,
            Optional.empty()));

    FakeSlackApi.Call post = slack.await("/api/chat.postMessage");
    assertEquals("D0DM", post.form().get("channel"));
    assertFalse(post.form().containsKey("thread_ts"));
    assertEquals(Channel.DIRECT, bot.handled().get(0).message().channel());
    assertEquals(
        ConversationKey.of("slack", FakeSlackApi.TEAM, "D0DM"),
        bot.handled().get(0).message().conversationKey());
  }

  @Test
  void ignoresBotMessagesAndEdits() throws Exception {
    HttpResponse<String> fromBot =
        client.postJson(
            SlackPayloads.botMessage(
                "Ev108", "C0ADMINS", "1700000000.000108", Pastes.MAX_SHELLS_TENANT));
    HttpResponse<String> edit =
        client.postJson(
            SlackPayloads.editedMessage(
                "Ev109", "C0ADMINS", "1700000000.000109", Pastes.MAX_SHELLS_TENANT));
    HttpResponse<String> fromItself =
        client.postJson(
            SlackPayloads.message(
                "Ev110",
                "C0ADMINS",
                "channel",
                FakeSlackApi.BOT_USER,
                "1700000000.000110",
                Pastes.MAX_SHELLS_TENANT,
                Optional.empty()));

    // Acknowledged with 200 so that Slack does not retry them, and never handed to the engine.
    assertEquals(200, fromBot.statusCode());
    assertEquals(200, edit.statusCode());
    assertEquals(200, fromItself.statusCode());
    Thread.sleep(500);
    assertEquals(List.of(), bot.handled());
    assertEquals(List.of(), slack.calls("/api/chat.postMessage"));
  }

  @Test
  void rejectsABadSignatureWith401() throws Exception {
    String body =
        SlackPayloads.channelMessage(
            "Ev111", "C0ADMINS", "1700000000.000111", Pastes.MAX_SHELLS_TENANT);

    HttpResponse<String> response =
        client.post(
            body, "application/json", Map.of(), Instant.now().getEpochSecond(), "not-the-secret");

    assertEquals(401, response.statusCode());
    Thread.sleep(300);
    assertEquals(List.of(), bot.handled());
  }

  @Test
  void rejectsAnUnsignedMalformedBodyWith401() throws Exception {
    HttpResponse<String> response =
        client.post(
            "{\"type\":\"event_callback\"}",
            "application/json",
            Map.of(),
            Instant.now().getEpochSecond(),
            "not-the-secret");

    assertEquals(401, response.statusCode());
  }

  @Test
  void answersASignedBodyThatIsNoSlackPayloadWith400() throws Exception {
    HttpResponse<String> response =
        client.post(
            "{\"type\":\"event_callback\"}",
            "application/json",
            Map.of(),
            Instant.now().getEpochSecond(),
            SECRET);

    assertEquals(400, response.statusCode());
    assertEquals(List.of(), bot.handled());
  }

  @Test
  void rejectsAStaleTimestampWith401() throws Exception {
    String body =
        SlackPayloads.channelMessage(
            "Ev112", "C0ADMINS", "1700000000.000112", Pastes.MAX_SHELLS_TENANT);
    long tenMinutesAgo = Instant.now().minus(Duration.ofMinutes(10)).getEpochSecond();

    HttpResponse<String> response =
        client.post(body, "application/json", Map.of(), tenMinutesAgo, SECRET);

    assertEquals(401, response.statusCode());
  }

  @Test
  void answersSlashCommandEphemerallyInTheAcknowledgement() throws Exception {
    HttpResponse<String> ack =
        client.postForm(
            SlackPayloads.command(
                "diagnose " + Pastes.MAX_SHELLS_TENANT, slack.responseUrl("cmd1")));

    assertEquals(200, ack.statusCode());
    JsonNode body = JSON.readTree(ack.body());
    assertEquals("ephemeral", body.path("response_type").asText());
    assertTrue(body.path("blocks").toString().contains(Engines.title("max-shells-tenant")));
    assertTrue(
        body.path("blocks").toString().contains(BlockKitRenderer.SHARE_ACTION),
        "offers to share: " + body);
    RecordingStep.Handled handled = bot.handled().get(0);
    assertEquals(Channel.COMMAND, handled.message().channel());
    assertEquals("diagnose " + Pastes.MAX_SHELLS_TENANT, handled.message().text());
  }

  @Test
  void sharesAnEphemeralAnswerInTheChannel() throws Exception {
    HttpResponse<String> ack =
        client.postForm(
            SlackPayloads.command(
                "diagnose " + Pastes.MAX_SHELLS_TENANT, slack.responseUrl("cmd2")));
    String shareId = shareIdOf(JSON.readTree(ack.body()));

    HttpResponse<String> click =
        client.postForm(
            SlackPayloads.blockAction(
                BlockKitRenderer.SHARE_ACTION,
                BlockKitRenderer.ACTIONS_BLOCK_ID,
                shareId,
                "C0ADMINS",
                "1700000000.000120",
                Optional.empty(),
                slack.responseUrl("share1")));

    assertEquals(200, click.statusCode());
    FakeSlackApi.Call shared =
        slack.await(
            "/response/share1", c -> c.body().contains("in_channel"), Duration.ofSeconds(10));
    JsonNode body = shared.json();
    assertTrue(body.path("blocks").toString().contains(Engines.title("max-shells-tenant")));
    assertTrue(body.path("blocks").toString().contains("Shared by <@U0USER2>"));
    assertFalse(body.path("blocks").toString().contains(BlockKitRenderer.SHARE_ACTION));
  }

  @Test
  void echoesNoMarkupFromTheCommandNotEvenWhenShared() throws Exception {
    List<String> typedTexts = List.of("kb <!channel>", "kb <http://evil.example|Docs> & more");
    for (int i = 0; i < typedTexts.size(); i++) {
      String typed = typedTexts.get(i);
      HttpResponse<String> ack =
          client.postForm(SlackPayloads.command(typed, slack.responseUrl("echo")));
      assertEquals(200, ack.statusCode());
      JsonNode body = JSON.readTree(ack.body());
      assertNoMarkup(typed, body);
      String shareId = shareIdOf(body);
      client.postForm(
          SlackPayloads.blockAction(
              BlockKitRenderer.SHARE_ACTION,
              BlockKitRenderer.ACTIONS_BLOCK_ID,
              shareId,
              "C0ADMINS",
              "1700000000.000130",
              Optional.empty(),
              slack.responseUrl("echo-share-" + i)));
      FakeSlackApi.Call shared =
          slack.await(
              "/response/echo-share-" + i,
              c -> c.body().contains("in_channel"),
              Duration.ofSeconds(10));
      assertNoMarkup(typed, shared.json());
    }
  }

  /** Neither the fallback text nor any block text holds the user's markup unescaped. */
  private static void assertNoMarkup(String typed, JsonNode body) {
    String text = body.path("text").asText();
    String blocks = body.path("blocks").toString();
    for (String markup : List.of("<!channel>", "<http://evil.example|Docs>")) {
      assertFalse(text.contains(markup), typed + " -> text " + text);
      assertFalse(blocks.contains(markup), typed + " -> blocks " + blocks);
    }
    assertTrue(
        (text + blocks).contains("&lt;!channel&gt;")
            || (text + blocks).contains("&lt;http://evil.example|Docs&gt;"),
        typed + " -> " + body);
  }

  @Test
  void recordsAndShowsAFeedbackClick() throws Exception {
    client.postJson(
        SlackPayloads.channelMessage(
            "Ev113", "C0ADMINS", "1700000000.000113", Pastes.MAX_SHELLS_TENANT));
    FakeSlackApi.Call post = slack.await("/api/chat.postMessage");
    String answerTs = "1700000100.000001";

    HttpResponse<String> click =
        client.postForm(
            SlackPayloads.blockAction(
                BlockKitRenderer.FEEDBACK_HELPFUL_ACTION,
                BlockKitRenderer.FEEDBACK_BLOCK_ID,
                "max-shells-tenant",
                "C0ADMINS",
                answerTs,
                Optional.of(post.form().get("blocks")),
                slack.responseUrl("fb1")));

    assertEquals(200, click.statusCode());
    List<Vote> votes = feedback.all();
    assertEquals(1, votes.size());
    assertEquals("slack/" + FakeSlackApi.TEAM + "/C0ADMINS/" + answerTs, votes.get(0).answerKey());
    assertEquals(List.of("max-shells-tenant"), votes.get(0).entryIds());
    assertEquals("U0USER2", votes.get(0).voterId());
    assertTrue(votes.get(0).helpful());
    FakeSlackApi.Call update = slack.await("/api/chat.update");
    assertEquals(answerTs, update.form().get("ts"));
    String blocks = update.blocks().toString();
    assertTrue(blocks.contains("Marked helpful by <@U0USER2>"), blocks);
    assertFalse(blocks.contains(BlockKitRenderer.FEEDBACK_BLOCK_ID), blocks);
    assertTrue(blocks.contains(Engines.title("max-shells-tenant")), blocks);
  }

  @Test
  void thanksForFeedbackOnAnEphemeralReply() throws Exception {
    HttpResponse<String> click =
        client.postForm(
            SlackPayloads.blockAction(
                BlockKitRenderer.FEEDBACK_NOT_HELPFUL_ACTION,
                BlockKitRenderer.FEEDBACK_BLOCK_ID,
                "server-unavailable-dns|server-unavailable-adfs",
                "C0ADMINS",
                "1700000000.000140",
                Optional.empty(),
                slack.responseUrl("fb2")));

    assertEquals(200, click.statusCode());
    Vote vote = feedback.all().get(0);
    assertEquals(List.of("server-unavailable-dns", "server-unavailable-adfs"), vote.entryIds());
    assertFalse(vote.helpful());
    FakeSlackApi.Call thanks = slack.await("/response/fb2");
    assertTrue(thanks.body().contains("Marked not helpful by <@U0USER2>"), thanks.body());
    assertEquals(List.of(), slack.calls("/api/chat.update"));
  }

  @Test
  void answersASlowSlashCommandThroughItsResponseUrl() throws Exception {
    Step slow =
        (message, next) -> {
          try {
            Thread.sleep(SlackHandlers.COMMAND_REPLY_WAIT.toMillis() + 500);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return next.proceed(message);
        };
    try (SlackBot slowBot =
        new SlackBot(
            new SlackOptions(
                "xoxb-it-token", Optional.empty(), Optional.of(SECRET), slack.apiUrl(), 0),
            TestingPipelines.over(BotState.inMemory(Clock.systemUTC())).step(slow).build(),
            new InMemoryFeedbackStore())) {
      slowBot.start();
      TestingJetty slowHttp = TestingJetty.serving(slowBot);
      TestingSlackClient slowClient = new TestingSlackClient(slowHttp.port(), SECRET);

      HttpResponse<String> ack =
          slowClient.postForm(
              SlackPayloads.command("kb max-shells-tenant", slack.responseUrl("slow")));

      assertEquals(200, ack.statusCode());
      assertTrue(ack.body().contains("Looking into it"), ack.body());
      FakeSlackApi.Call reply = slack.await("/response/slow");
      assertEquals("ephemeral", reply.json().path("response_type").asText());
      assertTrue(
          reply.json().path("blocks").toString().contains(Engines.title("max-shells-tenant")));
      slowHttp.close();
    }
  }

  @Test
  void retriesChatPostMessageAfterRetryAfter() throws Exception {
    slack.rateLimitPostMessage(1);

    client.postJson(
        SlackPayloads.channelMessage(
            "Ev114", "C0ADMINS", "1700000000.000114", Pastes.MAX_SHELLS_TENANT));

    List<FakeSlackApi.Call> posts = slack.awaitCount("/api/chat.postMessage", 2);
    assertEquals(429, posts.get(0).status());
    assertEquals(200, posts.get(1).status());
    assertEquals(posts.get(0).form().get("blocks"), posts.get(1).form().get("blocks"));
    assertTrue(
        Duration.between(posts.get(0).at(), posts.get(1).at()).toMillis() >= 900,
        "waited for Retry-After: 1");
    Thread.sleep(500);
    assertEquals(2, slack.calls("/api/chat.postMessage").size(), "one post delivered, no more");
  }

  @Test
  void runsACheckFromItsButtonAndAnswersTheClicker() throws Exception {
    HttpResponse<String> click =
        client.postForm(
            SlackPayloads.blockAction(
                BlockKitRenderer.RUN_CHECK_ACTION_PREFIX + "0",
                BlockKitRenderer.ACTIONS_BLOCK_ID,
                "dns contoso.com",
                "C0ADMINS",
                "1700000000.000130",
                Optional.of("[]"),
                slack.responseUrl("check1")));

    assertEquals(200, click.statusCode());
    RecordingStep.Handled handled = bot.awaitHandled(1).get(0);
    // The click reaches the engine as the button's typed command, not as re-typed text.
    assertEquals(Optional.of(new BotCommand.RunCheck("dns", "contoso.com")), handled.command());
    assertEquals(Channel.COMMAND, handled.message().channel());
    FakeSlackApi.Call reply = slack.await("/response/check1");
    assertEquals("ephemeral", reply.json().path("response_type").asText());
  }

  @Test
  void refusesAnOversizedRequest() throws Exception {
    int status = client.statusForAnnouncedBody(SlackEventsHandler.MAX_BODY_BYTES + 10);

    assertEquals(413, status);
  }

  @Test
  void answersHealthChecks() throws Exception {
    assertEquals(200, client.get("/healthz").statusCode());
  }

  @Test
  void answersSlackUrlVerification() throws Exception {
    HttpResponse<String> response =
        client.postJson("{\"token\":\"t\",\"challenge\":\"c-123\",\"type\":\"url_verification\"}");

    assertEquals(200, response.statusCode());
    assertTrue(response.body().contains("c-123"), response.body());
  }

  private static String shareIdOf(JsonNode body) {
    for (JsonNode block : body.path("blocks")) {
      for (JsonNode element : block.path("elements")) {
        if (BlockKitRenderer.SHARE_ACTION.equals(element.path("action_id").asText())) {
          return element.path("value").asText();
        }
      }
    }
    throw new AssertionError("no share button in " + body);
  }
}
