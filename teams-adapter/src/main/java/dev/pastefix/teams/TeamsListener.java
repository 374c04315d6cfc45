package dev.pastefix.teams;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pastefix.core.Bot;
import dev.pastefix.core.IncomingMessage;
import dev.pastefix.core.Outcome;
import dev.pastefix.core.answer.Wording;
import dev.pastefix.core.feedback.FeedbackStore;
import dev.pastefix.core.feedback.Votes;
import dev.pastefix.core.reply.Reply;
import dev.pastefix.core.state.SeenEvents;
import dev.pastefix.core.telemetry.Telemetry;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What pastefix does with a validated activity: messages go to the engine and the outcome back to
 * the conversation as a card; button clicks record votes or run checks. The HTTP request is
 * answered at once and the work done on {@code work}; a delivery already claimed in {@link
 * SeenEvents} (the Bot Connector sent the same activity again) is dropped.
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

    /** 503: the work queue is full, the connector may deliver the activity again later. */
    record Busy() implements Reception {}
  }

  private final Bot bot;
  private final Votes votes;
  private final AdaptiveCardRenderer renderer;
  private final Connector connector;
  private final SeenEvents seen;
  private final ActivityTranslator translator;
  private final Executor work;
  private final Telemetry telemetry;

  TeamsListener(
      Bot bot,
      FeedbackStore feedback,
      AdaptiveCardRenderer renderer,
      Connector connector,
      SeenEvents seen,
      Executor work,
      Telemetry telemetry,
      Clock clock) {
    this.bot = bot;
    this.votes = new Votes(feedback, telemetry, clock);
    this.renderer = renderer;
    this.connector = connector;
    this.seen = seen;
    this.translator = new ActivityTranslator();
    this.work = work;
    this.telemetry = telemetry;
  }

  Reception receive(Activity activity) {
    if (activity.type().equals(Activity.MESSAGE)) {
      Optional<CardAction> click = activity.value().flatMap(CardAction::parse);
      if (click.isPresent()) {
        return submit(activity, received -> onClick(activity, click.get(), received));
      }
      if (activity.text().isBlank()) {
        return new Reception.Accepted();
      }
      return submit(activity, received -> onMessage(activity, received));
    }
    if (activity.type().equals(Activity.INVOKE)
        && activity.name().filter(CARD_ACTION_INVOKE::equals).isPresent()) {
      Optional<CardAction> click = activity.value().flatMap(CardAction::parse);
      if (click.isEmpty()) {
        return new Reception.InvokeResponse(invokeResponse(400, "Not a pastefix button."));
      }
      Reception taken = submit(activity, received -> onClick(activity, click.get(), received));
      if (taken instanceof Reception.Busy) {
        return taken;
      }
      return new Reception.InvokeResponse(invokeResponse(200, "Thanks, pastefix is on it."));
    }
    // conversationUpdate, installationUpdate, typing, reactions: nothing to answer.
    return new Reception.Accepted();
  }

  /** Work on one activity, given when it was received ({@link System#nanoTime()}). */
  private interface Task {
    void run(long received);
  }

  private Reception submit(Activity activity, Task task) {
    String key = "teams:activity:" + activity.conversationId() + ":" + activity.id();
    long received = System.nanoTime();
    try {
      work.execute(
          () -> {
            // Claimed in the worker, so that a delivery refused as busy can come again.
            if (!seen.claim(key, SeenEvents.DEFAULT_TTL)) {
              log.debug("Teams: activity {} delivered again; already handled", activity.id());
              telemetry.duplicate(PLATFORM);
              return;
            }
            try {
              task.run(received);
            } catch (RuntimeException e) {
              log.error("Teams: could not handle an activity in {}", activity.conversationId(), e);
            } finally {
              seen.answered(key);
            }
          });
      return new Reception.Accepted();
    } catch (RejectedExecutionException e) {
      log.warn("Teams: too many activities waiting; refusing one with 503");
      telemetry.shed(PLATFORM, "busy");
      return new Reception.Busy();
    }
  }

  private void onMessage(Activity activity, long received) {
    Optional<IncomingMessage> incoming = translator.translate(activity);
    if (incoming.isEmpty()) {
      return;
    }
    IncomingMessage in = incoming.get();
    telemetry.received(PLATFORM, in.channel());
    Optional<Reply> reply;
    long started = System.nanoTime();
    try {
      Outcome outcome = bot.handle(in);
      telemetry.handled(PLATFORM, in.channel(), activity.id(), outcome, since(started));
      reply = outcome.visibleReply();
    } catch (RuntimeException e) {
      log.error("the engine failed on a Teams {} message", in.channel(), e);
      telemetry.failed(PLATFORM, in.channel(), activity.id(), since(started));
      reply =
          in.channel().addressed()
              ? Optional.of(Wording.forText(in.text()).failure())
              : Optional.empty();
    }
    if (reply.isEmpty()) {
      return;
    }
    sendCard(activity, reply.get(), received);
  }

  private static Duration since(long nanoTime) {
    return Duration.ofNanos(System.nanoTime() - nanoTime);
  }

  private void onClick(Activity activity, CardAction action, long received) {
    if (action instanceof CardAction.Feedback vote) {
      String answerKey =
          ActivityTranslator.conversationKey(activity).asString()
              + "/"
              + activity.replyToId().orElse("-");
      votes.take(PLATFORM, answerKey, vote.entryIds(), activity.from().id(), vote.helpful());
      if (activity.type().equals(Activity.MESSAGE)) {
        String who = activity.from().name().isBlank() ? "you" : activity.from().name();
        sendText(activity, wording(activity).thanks(vote.helpful(), who), received);
      }
    } else if (action instanceof CardAction.RunCheck check) {
      IncomingMessage in = translator.checkClick(activity);
      Optional<Reply> reply;
      try {
        reply = bot.handle(check.command(), in).visibleReply();
      } catch (RuntimeException e) {
        log.error("the engine failed on a Teams check", e);
        reply = Optional.of(wording(activity).failure());
      }
      reply.ifPresent(r -> sendCard(activity, r, received));
    } else {
      throw new IllegalStateException("unknown card action " + action);
    }
  }

  /** The words for a click, which has no text: in the language of the user's Teams client. */
  private static Wording wording(Activity activity) {
    return Wording.of(activity.locale().map(Locale::getLanguage).orElse("en"));
  }

  private void sendCard(Activity to, Reply reply, long received) {
    ObjectNode message = envelope(to);
    message.put(
        "summary", AdaptiveCardRenderer.cut(reply.summary(), TeamsLimits.MAX_SUMMARY_CHARS));
    ObjectNode attachment = message.putArray("attachments").addObject();
    attachment.put("contentType", AdaptiveCardRenderer.CONTENT_TYPE);
    attachment.set("content", renderer.render(reply));
    send(to, message, received);
  }

  private void sendText(Activity to, String text, long received) {
    ObjectNode message = envelope(to);
    message.put("text", text);
    message.put("textFormat", "plain");
    send(to, message, received);
  }

  private void send(Activity to, ObjectNode message, long received) {
    try {
      if (connector.reply(to.serviceUrl(), to.conversationId(), to.id(), message)) {
        telemetry.replyPosted(PLATFORM, since(received));
      } else {
        // The connector retried 429s and 5xx already; what is left is a failure, whatever it was.
        telemetry.postingFailed(PLATFORM, false);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
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
