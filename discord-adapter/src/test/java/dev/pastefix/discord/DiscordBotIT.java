package dev.pastefix.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pastefix.core.Channel;
import dev.pastefix.core.Inbound;
import dev.pastefix.core.Outcome;
import dev.pastefix.core.TestingMessages;
import dev.pastefix.core.answer.Wording;
import dev.pastefix.core.feedback.FeedbackStore;
import dev.pastefix.core.pipeline.Pipeline;
import dev.pastefix.core.reply.Block;
import dev.pastefix.core.reply.BotCommand;
import dev.pastefix.core.search.EntrySearch;
import dev.pastefix.core.state.BotState;
import dev.pastefix.core.state.ConversationKey;
import dev.pastefix.core.telemetry.Telemetry;
import dev.pastefix.core.testing.RecordingStep;
import dev.pastefix.core.testing.TestingPipelines;
import dev.pastefix.storage.DatabaseTarget;
import dev.pastefix.storage.StateDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real JDA client against {@link FakeDiscord} on loopback, answering with the real engine over
 * the shipped knowledge base.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiscordBotIT {
  static final Duration WAIT = Duration.ofSeconds(10);
  static final String TOKEN = "MTIz.fake-token.for-tests";

  static final String EXECUTION_POLICY_PASTE =
      "Import-Module : File C:\\Program Files\\Common Files\\Skype for Business"
          + " Online\\Modules\\LyncOnlineConnector\\LyncOnlineConnectorStartup.psm1 cannot be"
          + " loaded because running scripts is disabled on this system.";

  final Pipeline shipped = TestingPipelines.shipped(BotState.inMemory(Clock.systemUTC()));
  final RecordingStep engine = RecordingStep.passing();
  final String executionPolicyTitle =
      TestingPipelines.knowledge().entry("execution-policy").orElseThrow().title();
  // Votes go to the real embedded database, as the bot keeps them by default.
  @TempDir static Path dataDir;
  StateDatabase database;
  FeedbackStore feedback;
  final Telemetry telemetry = Telemetry.inMemory();
  final BotState state = BotState.inMemory(Clock.systemUTC());
  volatile boolean failClicks;
  boolean connectedBeforeStart;
  FakeDiscord discord;
  DiscordBot bot;

  @BeforeAll
  void start() throws Exception {
    database =
        StateDatabase.open(
            DatabaseTarget.embedded(dataDir), Clock.systemUTC(), BotState.DEFAULT_RETENTION);
    feedback = database.state().feedback();
    discord = new FakeDiscord(TOKEN, InviteLink.PERMISSIONS).start();
    bot =
        new DiscordBot(
            new DiscordConfig(
                TOKEN,
                Optional.of(discord.guildId),
                Optional.of(discord.apiUrl()),
                Optional.of(discord.gatewayUrl()),
                WAIT),
            TestingPipelines.over(state)
                .telemetry(telemetry)
                .step(
                    (in, next) -> {
                      if (failClicks && in instanceof Inbound.Click) {
                        throw new IllegalStateException("a check that fails");
                      }
                      return next.proceed(in);
                    })
                .step(engine)
                .build(),
            feedback,
            new KbChoices(EntrySearch.of(TestingPipelines.knowledge())),
            telemetry);
    connectedBeforeStart = bot.connected();
    bot.start();
  }

  @AfterAll
  void stop() throws Exception {
    long before = System.nanoTime();
    bot.close();
    long took = Duration.ofNanos(System.nanoTime() - before).toMillis();
    discord.close();
    database.close();
    assertTrue(took < 4000, "shutdown took " + took + " ms: the close handshake did not finish");
  }

  @Test
  void identifiesWithMessageContentAndRegistersTheCommandOnTheGuild() throws Exception {
    JsonNode identify = discord.identifies().get(0);
    long intents = identify.path("intents").asLong();
    long wanted = 1L << 9 | 1L << 12 | 1L << 15;
    assertEquals(wanted, intents & wanted, "guild messages, direct messages, message content");
    assertTrue(bot.messageContentEnabled());
    FakeDiscord.Call put =
        discord.await(
            "PUT",
            "applications/" + discord.appId + "/guilds/" + discord.guildId + "/commands",
            0,
            WAIT);
    JsonNode command = put.body().get(0);
    assertEquals("pastefix", command.path("name").asText());
    List<String> subs =
        List.of(
            command.path("options").get(0).path("name").asText(),
            command.path("options").get(1).path("name").asText(),
            command.path("options").get(2).path("name").asText(),
            command.path("options").get(3).path("name").asText());
    assertEquals(List.of("help", "diagnose", "kb", "check"), subs);
  }

  @Test
  void answersDirectMessagePasteWithTheEntryEmbed() throws Exception {
    int from = discord.calls().size();
    String pasted = FakeDiscord.snowflake();
    discord.dispatch(
        "MESSAGE_CREATE", discord.userMessage(pasted, EXECUTION_POLICY_PASTE, false, List.of()));
    FakeDiscord.Call reply =
        discord.await("POST", "channels/" + discord.dmChannelId + "/messages", from, WAIT);
    JsonNode embed = reply.body().path("embeds").get(0);
    assertEquals(executionPolicyTitle, embed.path("title").asText());
    assertFalse(reply.body().has("message_reference"), "a DM answer is a plain message");
    Inbound seen = lastReceived(pasted);
    assertEquals(Channel.DIRECT, seen.channel());
    assertEquals(ConversationKey.of("discord", "dm", discord.dmChannelId), seen.conversationKey());
  }

  @Test
  void repliesToAGuildChannelPasteReferencingIt() throws Exception {
    int from = discord.calls().size();
    String pasted = FakeDiscord.snowflake();
    discord.dispatch(
        "MESSAGE_CREATE", discord.userMessage(pasted, EXECUTION_POLICY_PASTE, true, List.of()));
    FakeDiscord.Call reply =
        discord.await("POST", "channels/" + discord.channelId + "/messages", from, WAIT);
    assertEquals(pasted, reply.body().path("message_reference").path("message_id").asText());
    assertEquals(executionPolicyTitle, reply.body().path("embeds").get(0).path("title").asText());
    assertFalse(
        reply.body().path("allowed_mentions").path("replied_user").asBoolean(true),
        "the reply must not ping the author");
    assertEquals(Channel.CHANNEL, lastReceived(pasted).channel());
  }

  @Test
  void readsALongPasteThatDiscordTurnedIntoAFile() throws Exception {
    int from = discord.calls().size();
    String pasted = FakeDiscord.snowflake();
    ObjectNode message = discord.userMessage(pasted, "", true, List.of());
    ((com.fasterxml.jackson.databind.node.ArrayNode) message.get("attachments"))
        .add(
            discord.textAttachment(
                "message.txt", EXECUTION_POLICY_PASTE + "\n" + "x".repeat(3000)));
    discord.dispatch("MESSAGE_CREATE", message);
    FakeDiscord.Call reply =
        discord.await("POST", "channels/" + discord.channelId + "/messages", from, WAIT);
    assertEquals(pasted, reply.body().path("message_reference").path("message_id").asText());
    assertEquals(executionPolicyTitle, reply.body().path("embeds").get(0).path("title").asText());
  }

  @Test
  void answersAMentionEvenWhenItDoesNotKnow() throws Exception {
    int from = discord.calls().size();
    String pasted = FakeDiscord.snowflake();
    discord.dispatch(
        "MESSAGE_CREATE",
        discord.userMessage(
            pasted,
            "<@" + discord.botId + "> the coffee machine on floor 3 is leaking again",
            true,
            List.of(FakeDiscord.user(discord.botId, "pastefix", true))));
    FakeDiscord.Call reply =
        discord.await("POST", "channels/" + discord.channelId + "/messages", from, WAIT);
    Inbound seen = lastReceived(pasted);
    assertEquals(Channel.MENTION, seen.channel());
    assertEquals("the coffee machine on floor 3 is leaking again", seen.text());
    Outcome expected = shipped.handle(seen).outcome();
    assertInstanceOf(Outcome.Unknown.class, expected);
    assertEquals(
        ((Block.Heading) ((Outcome.Unknown) expected).reply().blocks().get(0)).text(),
        reply.body().path("embeds").get(0).path("title").asText());
  }

  @Test
  void staysSilentOnOrdinaryChatAndIgnoresBots() throws Exception {
    int from = discord.calls().size();
    String chat = FakeDiscord.snowflake();
    discord.dispatch(
        "MESSAGE_CREATE", discord.userMessage(chat, "lunch at noon?", true, List.of()));
    ObjectNode fromBot =
        discord.userMessage(
            FakeDiscord.snowflake(), "bot says: " + EXECUTION_POLICY_PASTE, true, List.of());
    fromBot.set("author", FakeDiscord.user(FakeDiscord.snowflake(), "other-bot", true));
    discord.dispatch("MESSAGE_CREATE", fromBot);
    // A DM afterwards is answered; by then the chat and the bot message have been handled.
    String marker = FakeDiscord.snowflake();
    discord.dispatch(
        "MESSAGE_CREATE", discord.userMessage(marker, EXECUTION_POLICY_PASTE, false, List.of()));
    discord.await("POST", "channels/" + discord.dmChannelId + "/messages", from, WAIT);
    lastReceived(chat);
    long guildReplies =
        discord.calls().subList(from, discord.calls().size()).stream()
            .filter(c -> c.is("POST", "channels/" + discord.channelId + "/messages"))
            .count();
    assertEquals(0, guildReplies, "nothing is posted for chat or for another bot's message");
    assertEquals(
        0,
        engine.received().stream().filter(m -> m.text().startsWith("bot says: ")).count(),
        "another bot's message never reaches the engine");
  }

  @Test
  void defersSlashDiagnoseAndFollowsUpWithAnEphemeralEmbed() throws Exception {
    int from = discord.calls().size();
    String id = FakeDiscord.snowflake();
    discord.dispatch(
        "INTERACTION_CREATE", discord.slashCommand(id, "diagnose", "text", EXECUTION_POLICY_PASTE));
    FakeDiscord.Call deferred =
        discord.await("POST", "interactions/" + id + "/.+/callback", from, WAIT);
    assertEquals(5, deferred.body().path("type").asInt());
    assertEquals(64, deferred.body().path("data").path("flags").asInt() & 64, "ephemeral");
    FakeDiscord.Call followUp =
        discord.await("POST", "webhooks/" + discord.appId + "/interaction-token-" + id, from, WAIT);
    assertEquals(
        executionPolicyTitle, followUp.body().path("embeds").get(0).path("title").asText());
    assertEquals(64, followUp.body().path("flags").asInt() & 64, "the follow-up is ephemeral");
    assertTrue(followUp.body().toString().contains("pf:share"), "offers to share in the channel");
    Inbound seen = engine.received().get(engine.received().size() - 1);
    assertEquals(Channel.COMMAND, seen.channel());
    assertEquals("diagnose " + EXECUTION_POLICY_PASTE, seen.text());
    assertEquals(
        ConversationKey.of("discord", discord.guildId, discord.channelId), seen.conversationKey());
  }

  @Test
  void recordsAFeedbackClickAndShowsTheCount() throws Exception {
    int from = discord.calls().size();
    String id = FakeDiscord.snowflake();
    JsonNode answered = answeredMessage();
    discord.dispatch(
        "INTERACTION_CREATE", discord.buttonClick(id, "pf:fb:y:execution-policy", answered));
    FakeDiscord.Call ack = discord.await("POST", "interactions/" + id + "/.+/callback", from, WAIT);
    assertEquals(7, ack.body().path("type").asInt(), "acknowledged by updating the message");
    assertTrue(ack.body().toString().contains("Helpful (1)"), ack.body().toString());
    assertEquals(1, feedback.all().size());
    assertEquals(List.of("execution-policy"), feedback.all().get(0).entryIds());
    assertTrue(feedback.all().get(0).helpful());
    assertEquals(
        "discord/" + discord.guildId + "/" + discord.channelId + ":" + answered.path("id").asText(),
        feedback.all().get(0).answerKey());
  }

  @Test
  void refusesAVoteNamingAnEntryThatDoesNotExistAndStoresNothing() throws Exception {
    int from = discord.calls().size();
    String id = FakeDiscord.snowflake();
    JsonNode answered = answeredMessage();
    String answerKey =
        "discord/" + discord.guildId + "/" + discord.channelId + ":" + answered.path("id").asText();
    discord.dispatch(
        "INTERACTION_CREATE",
        discord.buttonClick(id, "pf:fb:y:execution-policy|made-up-entry", answered));
    FakeDiscord.Call ack = discord.await("POST", "interactions/" + id + "/.+/callback", from, WAIT);

    assertTrue(ack.body().toString().contains("Helpful (0)"), ack.body().toString());
    assertEquals(List.of(), feedback.votesOn(answerKey), "nothing stored");
    assertTrue(
        feedback.all().stream().noneMatch(v -> v.entryIds().contains("made-up-entry")),
        feedback.all().toString());
    assertTrue(
        itLog()
            .contains(
                "a feedback click on discord refused, nothing stored: the entry id"
                    + " \"made-up-entry\" is no entry of the knowledge in use"),
        "the refusal is logged");
  }

  /** What the tests logged so far (failsafe points the simple logger at this file). */
  static String itLog() throws java.io.IOException {
    Path log =
        Path.of(System.getProperty("org.slf4j.simpleLogger.logFile", "target/discord-it.log"));
    return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
  }

  @Test
  void runCheckButtonSendsTheCheckToTheEngineAndAnswersEphemerally() throws Exception {
    int from = discord.calls().size();
    String id = FakeDiscord.snowflake();
    discord.dispatch(
        "INTERACTION_CREATE",
        discord.buttonClick(id, "pf:ck:dns-cname:contoso.com", answeredMessage()));
    FakeDiscord.Call deferred =
        discord.await("POST", "interactions/" + id + "/.+/callback", from, WAIT);
    assertEquals(5, deferred.body().path("type").asInt());
    discord.await("POST", "webhooks/" + discord.appId + "/interaction-token-" + id, from, WAIT);
    // The click reaches the engine as the button's typed command, not as re-typed text.
    assertTrue(
        engine.handled().stream()
            .anyMatch(
                h ->
                    h.command()
                            .equals(
                                Optional.of(new BotCommand.RunCheck("dns-cname", "contoso.com")))
                        && h.message().channel() == Channel.COMMAND),
        engine.handled().toString());
  }

  @Test
  void pingsNobodyWhenAReplyEchoesEveryoneOrAUserMention() throws Exception {
    String echoed = "@everyone <@123> <@&456>";
    int slashFrom = discord.calls().size();
    String slash = FakeDiscord.snowflake();
    discord.dispatch(
        "INTERACTION_CREATE", discord.slashCommand(slash, "check", "name", "@everyone"));
    FakeDiscord.Call followUp =
        discord.await(
            "POST", "webhooks/" + discord.appId + "/interaction-token-" + slash, slashFrom, WAIT);
    int from = discord.calls().size();
    String inChannel = FakeDiscord.snowflake();
    discord.dispatch(
        "MESSAGE_CREATE",
        discord.userMessage(
            inChannel,
            "<@" + discord.botId + "> " + echoed,
            true,
            List.of(FakeDiscord.user(discord.botId, "pastefix", true))));
    FakeDiscord.Call reply =
        discord.await("POST", "channels/" + discord.channelId + "/messages", from, WAIT);
    int dmFrom = discord.calls().size();
    discord.dispatch(
        "MESSAGE_CREATE", discord.userMessage(FakeDiscord.snowflake(), echoed, false, List.of()));
    FakeDiscord.Call dm =
        discord.await("POST", "channels/" + discord.dmChannelId + "/messages", dmFrom, WAIT);
    int shareFrom = discord.calls().size();
    String share = FakeDiscord.snowflake();
    ObjectNode ephemeral = (ObjectNode) answeredMessage();
    ephemeral.remove("embeds");
    ephemeral.put("content", echoed + " look");
    discord.dispatch("INTERACTION_CREATE", discord.buttonClick(share, "pf:share", ephemeral));
    FakeDiscord.Call shared =
        discord.await("POST", "interactions/" + share + "/.+/callback", shareFrom, WAIT);

    // The replies do hold the mentions as typed (a check name is one word): only
    // allowed_mentions keeps them from pinging.
    assertTrue(followUp.body().toString().contains("@everyone"), "echoed: " + followUp.body());
    for (String mention : List.of("@everyone", "<@123>", "<@&456>")) {
      assertTrue(shared.body().toString().contains(mention), "echoed: " + shared.body());
    }
    for (JsonNode body :
        List.of(followUp.body(), reply.body(), dm.body(), shared.body().path("data"))) {
      JsonNode allowed = body.path("allowed_mentions");
      assertTrue(allowed.path("parse").isArray(), "allowed_mentions sent: " + body);
      assertEquals(0, allowed.path("parse").size(), body.toString());
      assertEquals(0, allowed.path("users").size(), body.toString());
      assertEquals(0, allowed.path("roles").size(), body.toString());
      assertFalse(allowed.path("replied_user").asBoolean(false), body.toString());
    }
  }

  @Test
  void shareButtonPostsTheAnswerVisibly() throws Exception {
    int from = discord.calls().size();
    String id = FakeDiscord.snowflake();
    JsonNode ephemeral = answeredMessage();
    ((ObjectNode) ephemeral).put("flags", 64);
    discord.dispatch("INTERACTION_CREATE", discord.buttonClick(id, "pf:share", ephemeral));
    FakeDiscord.Call shared =
        discord.await("POST", "interactions/" + id + "/.+/callback", from, WAIT);
    assertEquals(4, shared.body().path("type").asInt());
    assertEquals(
        0, shared.body().path("data").path("flags").asInt() & 64, "visible to the channel");
    assertEquals(
        ephemeral.path("embeds").get(0).path("title").asText(),
        shared.body().path("data").path("embeds").get(0).path("title").asText());
    assertFalse(
        shared.body().toString().contains("pf:share"), "no share button on the shared copy");
  }

  @Test
  void autocompletesKnowledgeBaseIds() throws Exception {
    int from = discord.calls().size();
    String id = FakeDiscord.snowflake();
    ObjectNode interaction = discord.slashCommand(id, "kb", "id", "clock");
    interaction.put("type", 4);
    ((ObjectNode) interaction.path("data").path("options").get(0).path("options").get(0))
        .put("focused", true);
    discord.dispatch("INTERACTION_CREATE", interaction);
    FakeDiscord.Call choices =
        discord.await("POST", "interactions/" + id + "/.+/callback", from, WAIT);
    assertEquals(8, choices.body().path("type").asInt());
    JsonNode first = choices.body().path("data").path("choices").get(0);
    assertEquals("clock-skew", first.path("value").asText());
  }

  @Test
  void isConnectedOnlyOnceTheGatewayIsReady() {
    assertFalse(connectedBeforeStart, "not ready before READY");
    assertTrue(bot.connected(), "ready after READY");
  }

  @Test
  void aRunCheckClickIsCountedLoggedAndItsFailureToldInTheUsersLanguage() throws Exception {
    int from = discord.calls().size();
    double received = count("pastefix.messages.received");
    String id = FakeDiscord.snowflake();
    ObjectNode click = discord.buttonClick(id, "pf:ck:dns:contoso.com", answeredMessage());
    click.put("locale", "fr");
    failClicks = true;
    try {
      discord.dispatch("INTERACTION_CREATE", click);
      FakeDiscord.Call followUp =
          discord.await(
              "POST", "webhooks/" + discord.appId + "/interaction-token-" + id, from, WAIT);

      assertTrue(
          followUp.body().toString().contains(Wording.of("fr").failure().summary()),
          followUp.body().toString());
    } finally {
      failClicks = false;
    }
    assertEquals(received + 1, count("pastefix.messages.received"));
    assertTrue(
        telemetry
                .registry()
                .get("pastefix.messages.handled")
                .tag("platform", "discord")
                .tag("channel", "command")
                .tag("outcome", "error")
                .counter()
                .count()
            >= 1);
    assertTrue(
        state.answerLog().since(Instant.EPOCH).stream()
            .anyMatch(r -> r.redactedText().equals("check dns contoso.com")),
        "the click has its answer-log row");
  }

  @Test
  void countsHandledMessagesAndPostedReplies() throws Exception {
    int from = discord.calls().size();
    double before = count("pastefix.replies.posted");
    discord.dispatch(
        "MESSAGE_CREATE",
        discord.userMessage(FakeDiscord.snowflake(), EXECUTION_POLICY_PASTE, false, List.of()));
    discord.await("POST", "channels/" + discord.dmChannelId + "/messages", from, WAIT);
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (count("pastefix.replies.posted") == before && System.nanoTime() < deadline) {
      FakeDiscord.pause(Duration.ofMillis(20));
    }

    assertTrue(count("pastefix.replies.posted") > before, "a posted reply is counted");
    assertTrue(
        telemetry
                .registry()
                .get("pastefix.messages.handled")
                .tag("platform", "discord")
                .tag("channel", "direct")
                .tag("outcome", "answer")
                .counter()
                .count()
            >= 1);
  }

  private double count(String name) {
    return telemetry.registry().find(name).counters().stream().mapToDouble(c -> c.count()).sum();
  }

  @Test
  void staysUpWhenTheGatewayDropsAndResumes() throws Exception {
    discord.dropGateway();
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (discord.resumes() == 0 && System.nanoTime() < deadline) {
      FakeDiscord.pause(Duration.ofMillis(50));
    }
    assertEquals(1, discord.resumes(), "JDA resumed the session");
    while (count("pastefix.gateway.resumes") == 0 && System.nanoTime() < deadline) {
      FakeDiscord.pause(Duration.ofMillis(50));
    }
    assertEquals(1.0, count("pastefix.gateway.resumes"), "the resume is counted");
    int from = discord.calls().size();
    discord.dispatch(
        "MESSAGE_CREATE",
        discord.userMessage(FakeDiscord.snowflake(), EXECUTION_POLICY_PASTE, false, List.of()));
    discord.await("POST", "channels/" + discord.dmChannelId + "/messages", from, WAIT);
  }

  /** A public answer as the bot posted it, with its buttons, rendered by the real renderer. */
  private JsonNode answeredMessage() {
    JsonNode sent =
        FakeDiscord.read(
            new EmbedRenderer()
                .render(
                    ((Outcome.Answer)
                            shipped
                                .handle(
                                    TestingMessages.of(
                                        EXECUTION_POLICY_PASTE,
                                        Channel.DIRECT,
                                        "u",
                                        "discord:dm:1"))
                                .outcome())
                        .reply(),
                    EmbedRenderer.Visibility.EPHEMERAL)
                .toData()
                .toString());
    return discord.message(FakeDiscord.snowflake(), discord.channelId, sent);
  }

  private Inbound lastReceived(String messageIdForErrors) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    int before = engine.received().size();
    while (engine.received().isEmpty() && System.nanoTime() < deadline) {
      FakeDiscord.pause(Duration.ofMillis(20));
    }
    assertTrue(
        before > 0 || !engine.received().isEmpty(), "engine never saw " + messageIdForErrors);
    return engine.received().get(engine.received().size() - 1);
  }
}
