package dev.pastefix.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.pastefix.core.Channel;
import dev.pastefix.core.Inbound;
import dev.pastefix.core.admin.Admins;
import dev.pastefix.core.answer.Wording;
import dev.pastefix.core.feedback.FeedbackStore;
import dev.pastefix.core.feedback.Vote;
import dev.pastefix.core.pipeline.Pipeline;
import dev.pastefix.core.reply.BotCommand;
import dev.pastefix.core.state.BotState;
import dev.pastefix.core.state.ConversationKey;
import dev.pastefix.core.state.InMemorySeenEvents;
import dev.pastefix.core.state.OutcomeKind;
import dev.pastefix.core.telemetry.Telemetry;
import dev.pastefix.core.testing.RecordingStep;
import dev.pastefix.core.testing.TestingPipelines;
import dev.pastefix.storage.DatabaseTarget;
import dev.pastefix.storage.StateDatabase;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The adapter end to end over loopback: a Jetty server with {@code /api/messages}, the real engine,
 * and the fake Bot Framework for keys, tokens and the connector.
 */
class TeamsBotIT {
  static final String APP_ID = "00000000-1111-2222-3333-444444444444";
  static final Duration QUIET = Duration.ofMillis(700);
  static final Duration WAIT = Duration.ofSeconds(15);

  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private FakeBotFramework fake;
  private RecordingStep bot;
  private BotState state;
  private volatile boolean failClicks;
  private volatile CountDownLatch hold = new CountDownLatch(0);
  // Votes go to the real embedded database, as the bot keeps them by default.
  @TempDir Path dataDir;
  private StateDatabase database;
  private FeedbackStore feedback;
  private InMemorySeenEvents seen;
  private Telemetry telemetry;
  private TeamsBot teams;
  private Server server;
  private URI endpoint;

  @BeforeEach
  void start() throws Exception {
    fake = new FakeBotFramework();
    TeamsConfig config =
        TeamsConfig.of(
                APP_ID,
                "fake-password",
                Optional.empty(),
                Optional.of(fake.metadataUrl()),
                Optional.of(fake.loginUrl()))
            .withRetry(new TeamsConfig.Retry(4, Duration.ofMillis(20), Duration.ofSeconds(2)));
    Clock clock = Clock.systemUTC();
    bot = RecordingStep.passing();
    database =
        StateDatabase.open(DatabaseTarget.embedded(dataDir), clock, BotState.DEFAULT_RETENTION);
    feedback = database.state().feedback();
    state = BotState.inMemory(clock).withFeedback(feedback);
    seen = (InMemorySeenEvents) state.seenEvents();
    telemetry = Telemetry.inMemory();
    Pipeline pipeline =
        TestingPipelines.over(state)
            .telemetry(telemetry)
            .admins(Admins.parse("teams:" + Activities.USER_ID))
            .step(
                (in, next) -> {
                  try {
                    hold.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                  if (failClicks && in instanceof Inbound.Click) {
                    throw new IllegalStateException("a check that fails");
                  }
                  return next.proceed(in);
                })
            .step(bot)
            .build();
    teams = new TeamsBot(config, pipeline, feedback, seen, telemetry, Clock.systemUTC());
    server = new Server(new InetSocketAddress("127.0.0.1", 0));
    server.setHandler(teams.handler());
    server.start();
    int port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    endpoint = URI.create("http://127.0.0.1:" + port + TeamsBot.MESSAGES_PATH);
  }

  @AfterEach
  void stop() throws Exception {
    server.stop();
    teams.close();
    fake.close();
    database.close();
  }

  // ---- answering

  @Test
  void echoesTypedMarkdownAsPlainTextNeverAsALink() throws Exception {
    ObjectNode activity =
        Activities.personal(fake.serviceUrl(), "kb [click me](https://evil.example/login)");

    assertEquals(200, post(activity, fake.token(APP_ID)).statusCode());

    JsonNode card =
        fake.awaitReplies(1, WAIT).get(0).body().path("attachments").path(0).path("content");
    assertTrue(card.toString().contains("[click me](https://evil.example/login)"), card.toString());
    assertMarkdownFree(card);
    assertFalse(card.toString().contains("\"url\":\"https://evil.example"), card.toString());
  }

  /** No element Teams reads as markdown holds text: every text is a TextRun. */
  private static void assertMarkdownFree(JsonNode node) {
    if (node.isObject()) {
      assertFalse("TextBlock".equals(node.path("type").asText()), node.toString());
    }
    node.forEach(TeamsBotIT::assertMarkdownFree);
  }

  @Test
  void answersAPersonalPasteWithAnAdaptiveCardNamingTheFix() throws Exception {
    ObjectNode activity = Activities.personal(fake.serviceUrl(), Pastes.MAX_SHELLS_TENANT);

    assertEquals(200, post(activity, fake.token(APP_ID)).statusCode());

    List<FakeBotFramework.Recorded> replies = fake.awaitReplies(1, WAIT);
    assertEquals(1, replies.size());
    FakeBotFramework.Recorded reply = replies.get(0);
    assertEquals("a:personal-chat-1", reply.conversationId());
    assertEquals(activity.get("id").asText(), reply.replyToId());
    assertEquals("Bearer fake-connector-token-1", reply.authorization());
    JsonNode attachment = reply.body().path("attachments").path(0);
    assertEquals(AdaptiveCardRenderer.CONTENT_TYPE, attachment.path("contentType").asText());
    JsonNode card = attachment.path("content");
    assertEquals("1.5", card.path("version").asText());
    String title = TestingPipelines.knowledge().entry("max-shells-tenant").orElseThrow().title();
    assertEquals(title, card.path("body").path(0).path("inlines").path(0).path("text").asText());
    assertTrue(card.toString().contains("Get-PSSession"), card.toPrettyString());
    assertTrue(
        reply.body().path("summary").asText().contains(title), reply.body().toPrettyString());
    assertEquals(Activities.BOT_ID, reply.body().path("from").path("id").asText());
    assertEquals(Channel.DIRECT, bot.received().get(0).channel());
  }

  @Test
  void reportsReceivedHandledPostedAcknowledgedAndRedeliveredActivitiesToTheMetrics()
      throws Exception {
    ObjectNode activity = Activities.personal(fake.serviceUrl(), Pastes.MAX_SHELLS_TENANT);

    assertEquals(200, post(activity, fake.token(APP_ID)).statusCode());
    fake.awaitReplies(1, WAIT);
    assertEquals(200, post(activity, fake.token(APP_ID)).statusCode());

    awaitCount("pastefix.replies.posted", 1);
    awaitCount("pastefix.retries.deduplicated", 1);
    assertEquals(1, count("pastefix.messages.received"));
    assertEquals(
        1,
        telemetry
            .registry()
            .get("pastefix.messages.handled")
            .tag("platform", "teams")
            .tag("outcome", "answer")
            .counter()
            .count());
    assertEquals(
        2,
        telemetry.registry().get("pastefix.ack.latency").tag("platform", "teams").timer().count());
    assertEquals(
        1,
        telemetry
            .registry()
            .get("pastefix.engine.latency")
            .tag("platform", "teams")
            .timer()
            .count());
  }

  private double count(String counter) {
    return telemetry.registry().find(counter).tag("platform", "teams").counters().stream()
        .mapToDouble(c -> c.count())
        .sum();
  }

  /** Waits for a counter the workers increment after the HTTP exchange has been answered. */
  private void awaitCount(String counter, double expected) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (count(counter) < expected && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertEquals(expected, count(counter), counter);
  }

  @Test
  void answersAnUnaddressedChannelPasteInItsThreadAndIgnoresChatter() throws Exception {
    String thread = "19:general@thread.tacv2;messageid=1700000000777";
    ObjectNode paste = Activities.channel(fake.serviceUrl(), thread, Pastes.MAX_SHELLS_TENANT);
    ObjectNode chatter =
        Activities.channel(
            fake.serviceUrl(), "19:general@thread.tacv2;messageid=1700000000888", Pastes.CHATTER);

    assertEquals(200, post(chatter, fake.token(APP_ID)).statusCode());
    assertEquals(200, post(paste, fake.token(APP_ID)).statusCode());

    List<FakeBotFramework.Recorded> replies = fake.awaitReplies(1, WAIT);
    Thread.sleep(QUIET.toMillis());
    replies = fake.replies();
    assertEquals(1, replies.size(), "only the paste is answered");
    assertEquals(thread, replies.get(0).conversationId());
    assertEquals(paste.get("id").asText(), replies.get(0).replyToId());
    assertEquals(2, bot.received().size());
    assertTrue(bot.received().stream().allMatch(m -> m.channel() == Channel.CHANNEL));
  }

  @Test
  void aFollowUpInTheAnsweredThreadCountsAsAddressed() throws Exception {
    String thread = "19:general@thread.tacv2;messageid=1700000000999";
    post(
        Activities.channel(fake.serviceUrl(), thread, Pastes.MAX_SHELLS_TENANT),
        fake.token(APP_ID));
    fake.awaitReplies(1, WAIT);

    post(
        Activities.channel(fake.serviceUrl(), thread, "still failing after that"),
        fake.token(APP_ID));

    assertEquals(2, fake.awaitReplies(2, WAIT).size(), "the follow-up is answered too");
    assertEquals(Channel.THREAD, bot.received().get(1).channel(), "the core finds it addressed");
    assertEquals(thread, fake.replies().get(1).conversationId());
  }

  @Test
  void stripsTheMentionAndAnswersACommandWordAsTheCommand() throws Exception {
    ObjectNode mention =
        Activities.mention(fake.serviceUrl(), Activities.CHANNEL_THREAD, "kb max-shells-tenant");

    assertEquals(200, post(mention, fake.token(APP_ID)).statusCode());

    List<FakeBotFramework.Recorded> replies = fake.awaitReplies(1, WAIT);
    Inbound received = bot.received().get(0);
    assertEquals("kb max-shells-tenant", received.text());
    assertEquals(Channel.MENTION, received.channel());
    assertEquals(OutcomeKind.INFO, bot.handled().get(0).outcome().kind(), "a kb lookup");
    String title = TestingPipelines.knowledge().entry("max-shells-tenant").orElseThrow().title();
    assertTrue(replies.get(0).body().toString().contains(title), replies.get(0).body().toString());
    assertEquals(
        ConversationKey.of("teams", "tenant-1", "19:general@thread.tacv2")
            .inThread("1700000000001"),
        received.conversationKey());
  }

  @Test
  void answersARedeliveredActivityOnce() throws Exception {
    ObjectNode activity = Activities.personal(fake.serviceUrl(), Pastes.MAX_SHELLS_TENANT);

    assertEquals(200, post(activity, fake.token(APP_ID)).statusCode());
    assertEquals(200, post(activity, fake.token(APP_ID)).statusCode());

    fake.awaitReplies(1, WAIT);
    Thread.sleep(QUIET.toMillis());
    assertEquals(1, fake.replies().size());
    assertEquals(1, bot.received().size());
    assertTrue(
        seen.takeOverStale("teams:", Duration.ZERO, 10).isEmpty(),
        "the claim is marked answered: nothing is left for another instance");
  }

  @Test
  void recordsAHelpfulClick() throws Exception {
    JsonNode data = new CardAction.Feedback(true, List.of("max-shells-tenant")).data();
    ObjectNode click = Activities.click(fake.serviceUrl(), "reply-42", data);

    assertEquals(200, post(click, fake.token(APP_ID)).statusCode());

    List<FakeBotFramework.Recorded> replies = fake.awaitReplies(1, WAIT);
    List<Vote> votes = feedback.all();
    assertEquals(1, votes.size());
    Vote vote = votes.get(0);
    assertTrue(vote.helpful());
    assertEquals(List.of("max-shells-tenant"), vote.entryIds());
    assertEquals(Activities.USER_ID, vote.voterId());
    assertEquals("teams/tenant-1/a:personal-chat-1/reply-42", vote.answerKey());
    assertEquals(
        Wording.of("en").thanks(true, "Ada Admin"), replies.get(0).body().path("text").asText());
    assertTrue(bot.received().isEmpty(), "a vote is no message for the engine");
  }

  @Test
  void refusesAVoteNamingAnEntryThatDoesNotExistAndStoresNothing() throws Exception {
    JsonNode data =
        new CardAction.Feedback(true, List.of("max-shells-tenant", "made-up-entry")).data();
    ObjectNode click = Activities.click(fake.serviceUrl(), "reply-45", data);
    ObjectNode invoke = Activities.click(fake.serviceUrl(), "reply-46", json.createObjectNode());
    invoke.put("type", "invoke");
    invoke.put("name", "adaptiveCard/action");
    invoke
        .putObject("value")
        .putObject("action")
        .set("data", new CardAction.Feedback(false, List.of("no-such-entry")).data());

    assertEquals(200, post(click, fake.token(APP_ID)).statusCode());
    assertEquals(200, post(invoke, fake.token(APP_ID)).statusCode());

    fake.awaitReplies(1, WAIT);
    String line = "a feedback click on teams refused, nothing stored: the entry id ";
    long end = System.nanoTime() + WAIT.toNanos();
    while (!itLog().contains(line + "\"no-such-entry\"") && System.nanoTime() < end) {
      Thread.sleep(20);
    }
    assertEquals(List.of(), feedback.all(), "nothing stored");
    assertTrue(itLog().contains(line + "\"made-up-entry\" is no entry of the knowledge in use"));
    assertTrue(itLog().contains(line + "\"no-such-entry\" is no entry of the knowledge in use"));
  }

  /** What the tests logged so far (failsafe points the simple logger at this file). */
  private static String itLog() throws java.io.IOException {
    Path log = Path.of(System.getProperty("org.slf4j.simpleLogger.logFile", "target/teams-it.log"));
    return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
  }

  @Test
  void recordsAClickThatArrivesAsAnInvoke() throws Exception {
    ObjectNode invoke = Activities.click(fake.serviceUrl(), "reply-43", json.createObjectNode());
    invoke.put("type", "invoke");
    invoke.put("name", "adaptiveCard/action");
    ObjectNode action = json.createObjectNode();
    action.put("type", "Action.Execute");
    action.set("data", new CardAction.Feedback(false, List.of("execution-policy")).data());
    invoke.putObject("value").set("action", action);

    HttpResponse<String> response = post(invoke, fake.token(APP_ID));

    assertEquals(200, response.statusCode());
    assertEquals(200, json.readTree(response.body()).path("statusCode").asInt());
    long end = System.nanoTime() + WAIT.toNanos();
    while (feedback.all().isEmpty() && System.nanoTime() < end) {
      Thread.sleep(20);
    }
    assertEquals(1, feedback.all().size());
    assertFalse(feedback.all().get(0).helpful());
  }

  @Test
  void runsACheckFromItsButton() throws Exception {
    JsonNode data = new CardAction.RunCheck("no-such-check", "").data();
    ObjectNode click = Activities.click(fake.serviceUrl(), "reply-44", data);

    assertEquals(200, post(click, fake.token(APP_ID)).statusCode());

    assertEquals(1, fake.awaitReplies(1, WAIT).size());
    assertEquals(List.of(new BotCommand.RunCheck("no-such-check", "")), bot.commands());
    assertEquals(Channel.COMMAND, bot.received().get(0).channel());
  }

  // ---- admin commands

  @Test
  void answersAnAdminsStatsAndRefusesEveryoneElse() throws Exception {
    ObjectNode admin = Activities.personal(fake.serviceUrl(), "stats");
    ObjectNode other = Activities.personal(fake.serviceUrl(), "stats");
    ((ObjectNode) other.path("from")).put("id", "29:someone-else");

    assertEquals(200, post(admin, fake.token(APP_ID)).statusCode());
    fake.awaitReplies(1, WAIT);
    assertEquals(200, post(other, fake.token(APP_ID)).statusCode());

    List<FakeBotFramework.Recorded> replies = fake.awaitReplies(2, WAIT);
    String stats = replies.get(0).body().toString();
    String refusal = replies.get(1).body().toString();
    assertTrue(stats.contains("pastefix in the last 7 days"), stats);
    assertTrue(refusal.contains("for pastefix admins only"), refusal);
    assertFalse(refusal.contains("pastefix in the last 7 days"), refusal);
  }

  // ---- clicks count like messages

  @Test
  void aRunCheckClickIsCountedLoggedAndItsFailureToldInTheUsersLanguage() throws Exception {
    failClicks = true;
    ObjectNode click =
        Activities.click(
            fake.serviceUrl(), "reply-45", new CardAction.RunCheck("dns", "contoso.com").data());
    click.put("locale", "fr-FR");

    assertEquals(200, post(click, fake.token(APP_ID)).statusCode());

    String reply = fake.awaitReplies(1, WAIT).get(0).body().toString();
    assertTrue(reply.contains(Wording.of("fr").failure().summary()), reply);
    awaitCount("pastefix.messages.received", 1);
    assertEquals(
        1,
        telemetry
            .registry()
            .get("pastefix.messages.handled")
            .tag("platform", "teams")
            .tag("channel", "command")
            .counter()
            .count());
    assertEquals(
        List.of("check dns contoso.com"),
        state.answerLog().since(Instant.EPOCH).stream().map(r -> r.redactedText()).toList());
  }

  // ---- stopping

  @Test
  void stopsGracefullyRefusingNewActivitiesAndAnsweringTheQueuedOnes() throws Exception {
    hold = new CountDownLatch(1);
    int queued = 6;
    for (int i = 0; i < queued; i++) {
      assertEquals(
          200,
          post(Activities.personal(fake.serviceUrl(), Pastes.MAX_SHELLS_TENANT), fake.token(APP_ID))
              .statusCode());
    }

    teams.workers().stopAccepting();
    HttpResponse<String> refused =
        post(Activities.personal(fake.serviceUrl(), Pastes.MAX_SHELLS_TENANT), fake.token(APP_ID));
    assertTrue(teams.workers().inFlight() > 0, "the queued activities are still being answered");
    hold.countDown();
    int left = teams.workers().drain(WAIT);

    assertEquals(503, refused.statusCode(), "no new work once stopping");
    assertEquals(0, left);
    assertEquals(queued, fake.replies().size(), "every queued activity was answered");
  }

  // ---- sending

  @Test
  void retriesThrottledAndFailingRepliesHonouringRetryAfter() throws Exception {
    fake.failNextReplies("1", 429, 503);
    long started = System.nanoTime();

    post(Activities.personal(fake.serviceUrl(), Pastes.MAX_SHELLS_TENANT), fake.token(APP_ID));

    assertEquals(1, fake.awaitReplies(1, WAIT).size());
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    assertTrue(took.compareTo(Duration.ofMillis(1900)) >= 0, "waited " + took);
  }

  @Test
  void aHealthyConversationIsAnsweredWhileFourOthersAreThrottledFor30s() throws Exception {
    List<String> throttled = List.of("a:throttled-1", "a:throttled-2", "a:throttled-3", "a:th-4");
    throttled.forEach(c -> fake.throttle(c, "30"));
    for (String conversation : throttled) {
      for (int i = 0; i < 2; i++) {
        ObjectNode paste = Activities.personal(fake.serviceUrl(), Pastes.MAX_SHELLS_TENANT);
        ((ObjectNode) paste.get("conversation")).put("id", conversation);
        assertEquals(200, post(paste, fake.token(APP_ID)).statusCode());
      }
    }
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (fake.throttledReplies() < throttled.size() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertEquals(throttled.size(), fake.throttledReplies(), "each throttled conversation tried");

    long started = System.nanoTime();
    ObjectNode healthy = Activities.personal(fake.serviceUrl(), Pastes.MAX_SHELLS_TENANT);
    ((ObjectNode) healthy.get("conversation")).put("id", "a:healthy");
    assertEquals(200, post(healthy, fake.token(APP_ID)).statusCode());
    List<FakeBotFramework.Recorded> replies = fake.awaitReplies(1, Duration.ofSeconds(5));
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    assertEquals(1, replies.size(), "answered within 5 s");
    assertEquals("a:healthy", replies.get(0).conversationId());
    assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, "took " + took);
    assertEquals(throttled.size(), fake.throttledReplies(), "no throttled one retried before 30 s");
  }

  @Test
  void aConversationThatKeepsFailingIsDroppedWithAMetricAndTheOthersGoOn() throws Exception {
    teams.close();
    server.stop();
    TeamsConfig config =
        TeamsConfig.of(
                APP_ID,
                "fake-password",
                Optional.empty(),
                Optional.of(fake.metadataUrl()),
                Optional.of(fake.loginUrl()))
            .withRetry(
                new TeamsConfig.Retry(
                    10, Duration.ofMillis(50), Duration.ofSeconds(60), Duration.ofMillis(600)));
    teams =
        new TeamsBot(
            config,
            TestingPipelines.over(state).telemetry(telemetry).step(bot).build(),
            feedback,
            seen,
            telemetry,
            Clock.systemUTC());
    server = new Server(new InetSocketAddress("127.0.0.1", 0));
    server.setHandler(teams.handler());
    server.start();
    int port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    endpoint = URI.create("http://127.0.0.1:" + port + TeamsBot.MESSAGES_PATH);
    fake.throttle("a:failing", "1");

    ObjectNode failing = Activities.personal(fake.serviceUrl(), Pastes.MAX_SHELLS_TENANT);
    ((ObjectNode) failing.get("conversation")).put("id", "a:failing");
    assertEquals(200, post(failing, fake.token(APP_ID)).statusCode());
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (telemetry.registry().find("pastefix.conversations.dropped").counter() == null
        && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertEquals(
        1.0,
        telemetry.registry().get("pastefix.conversations.dropped").counter().count(),
        "the failing conversation was dropped");
    assertEquals(0, teams.workers().drain(Duration.ofSeconds(5)), "it holds no place any more");

    ObjectNode healthy = Activities.personal(fake.serviceUrl(), Pastes.MAX_SHELLS_TENANT);
    ((ObjectNode) healthy.get("conversation")).put("id", "a:fine");
    assertEquals(200, post(healthy, fake.token(APP_ID)).statusCode());
    assertEquals("a:fine", fake.awaitReplies(1, WAIT).get(0).conversationId());
  }

  @Test
  void reusesTheConnectorTokenUntilItNearsExpiry() throws Exception {
    post(Activities.personal(fake.serviceUrl(), Pastes.MAX_SHELLS_TENANT), fake.token(APP_ID));
    fake.awaitReplies(1, WAIT);
    post(Activities.personal(fake.serviceUrl(), "kb execution-policy"), fake.token(APP_ID));
    fake.awaitReplies(2, WAIT);

    assertEquals(2, fake.replies().size());
    assertEquals(1, fake.tokenRequests());
    String form = fake.tokenForms().get(0);
    assertTrue(form.contains("grant_type=client_credentials"), form);
    assertTrue(form.contains("client_id=" + APP_ID), form);
    assertTrue(form.contains("scope=https%3A%2F%2Fapi.botframework.com%2F.default"), form);
  }

  // ---- tokens

  @Test
  void acceptsATokenExpiredWithinTheClockSkew() throws Exception {
    Instant now = Instant.now();
    String token =
        FakeBotFramework.sign(
            fake.signingKey(),
            FakeBotFramework.claims(APP_ID, fake.serviceUrl())
                .expirationTime(Date.from(now.minusSeconds(120)))
                .notBeforeTime(Date.from(now.minusSeconds(3600)))
                .build());

    assertEquals(
        200,
        post(Activities.personal(fake.serviceUrl(), Pastes.MAX_SHELLS_TENANT), token).statusCode());
    assertEquals(1, fake.awaitReplies(1, WAIT).size());
  }

  @Test
  void refusesATokenSignedByAnotherKeyWithTheSameKid() throws Exception {
    RSAKey impostor = FakeBotFramework.newKey(fake.signingKey().getKeyID());
    assertRefused(FakeBotFramework.sign(impostor, validClaims()));
  }

  @Test
  void refusesAnUnknownKidAfterOneRefreshOfTheKeys() throws Exception {
    RSAKey unknown = FakeBotFramework.newKey("never-published");

    assertRefused(FakeBotFramework.sign(unknown, validClaims()));
    int readsAfterFirst = fake.keyReads();
    assertRefused(FakeBotFramework.sign(unknown, validClaims()));

    assertEquals(2, readsAfterFirst, "the first read, then one refresh for the unknown kid");
    assertEquals(2, fake.keyReads(), "no second refresh within the minute");
  }

  @Test
  void acceptsARotatedKeyAfterRefreshingTheKeys() throws Exception {
    assertEquals(
        200, post(Activities.personal(fake.serviceUrl(), "help"), fake.token(APP_ID)).statusCode());
    RSAKey rotated = FakeBotFramework.newKey("fake-bf-key-2");
    fake.publish(rotated);

    HttpResponse<String> response =
        post(
            Activities.personal(fake.serviceUrl(), "help"),
            FakeBotFramework.sign(rotated, validClaims()));

    assertEquals(200, response.statusCode());
    assertEquals(2, fake.awaitReplies(2, WAIT).size());
  }

  @Test
  void refusesAKeyNotEndorsedForTeams() throws Exception {
    RSAKey slackOnly = FakeBotFramework.newKey("endorsed-elsewhere");
    fake.publish(slackOnly, List.of("slack"));

    assertRefused(FakeBotFramework.sign(slackOnly, validClaims()));
  }

  @Test
  void refusesAWrongIssuer() throws Exception {
    assertRefused(
        FakeBotFramework.sign(
            fake.signingKey(),
            FakeBotFramework.claims(APP_ID, fake.serviceUrl())
                .issuer("https://sts.windows.net/someone-else/")
                .build()));
  }

  @Test
  void refusesAWrongAudience() throws Exception {
    assertRefused(
        FakeBotFramework.sign(
            fake.signingKey(),
            FakeBotFramework.claims("99999999-1111-2222-3333-444444444444", fake.serviceUrl())
                .build()));
  }

  @Test
  void refusesAnExpiredToken() throws Exception {
    Instant now = Instant.now();
    assertRefused(
        FakeBotFramework.sign(
            fake.signingKey(),
            FakeBotFramework.claims(APP_ID, fake.serviceUrl())
                .expirationTime(Date.from(now.minusSeconds(600)))
                .notBeforeTime(Date.from(now.minusSeconds(4200)))
                .build()));
  }

  @Test
  void refusesATokenNotYetValid() throws Exception {
    Instant now = Instant.now();
    assertRefused(
        FakeBotFramework.sign(
            fake.signingKey(),
            FakeBotFramework.claims(APP_ID, fake.serviceUrl())
                .notBeforeTime(Date.from(now.plusSeconds(600)))
                .build()));
  }

  @Test
  void refusesAServiceUrlClaimThatIsNotTheActivitys() throws Exception {
    assertRefused(
        FakeBotFramework.sign(
            fake.signingKey(),
            FakeBotFramework.claims(APP_ID, "https://smba.example.net/elsewhere/").build()));
  }

  @Test
  void refusesARequestWithoutAuthorization() throws Exception {
    ObjectNode activity = Activities.personal(fake.serviceUrl(), Pastes.MAX_SHELLS_TENANT);
    HttpRequest request =
        HttpRequest.newBuilder(endpoint)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(activity.toString()))
            .build();

    assertEquals(401, http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode());
    assertNothingHappened();
  }

  @Test
  void refusesAnActivityPointingReplyAtAnUnvalidatedAddress() throws Exception {
    // A valid token for one address cannot send the bot's reply (and its token) to another.
    ObjectNode activity =
        Activities.personal("http://127.0.0.1:9/elsewhere/", Pastes.MAX_SHELLS_TENANT);

    assertEquals(401, post(activity, fake.token(APP_ID)).statusCode());
    assertNothingHappened();
  }

  @Test
  void refusesAMalformedActivityWithAValidToken() throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(endpoint)
            .header("Authorization", "Bearer " + fake.token(APP_ID))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"message\"}"))
            .build();

    assertEquals(400, http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode());
    assertNothingHappened();
  }

  @Test
  void refusesAnOversizedBodyWithAValidToken() throws Exception {
    ObjectNode activity =
        Activities.personal(fake.serviceUrl(), "x".repeat(TeamsLimits.MAX_REQUEST_BYTES + 1));

    assertEquals(413, post(activity, fake.token(APP_ID)).statusCode());
    assertNothingHappened();
  }

  // ---- helpers

  private JWTClaimsSet validClaims() {
    return FakeBotFramework.claims(APP_ID, fake.serviceUrl()).build();
  }

  private void assertRefused(String token) throws Exception {
    HttpResponse<String> response =
        post(Activities.personal(fake.serviceUrl(), Pastes.MAX_SHELLS_TENANT), token);
    assertEquals(401, response.statusCode());
    assertNothingHappened();
  }

  private void assertNothingHappened() throws InterruptedException {
    Thread.sleep(QUIET.toMillis());
    assertTrue(fake.replies().isEmpty(), "no reply sent");
    assertTrue(bot.received().isEmpty(), "nothing reached the engine");
    assertEquals(0, fake.tokenRequests(), "no connector token fetched");
  }

  private HttpResponse<String> post(ObjectNode activity, String token) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(endpoint)
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(activity.toString()))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
