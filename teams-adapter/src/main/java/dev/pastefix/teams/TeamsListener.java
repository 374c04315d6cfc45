package dev.pastefix.teams;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pastefix.core.Bot;
import dev.pastefix.core.Inbound;
import dev.pastefix.core.answer.Wording;
import dev.pastefix.core.feedback.FeedbackStore;
import dev.pastefix.core.feedback.Votes;
import dev.pastefix.core.reply.Reply;
import dev.pastefix.core.state.SeenEvents;
import dev.pastefix.core.telemetry.Telemetry;
import dev.pastefix.core.work.Workers;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What pastefix does with a validated activity: messages and Run-check clicks go to the bot and its
 * reply back to the conversation as a card; feedback clicks record votes. The HTTP request is
 * answered at once and the work done on the workers (503 when they refuse it: full, or stopping); a
 * delivery already claimed in {@link SeenEvents} (the Bot Connector sent it again) is dropped.
 */
final class TeamsListener {
  private static final Logger log = LoggerFactory.getLogger(TeamsListener.class);

  /** The platform name in metrics and in the one log line per message. */
  static final String PLATFORM = "teams";

  /** The invoke Teams sends for {@code Action.Execute} buttons. */
  static final String CARD_ACTION_INVOKE = "adaptiveCard/action";

  /** How the HTTP request of an activity is answered. */
  sealed interface Reception {
    /** 200 with an empty body: taken, the reply (if any) follows through the connector. */
    record Accepted() implements Reception {}

    /** 200 with an invoke response body. */
    record InvokeResponse(ObjectNode body) implements Reception {}

    /** 503: the workers refused it, the connector may deliver the activity again later. */
    record Busy() implements Reception {}
  }

  private final Bot bot;
  private final Votes votes;
  private final AdaptiveCardRenderer renderer;
  private final Connector connector;
  private final ConversationOutbox outbox;
  private final SeenEvents seen;
  private final ActivityTranslator translator;
  private final Workers workers;
  private final Telemetry telemetry;

  TeamsListener(
      Bot bot,
      FeedbackStore feedback,
      AdaptiveCardRenderer renderer,
      Connector connector,
      ConversationOutbox outbox,
      SeenEvents seen,
      Workers workers,
      Telemetry telemetry,
      Clock clock) {
    this.bot = bot;
    this.votes = new Votes(feedback, bot::hasEntry, telemetry, clock);
    this.renderer = renderer;
    this.connector = connector;
    this.outbox = outbox;
    this.seen = seen;
    this.translator = new ActivityTranslator();
    this.workers = workers;
    this.telemetry = telemetry;
  }

  Reception receive(Activity activity) {
    if (activity.type().equals(Activity.MESSAGE)) {
      Optional<CardAction> click = activity.value().flatMap(CardAction::parse);
      if (click.isPresent()) {
        return submit(activity, (received, done) -> onClick(activity, click.get(), received, done));
      }
      if (activity.text().isBlank()) {
        return new Reception.Accepted();
      }
      return submit(activity, (received, done) -> onMessage(activity, received, done));
    }
    if (activity.type().equals(Activity.INVOKE)
        && activity.name().filter(CARD_ACTION_INVOKE::equals).isPresent()) {
      Optional<CardAction> click = activity.value().flatMap(CardAction::parse);
      if (click.isEmpty()) {
        return new Reception.InvokeResponse(invokeResponse(400, "Not a pastefix button."));
      }
      Reception taken =
          submit(activity, (received, done) -> onClick(activity, click.get(), received, done));
      if (taken instanceof Reception.Busy) {
        return taken;
      }
      return new Reception.InvokeResponse(invokeResponse(200, "Thanks, pastefix is on it."));
    }
    // conversationUpdate, installationUpdate, typing, reactions: nothing to answer.
    return new Reception.Accepted();
  }

  /**
   * Work on one activity, given when it was received ({@link System#nanoTime()}); {@code done} is
   * run once when nothing more is owed for it (its reply sent or given up, or no reply at all).
   */
  private interface Task {
    void run(long received, Runnable done);
  }

  /** Claims of Teams activities start with this; each platform takes over only its own. */
  static final String CLAIM_PREFIX = PLATFORM + ":activity:";

  /** Stale claims taken over per sweep. */
  static final int TAKE_OVER_BATCH = 20;

  static String claimKey(Activity activity) {
    return CLAIM_PREFIX + activity.conversationId() + ":" + activity.id();
  }

  private Reception submit(Activity activity, Task task) {
    String key = claimKey(activity);
    // A message can be answered by another instance should this one die before replying; a click
    // carries nothing to hand over (a vote is recorded at once, a check is clicked again).
    String payload =
        activity.type().equals(Activity.MESSAGE) && activity.value().isEmpty()
            ? HandOver.of(activity)
            : "";
    long received = System.nanoTime();
    boolean taken =
        workers.submit(
            () -> {
              // Claimed in the worker, so that a delivery refused as busy can come again.
              boolean mine;
              try {
                mine = seen.claim(key, payload, SeenEvents.DEFAULT_TTL);
              } catch (RuntimeException e) {
                log.warn("could not claim a Teams activity; answering it anyway", e);
                mine = true;
              }
              if (!mine) {
                log.debug("Teams: activity {} delivered again; already handled", activity.id());
                telemetry.duplicate(PLATFORM);
                return;
              }
              runClaimed(key, received, task);
            });
    return taken ? new Reception.Accepted() : new Reception.Busy();
  }

  /**
   * Runs {@code task} for a claimed activity; the claim is marked answered once the task says
   * nothing more is owed, so an instance that dies before its reply is sent leaves the claim for
   * another one to take over.
   */
  private void runClaimed(String key, long received, Task task) {
    AtomicBoolean finished = new AtomicBoolean();
    Runnable done =
        () -> {
          if (finished.compareAndSet(false, true)) {
            try {
              seen.answered(key);
            } catch (RuntimeException e) {
              log.debug("could not mark {} answered", key, e);
            }
          }
        };
    try {
      task.run(received, done);
    } catch (RuntimeException e) {
      done.run();
      throw e;
    }
  }

  /**
   * Answers the messages whose claims went stale (their instance died before replying) and that
   * this instance took over; how many it took. The reply goes to the service URL the message came
   * from, which this instance trusts only if a validated activity brought it to some instance.
   */
  int takeOverStale(Duration staleAfter) {
    List<SeenEvents.StaleClaim> taken =
        seen.takeOverStale(CLAIM_PREFIX, staleAfter, TAKE_OVER_BATCH);
    for (SeenEvents.StaleClaim claim : taken) {
      Optional<Activity> activity = HandOver.parse(claim.payload());
      if (activity.isEmpty()) {
        log.debug("a stale Teams claim {} has nothing to hand over; dropped", claim.key());
        runClaimed(claim.key(), System.nanoTime(), (received, done) -> done.run());
        continue;
      }
      log.info(
          "answering a Teams message another instance claimed but did not answer ({})",
          claim.key());
      long received = System.nanoTime();
      // Refused (full): the claim goes stale again and is taken over in a later sweep.
      workers.submit(
          () -> runClaimed(claim.key(), received, (r, done) -> onMessage(activity.get(), r, done)));
    }
    return taken.size();
  }

  private void onMessage(Activity activity, long received, Runnable done) {
    Optional<Reply> reply =
        translator.translate(activity).flatMap(in -> bot.handle(in).outcome().visibleReply());
    if (reply.isPresent()) {
      sendCard(activity, reply.get(), received, done);
    } else {
      done.run();
    }
  }

  private static Duration since(long nanoTime) {
    return Duration.ofNanos(System.nanoTime() - nanoTime);
  }

  private void onClick(Activity activity, CardAction action, long received, Runnable done) {
    if (action instanceof CardAction.Feedback vote) {
      String answerKey =
          ActivityTranslator.conversationKey(activity).asString()
              + "/"
              + activity.replyToId().orElse("-");
      votes.take(PLATFORM, answerKey, vote.entryIds(), activity.from().id(), vote.helpful());
      if (activity.type().equals(Activity.MESSAGE)) {
        // The words of the user's Teams client: a click has no text to tell its language.
        Wording wording = Wording.of(activity.locale().map(Locale::getLanguage).orElse("en"));
        String who = activity.from().name().isBlank() ? "you" : activity.from().name();
        sendText(activity, wording.thanks(vote.helpful(), who), received, done);
      } else {
        done.run();
      }
    } else if (action instanceof CardAction.RunCheck check) {
      Inbound.Click click = translator.checkClick(activity, check.command());
      Optional<Reply> reply = bot.handle(click).outcome().visibleReply();
      if (reply.isPresent()) {
        sendCard(activity, reply.get(), received, done);
      } else {
        done.run();
      }
    } else {
      throw new IllegalStateException("unknown card action " + action);
    }
  }

  private void sendCard(Activity to, Reply reply, long received, Runnable done) {
    ObjectNode message = envelope(to);
    message.put(
        "summary", AdaptiveCardRenderer.cut(reply.summary(), TeamsLimits.MAX_SUMMARY_CHARS));
    ObjectNode attachment = message.putArray("attachments").addObject();
    attachment.put("contentType", AdaptiveCardRenderer.CONTENT_TYPE);
    attachment.set("content", renderer.render(reply));
    send(to, message, received, done);
  }

  private void sendText(Activity to, String text, long received, Runnable done) {
    ObjectNode message = envelope(to);
    message.put("text", text);
    message.put("textFormat", "plain");
    send(to, message, received, done);
  }

  /**
   * Queues the reply in its conversation's lane: the worker is free at once, and a throttled
   * conversation waits on a timer, never in a worker. The reply holds a place in the workers until
   * it is sent or given up, so a stop's drain waits for it.
   */
  private void send(Activity to, ObjectNode message, long received, Runnable done) {
    workers.enter();
    outbox.send(
        to.conversationId(),
        attempt -> connector.reply(to.serviceUrl(), to.conversationId(), to.id(), message, attempt),
        sent -> {
          try {
            if (sent) {
              telemetry.replyPosted(PLATFORM, since(received));
            } else {
              telemetry.postingFailed(PLATFORM, false);
            }
          } finally {
            done.run();
            workers.leave();
          }
        });
  }

  /** A message from the bot back into the activity's conversation, as a reply to it. */
  private static ObjectNode envelope(Activity to) {
    ObjectNode message = JsonNodeFactory.instance.objectNode();
    message.put("type", Activity.MESSAGE);
    message.putObject("from").put("id", to.recipient().id()).put("name", to.recipient().name());
    message.putObject("recipient").put("id", to.from().id()).put("name", to.from().name());
    message.putObject("conversation").put("id", to.conversationId());
    message.put("replyToId", to.id());
    return message;
  }

  private static ObjectNode invokeResponse(int status, String text) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("statusCode", status);
    body.put("type", "application/vnd.microsoft.activity.message");
    body.put("value", text);
    return body;
  }
}
