package dev.pastefix.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.RequestType;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.util.json.GsonFactory;
import dev.pastefix.core.Bot;
import dev.pastefix.core.Channel;
import dev.pastefix.core.Inbound;
import dev.pastefix.core.Origin;
import dev.pastefix.core.answer.Wording;
import dev.pastefix.core.feedback.FeedbackStore;
import dev.pastefix.core.feedback.Votes;
import dev.pastefix.core.reply.Block;
import dev.pastefix.core.reply.BotCommand;
import dev.pastefix.core.reply.Reply;
import dev.pastefix.core.reply.Span;
import dev.pastefix.core.state.ConversationKey;
import dev.pastefix.core.state.Redaction;
import dev.pastefix.core.state.SeenEvents;
import dev.pastefix.core.state.ShareableReplies;
import dev.pastefix.core.telemetry.Telemetry;
import dev.pastefix.core.work.Workers;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Translates Slack traffic for the bot: events, the {@code /pastefix} command and button clicks
 * become {@link Inbound}s, replies become Block Kit posts. Handlers acknowledge at once and do the
 * work on the workers; retried and duplicated deliveries are answered only once.
 */
final class SlackHandlers {
  /** The slash command, as the manifest declares it. */
  static final String COMMAND = "/pastefix";

  /**
   * How long a slash command waits for the engine so that the answer rides on the acknowledgement
   * itself; Slack allows 3 seconds, the rest is margin for the network.
   */
  static final Duration COMMAND_REPLY_WAIT = Duration.ofMillis(2000);

  /** The platform name in conversation keys and claims. */
  static final String PLATFORM = "slack";

  /** Claims of Slack messages start with this; each platform takes over only its own. */
  static final String CLAIM_PREFIX = PLATFORM + ":message:";

  /** Stale claims taken over per sweep. */
  static final int TAKE_OVER_BATCH = 20;

  private static final Logger log = LoggerFactory.getLogger(SlackHandlers.class);

  private final Bot bot;
  private final Votes votes;
  private final SeenEvents seen;
  private final ShareableReplies shareable;
  private final BlockKitRenderer renderer;
  private final SlackReplies replies;
  private final Workers workers;
  private final Outbox outbox;
  private final Duration channelPace;
  private final Telemetry telemetry;
  private final ObjectMapper json = new ObjectMapper();

  SlackHandlers(
      Bot bot,
      FeedbackStore feedback,
      SeenEvents seen,
      ShareableReplies shareable,
      BlockKitRenderer renderer,
      SlackReplies replies,
      Workers workers,
      Outbox outbox,
      Duration channelPace,
      Telemetry telemetry,
      Clock clock) {
    this.bot = bot;
    this.votes = new Votes(feedback, bot::hasEntry, telemetry, clock);
    this.seen = seen;
    this.shareable = shareable;
    this.renderer = renderer;
    this.replies = replies;
    this.workers = workers;
    this.outbox = outbox;
    this.channelPace = channelPace;
    this.telemetry = telemetry;
  }

  void register(App app) {
    // Admission comes before any handler, so before anything is remembered as seen: a refused
    // event stays unclaimed and Slack's retry of it is answered. (A handler's own non-200 answer
    // would not do: Bolt then acknowledges the event anyway.)
    app.use(
        (request, response, chain) -> {
          RequestType type = request.getRequestType();
          boolean work =
              type == RequestType.Event
                  || type == RequestType.Command
                  || type == RequestType.BlockAction;
          if (!work) {
            return chain.next(request);
          }
          if (!workers.tryEnter()) {
            return type == RequestType.Command
                ? ackEphemeral(renderer.render(Wording.of("en").busy()))
                : refusal();
          }
          // The reservation covers the handler; the work it starts takes places of its own.
          try {
            return chain.next(request);
          } finally {
            workers.leave();
          }
        });
    app.event(
        MessageEvent.class,
        (payload, ctx) -> {
          onMessage(
              payload.getEventId(),
              payload.getTeamId(),
              payload.getEvent(),
              Optional.ofNullable(ctx.getBotUserId()),
              Optional.ofNullable(ctx.getRetryNum()));
          return ctx.ack();
        });
    app.event(
        AppMentionEvent.class,
        (payload, ctx) -> {
          onMention(
              payload.getEventId(),
              payload.getTeamId(),
              payload.getEvent(),
              Optional.ofNullable(ctx.getBotUserId()));
          return ctx.ack();
        });
    app.command(COMMAND, (req, ctx) -> onCommand(req.getPayload(), ctx));
    // Link buttons open their page in the browser; Slack still reports the click and wants an ack.
    app.blockAction(
        Pattern.compile("^" + BlockKitRenderer.LINK_ACTION_PREFIX + ".*"), (req, ctx) -> ctx.ack());
    app.blockAction(
        Pattern.compile("^pastefix_feedback_.*"), (req, ctx) -> onFeedback(req.getPayload(), ctx));
    app.blockAction(
        Pattern.compile("^" + BlockKitRenderer.RUN_CHECK_ACTION_PREFIX + ".*"),
        (req, ctx) -> onRunCheck(req.getPayload(), ctx));
    app.blockAction(BlockKitRenderer.SHARE_ACTION, (req, ctx) -> onShare(req.getPayload(), ctx));
  }

  // ---------------------------------------------------------------- events

  void onMessage(
      String eventId,
      String teamId,
      MessageEvent event,
      Optional<String> botUserId,
      Optional<Integer> retryNum) {
    if (event.getBotId() != null || event.getUser() == null || isSelf(event.getUser(), botUserId)) {
      return;
    }
    boolean direct = "im".equals(event.getChannelType());
    // A mention arrives twice, as app_mention and as a plain message: app_mention answers it.
    if (!direct && mentions(event.getText(), botUserId)) {
      return;
    }
    String channel = event.getChannel();
    Optional<String> threadTs = Optional.ofNullable(event.getThreadTs());
    // In a channel the reply goes to the message's thread; whether a message there follows up an
    // answer (and so counts as addressed) the core decides from the conversation state.
    Channel kind = direct ? Channel.DIRECT : Channel.CHANNEL;
    Optional<String> replyThread = direct ? threadTs : Optional.of(threadTs.orElse(event.getTs()));
    Inbound.Message message =
        Inbound.message(
            text(event.getText()), kind, event.getUser(), key(teamId, channel, replyThread));
    take(eventId, event.getTs(), retryNum, message, channel, replyThread);
  }

  void onMention(String eventId, String teamId, AppMentionEvent event, Optional<String> botUserId) {
    if (event.getBotId() != null || event.getUser() == null || isSelf(event.getUser(), botUserId)) {
      return;
    }
    String channel = event.getChannel();
    Optional<String> replyThread =
        Optional.of(Optional.ofNullable(event.getThreadTs()).orElse(event.getTs()));
    Inbound.Message message =
        Inbound.message(
            text(event.getText()),
            Channel.MENTION,
            event.getUser(),
            key(teamId, channel, replyThread));
    take(eventId, event.getTs(), Optional.empty(), message, channel, replyThread);
  }

  /**
   * Claims the message for this instance (one atomic claim across every instance sharing the state)
   * and answers it on the executor. The claim is keyed by channel and message time stamp, so
   * Slack's retries and the second delivery of a mention find it taken. It carries what another
   * instance needs to answer the message if this one dies before answering.
   */
  private void take(
      String eventId,
      String ts,
      Optional<Integer> retryNum,
      Inbound.Message message,
      String channel,
      Optional<String> replyThread) {
    String claim = claimKey(message.conversationKey().workspace(), channel, ts);
    boolean mine;
    try {
      mine = seen.claim(claim, handOver(message, channel, replyThread), SeenEvents.DEFAULT_TTL);
    } catch (RuntimeException e) {
      // The state is unusable even in memory: answering twice beats not answering at all.
      log.warn("could not claim a Slack message; answering it anyway", e);
      mine = true;
    }
    if (!mine) {
      telemetry.duplicate(SlackReplies.PLATFORM);
      log.debug(
          "event {} (retry {}) for a message already taken; not answered again",
          eventId,
          retryNum.orElse(0));
      return;
    }
    long received = System.nanoTime();
    submit(() -> answer(claim, message, channel, replyThread, received));
  }

  static String claimKey(String team, String channel, String ts) {
    return CLAIM_PREFIX + team + ":" + channel + ":" + ts;
  }

  private void answer(
      String claim,
      Inbound.Message message,
      String channel,
      Optional<String> replyThread,
      long received) {
    Optional<Reply> reply = replyOf(message.from(message.origin().delivered(claim)));
    if (reply.isEmpty()) {
      markAnswered(claim);
      return;
    }
    SlackMessage rendered = renderer.render(reply.get());
    // The claim is marked answered only once the reply is delivered (or given up), so a crash
    // before then leaves it for another instance to take over.
    post(
        channel,
        channelPace,
        () -> replies.postMessage(channel, replyThread, rendered),
        delivery -> {
          if (delivery instanceof Delivery.Sent) {
            telemetry.replyPosted(SlackReplies.PLATFORM, since(received));
          }
          markAnswered(claim);
        });
  }

  private void markAnswered(String claim) {
    try {
      seen.answered(claim);
    } catch (RuntimeException e) {
      log.debug("could not mark {} answered", claim, e);
    }
  }

  // ---------------------------------------------------------------- hand-over of stale claims

  /** What another instance needs to answer a message: redacted, as everything stored is. */
  private String handOver(Inbound.Message message, String channel, Optional<String> replyThread) {
    ObjectNode node = json.createObjectNode();
    node.put("kind", message.channel().name());
    node.put("text", Redaction.redact(message.text()));
    node.put("user", message.senderId());
    node.put("team", message.conversationKey().workspace());
    node.put("channel", channel);
    replyThread.ifPresent(t -> node.put("thread", t));
    return node.toString();
  }

  /**
   * Answers the messages whose claims went stale (their instance died before answering) and that
   * this instance took over; how many it took.
   */
  int takeOverStale(Duration staleAfter) {
    List<SeenEvents.StaleClaim> taken =
        seen.takeOverStale(CLAIM_PREFIX, staleAfter, TAKE_OVER_BATCH);
    for (SeenEvents.StaleClaim claim : taken) {
      JsonNode node;
      try {
        node = json.readTree(claim.payload());
      } catch (IOException e) {
        log.warn("a stale Slack claim {} has no readable payload; dropped", claim.key());
        seen.answered(claim.key());
        continue;
      }
      String channel = node.path("channel").asText();
      Optional<String> replyThread =
          node.hasNonNull("thread") ? Optional.of(node.get("thread").asText()) : Optional.empty();
      Inbound.Message message =
          Inbound.message(
              node.path("text").asText(),
              Channel.valueOf(node.path("kind").asText()),
              node.path("user").asText(),
              key(node.path("team").asText(), channel, replyThread));
      log.info("answering a message another instance claimed but did not answer ({})", claim.key());
      long received = System.nanoTime();
      submit(() -> answer(claim.key(), message, channel, replyThread, received));
    }
    return taken.size();
  }

  private static Duration since(long nanos) {
    return Duration.ofNanos(System.nanoTime() - nanos);
  }

  // ---------------------------------------------------------------- slash command

  Response onCommand(SlashCommandPayload payload, SlashCommandContext ctx) {
    String text = payload.getText() == null ? "" : payload.getText();
    Inbound.Message message =
        new Inbound.Message(
            Origin.of(
                    Channel.COMMAND,
                    payload.getUserId(),
                    key(payload.getTeamId(), payload.getChannelId(), Optional.empty()))
                .delivered("command/" + payload.getChannelId()),
            text);
    Wording wording = Wording.of(message);
    workers.enter();
    String responseUrl = payload.getResponseUrl();
    // 0 while the acknowledgement waits for the answer, LATE once it stopped waiting, DONE when
    // the answer came in time: whoever comes second knows who answers.
    AtomicInteger state = new AtomicInteger(WAITING);
    CompletableFuture<Optional<Reply>> result = new CompletableFuture<>();
    workers.follow(
        () -> {
          try {
            result.complete(replyOf(message));
          } catch (RuntimeException e) {
            result.completeExceptionally(e);
          }
        });
    result.whenComplete(
        (reply, failure) -> {
          try {
            if (!state.compareAndSet(WAITING, DONE) && responseUrl != null) {
              SlackMessage late =
                  failure != null
                      ? renderer.render(wording.failure())
                      : reply.map(this::shareableMessage).orElse(null);
              if (late != null) {
                post(
                    responseUrl,
                    Duration.ZERO,
                    () -> replies.respond(responseUrl, "ephemeral", late),
                    d -> {});
              }
            }
          } finally {
            workers.leave();
          }
        });
    try {
      Optional<Reply> reply = result.get(COMMAND_REPLY_WAIT.toMillis(), TimeUnit.MILLISECONDS);
      return reply.map(r -> ackEphemeral(shareableMessage(r))).orElseGet(ctx::ack);
    } catch (TimeoutException e) {
      if (state.compareAndSet(WAITING, LATE)) {
        return ackEphemeral(textOnly(wording.workingOnIt()));
      }
      return result.join().map(r -> ackEphemeral(shareableMessage(r))).orElseGet(ctx::ack);
    } catch (ExecutionException e) {
      return ackEphemeral(renderer.render(wording.failure()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ackEphemeral(renderer.render(wording.failure()));
    }
  }

  private static final int WAITING = 0;
  private static final int LATE = 1;
  private static final int DONE = 2;

  /** The ephemeral rendering with a "Share in channel" button; the visible one is kept for it. */
  private SlackMessage shareableMessage(Reply reply) {
    SlackMessage visible = renderer.render(reply);
    ObjectNode kept = json.createObjectNode();
    // Kept and later posted for everyone: every text in it redacted, the JSON left intact.
    kept.put("text", Redaction.redact(visible.text()));
    kept.put("blocks", redactTexts(parse(visible.blocksJson())).toString());
    String id;
    try {
      id = shareable.keep(kept.toString(), ShareableReplies.DEFAULT_TTL);
    } catch (RuntimeException e) {
      log.debug("could not keep a reply for sharing", e);
      return visible;
    }
    return renderer.render(reply, Optional.of(id));
  }

  /** {@code node} with every string in it redacted (names and numbers are left alone). */
  private static JsonNode redactTexts(JsonNode node) {
    if (node.isObject()) {
      ObjectNode object = (ObjectNode) node;
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        JsonNode value = object.get(name);
        if (value.isTextual()) {
          object.put(name, Redaction.redact(value.asText()));
        } else {
          redactTexts(value);
        }
      }
    } else if (node.isArray()) {
      com.fasterxml.jackson.databind.node.ArrayNode array =
          (com.fasterxml.jackson.databind.node.ArrayNode) node;
      for (int i = 0; i < array.size(); i++) {
        if (array.get(i).isTextual()) {
          array.set(i, array.textNode(Redaction.redact(array.get(i).asText())));
        } else {
          redactTexts(array.get(i));
        }
      }
    }
    return node;
  }

  private Response ackEphemeral(SlackMessage message) {
    return Response.builder()
        .statusCode(200)
        .contentType(Response.CONTENT_TYPE_APPLICATION_JSON_UTF8)
        .body(responseBody("ephemeral", message).toString())
        .build();
  }

  private ObjectNode responseBody(String responseType, SlackMessage message) {
    ObjectNode body = json.createObjectNode();
    body.put("response_type", responseType);
    body.put("text", message.text());
    body.set("blocks", parse(message.blocksJson()));
    return body;
  }

  // ---------------------------------------------------------------- buttons

  Response onFeedback(BlockActionPayload payload, ActionContext ctx) {
    BlockActionPayload.Action action = payload.getActions().get(0);
    boolean helpful = BlockKitRenderer.FEEDBACK_HELPFUL_ACTION.equals(action.getActionId());
    String channel = channelOf(payload);
    String messageTs =
        payload.getContainer() == null ? null : payload.getContainer().getMessageTs();
    String user = payload.getUser().getId();
    List<String> entryIds =
        action.getValue() == null
            ? List.of()
            : BlockKitRenderer.feedbackEntryIds(action.getValue());
    String answerKey = key(teamOf(payload), channel, Optional.ofNullable(messageTs)).asString();
    // Recorded before the acknowledgement: the vote must not depend on a later network call.
    votes.take(SlackReplies.PLATFORM, answerKey, entryIds, user, helpful);
    submit(() -> reflectVote(payload, channel, messageTs, user, helpful));
    return ctx.ack();
  }

  private void reflectVote(
      BlockActionPayload payload, String channel, String messageTs, String user, boolean helpful) {
    // The answer's own words tell its language; the receipt follows it.
    Wording wording =
        Wording.forText(
            payload.getMessage() == null || payload.getMessage().getText() == null
                ? ""
                : payload.getMessage().getText());
    String verdict = wording.markedBy(helpful, "<@" + user + ">");
    boolean ephemeral = payload.getContainer() != null && payload.getContainer().isEphemeral();
    if (ephemeral || payload.getMessage() == null || messageTs == null) {
      String responseUrl = payload.getResponseUrl();
      if (responseUrl != null) {
        SlackMessage thanks = withMention(textOnly(wording.thanks(helpful, MENTION)), user);
        post(
            responseUrl,
            Duration.ZERO,
            () -> replies.respond(responseUrl, "ephemeral", thanks),
            d -> {});
      }
      return;
    }
    ArrayNode blocks =
        (ArrayNode) parse(GsonFactory.createSnakeCase().toJson(payload.getMessage().getBlocks()));
    ArrayNode updated = json.createArrayNode();
    for (JsonNode block : blocks) {
      if (BlockKitRenderer.FEEDBACK_BLOCK_ID.equals(block.path("block_id").asText())) {
        updated.add(contextBlock(":ballot_box_with_check: " + verdict));
      } else {
        updated.add(block);
      }
    }
    String text = payload.getMessage().getText() == null ? verdict : payload.getMessage().getText();
    String blocksJson = updated.toString();
    post(
        channel,
        Duration.ZERO,
        () -> replies.update(channel, messageTs, text, blocksJson),
        d -> {});
  }

  Response onRunCheck(BlockActionPayload payload, ActionContext ctx) {
    BlockActionPayload.Action action = payload.getActions().get(0);
    String value = action.getValue() == null ? "" : action.getValue();
    String channel = channelOf(payload);
    String user = payload.getUser().getId();
    Optional<String> threadTs =
        Optional.ofNullable(payload.getContainer()).map(BlockActionPayload.Container::getThreadTs);
    Optional<BotCommand.RunCheck> command = BlockKitRenderer.runCheckCommand(value);
    if (command.isEmpty()) {
      log.warn("a Run-check button without a check: '{}'", value);
      return ctx.ack();
    }
    // The click is the context (who, where); the command itself travels typed, not as text. Slack
    // tells no user's language: the answer the button is on was written in it.
    Optional<Locale> language =
        Optional.ofNullable(payload.getMessage())
            .map(m -> m.getText())
            .filter(t -> !t.isBlank())
            .map(t -> Locale.forLanguageTag(Wording.forText(t).lang()));
    Inbound.Click click =
        new Inbound.Click(
            new Origin(
                Channel.COMMAND,
                user,
                key(teamOf(payload), channel, threadTs),
                language,
                "click/" + action.getActionTs()),
            command.get());
    String responseUrl = payload.getResponseUrl();
    submit(
        () -> {
          Optional<Reply> reply = replyOf(click);
          reply.ifPresent(
              r -> {
                SlackMessage rendered = shareableMessage(r);
                if (responseUrl != null) {
                  post(
                      responseUrl,
                      Duration.ZERO,
                      () -> replies.respond(responseUrl, "ephemeral", rendered),
                      d -> {});
                } else {
                  post(
                      channel,
                      channelPace,
                      () -> replies.postEphemeral(channel, user, threadTs, rendered),
                      d -> {});
                }
              });
        });
    return ctx.ack();
  }

  Response onShare(BlockActionPayload payload, ActionContext ctx) {
    String id = payload.getActions().get(0).getValue();
    String user = payload.getUser().getId();
    String responseUrl = payload.getResponseUrl();
    SlackMessage message = id == null ? null : kept(id).orElse(null);
    if (responseUrl == null) {
      return ctx.ack();
    }
    if (message == null) {
      SlackMessage gone = renderer.render(Wording.of("en").noLongerShareable());
      post(
          responseUrl,
          Duration.ZERO,
          () -> replies.respond(responseUrl, "ephemeral", gone),
          d -> {});
      return ctx.ack();
    }
    SlackMessage shared = sharedBy(message, user);
    // One lane per response_url keeps the two in order: share first, then remove the original.
    post(
        responseUrl,
        Duration.ZERO,
        () -> replies.respond(responseUrl, "in_channel", shared),
        d -> {});
    post(responseUrl, Duration.ZERO, () -> replies.deleteOriginal(responseUrl), d -> {});
    return ctx.ack();
  }

  private Optional<SlackMessage> kept(String id) {
    try {
      return shareable
          .find(id)
          .map(this::parse)
          .map(n -> new SlackMessage(n.path("text").asText(), n.path("blocks").asText()));
    } catch (RuntimeException e) {
      log.debug("could not read a shareable reply", e);
      return Optional.empty();
    }
  }

  private SlackMessage sharedBy(SlackMessage message, String user) {
    ArrayNode blocks = (ArrayNode) parse(message.blocksJson());
    if (blocks.size() < BlockKitRenderer.MAX_BLOCKS) {
      blocks.add(contextBlock(Wording.forText(message.text()).sharedBy("<@" + user + ">")));
    }
    return new SlackMessage(message.text(), blocks.toString());
  }

  // ---------------------------------------------------------------- helpers of translation

  /** What the bot says to {@code in}, or empty when it stays silent. */
  private Optional<Reply> replyOf(Inbound in) {
    return bot.handle(in).outcome().visibleReply();
  }

  /** Stands for a user's mention while a text is rendered (and so escaped). */
  private static final String MENTION = "pastefix-mention-of-the-user";

  private static final Pattern SLACK_USER_ID = Pattern.compile("[A-Z0-9]{1,32}");

  /**
   * {@code message} with {@link #MENTION} made a real mention of {@code user}: everything else was
   * escaped by the renderer, and a Slack user id is only capitals and digits.
   */
  private static SlackMessage withMention(SlackMessage message, String user) {
    String mention =
        SLACK_USER_ID.matcher(user).matches()
            ? "<@" + user + ">"
            : BlockKitRenderer.escape(user).replace("\"", "'").replace("\\", "/");
    return new SlackMessage(
        message.text().replace(MENTION, mention), message.blocksJson().replace(MENTION, mention));
  }

  private SlackMessage textOnly(String text) {
    return renderer.render(
        new Reply(text, List.of(Block.Paragraph.of(new Span.Plain(text))), List.of()));
  }

  private ObjectNode contextBlock(String mrkdwn) {
    ObjectNode block = json.createObjectNode();
    block.put("type", "context");
    ArrayNode elements = block.putArray("elements");
    ObjectNode text = elements.addObject();
    text.put("type", "mrkdwn");
    text.put("text", mrkdwn);
    return block;
  }

  /** The conversation: this workspace's channel, in a thread when there is one. */
  static ConversationKey key(String teamId, String channel, Optional<String> threadTs) {
    ConversationKey base =
        ConversationKey.of(PLATFORM, teamId == null || teamId.isBlank() ? "-" : teamId, channel);
    return threadTs.map(base::inThread).orElse(base);
  }

  private static String text(String text) {
    return text == null ? "" : text;
  }

  private static boolean isSelf(String user, Optional<String> botUserId) {
    return botUserId.isPresent() && botUserId.get().equals(user);
  }

  private static boolean mentions(String text, Optional<String> botUserId) {
    return text != null && botUserId.isPresent() && text.contains("<@" + botUserId.get());
  }

  private static String channelOf(BlockActionPayload payload) {
    if (payload.getChannel() != null) {
      return payload.getChannel().getId();
    }
    return payload.getContainer() == null ? "-" : payload.getContainer().getChannelId();
  }

  private static String teamOf(BlockActionPayload payload) {
    return payload.getTeam() == null ? null : payload.getTeam().getId();
  }

  private JsonNode parse(String text) {
    try {
      return json.readTree(text);
    } catch (IOException e) {
      throw new IllegalArgumentException("not JSON", e);
    }
  }

  /** Not acknowledged, so Slack delivers the event again later. */
  private static Response refusal() {
    return Response.builder()
        .statusCode(503)
        .contentType("text/plain; charset=utf-8")
        .body("busy; try again later")
        .build();
  }

  /** Runs {@code task} of an admitted event on the workers, holding a place until it is done. */
  private void submit(Runnable task) {
    workers.follow(task);
  }

  /** Queues a post; it holds its own place until it is delivered or given up. */
  private void post(
      String lane, Duration pace, Supplier<Delivery> attempt, Consumer<Delivery> after) {
    workers.enter();
    outbox.send(
        lane,
        pace,
        attempt,
        delivery -> {
          try {
            if (delivery instanceof Delivery.Failed) {
              log.warn("a Slack reply was not delivered: {}", ((Delivery.Failed) delivery).why());
            }
            after.accept(delivery);
          } finally {
            workers.leave();
          }
        });
  }
}
