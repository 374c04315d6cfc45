package dev.pastefix.discord;

import dev.pastefix.core.Bot;
import dev.pastefix.core.Channel;
import dev.pastefix.core.Inbound;
import dev.pastefix.core.answer.Wording;
import dev.pastefix.core.feedback.FeedbackStore;
import dev.pastefix.core.feedback.Votes;
import dev.pastefix.core.state.ConversationStore;
import dev.pastefix.core.state.SeenEvents;
import dev.pastefix.core.telemetry.Telemetry;
import dev.pastefix.core.work.Workers;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.components.Component;
import net.dv8tion.jda.api.components.MessageTopLevelComponentUnion;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.actionrow.ActionRowChildComponent;
import net.dv8tion.jda.api.components.actionrow.ActionRowChildComponentUnion;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.events.session.SessionDisconnectEvent;
import net.dv8tion.jda.api.events.session.SessionRecreateEvent;
import net.dv8tion.jda.api.events.session.SessionResumeEvent;
import net.dv8tion.jda.api.exceptions.InsufficientPermissionException;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens to Discord through JDA: messages, {@code /pastefix}, autocomplete and buttons. The bot
 * runs on the workers so that JDA's event thread is never blocked; interactions are acknowledged
 * (deferred) before that work starts, well inside Discord's 3-second window.
 */
final class PastefixListener extends ListenerAdapter {
  private static final Logger log = LoggerFactory.getLogger(PastefixListener.class);

  /** The vote count a feedback button's label ends with once somebody voted. */
  private static final Pattern COUNT = Pattern.compile(" \\(\\d+\\)$");

  private final Bot bot;
  private final EmbedRenderer renderer;
  private final Votes votes;
  private final SeenEvents seen;
  private final ConversationStore conversations;
  private final KbChoices kb;
  private final MessageTranslator translator;
  private final Workers workers;
  private final Telemetry telemetry;

  PastefixListener(
      Bot bot,
      EmbedRenderer renderer,
      FeedbackStore feedback,
      SeenEvents seen,
      ConversationStore conversations,
      KbChoices kb,
      MessageTranslator translator,
      Workers workers,
      Telemetry telemetry,
      Clock clock) {
    this.bot = bot;
    this.renderer = renderer;
    this.votes = new Votes(feedback, bot::hasEntry, telemetry, clock);
    this.seen = seen;
    this.conversations = conversations;
    this.kb = kb;
    this.translator = translator;
    this.workers = workers;
    this.telemetry = telemetry;
  }

  static final String PLATFORM = "discord";

  // ---- messages

  @Override
  public void onMessageReceived(MessageReceivedEvent event) {
    List<Message.Attachment> files = TextAttachments.readable(event.getMessage());
    if (!files.isEmpty() && translator.wanted(event)) {
      // Downloading takes a moment: do it off JDA's event thread, then translate as usual.
      run(
          () -> {
            try {
              translator
                  .fromMessage(event, TextAttachments.read(files))
                  .ifPresent(in -> answer(event.getMessage(), in));
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          },
          () -> {});
      return;
    }
    Optional<Inbound.Message> incoming = translator.fromMessage(event);
    if (incoming.isEmpty()) {
      return;
    }
    Message message = event.getMessage();
    Inbound.Message in = incoming.get();
    run(
        () -> answer(message, in),
        () -> {
          if (in.channel().addressed()) {
            send(
                message,
                in,
                renderer.render(Wording.of(in).busy(), EmbedRenderer.Visibility.PUBLIC));
          }
        });
  }

  /** Claims of Discord messages start with this; each platform takes over only its own. */
  static final String CLAIM_PREFIX = Conversations.PLATFORM + ":message:";

  /** Stale claims taken over per sweep. */
  static final int TAKE_OVER_BATCH = 20;

  /** Claim key of a Discord message: every instance on the same bot token sees the message. */
  static String claimKey(Message message) {
    return CLAIM_PREFIX + message.getId();
  }

  private void answer(Message message, Inbound.Message in) {
    String claim = claimKey(message);
    String channelId = message.getChannel().getId();
    try {
      if (!seen.claim(
          claim, HandOver.of(message.getId(), channelId, in).toJson(), SeenEvents.DEFAULT_TTL)) {
        log.debug("Discord message {} is taken by another instance", message.getId());
        return;
      }
    } catch (RuntimeException e) {
      log.warn("could not claim a Discord message; answering it anyway", e);
    }
    answerClaimed(claim, message.getChannel(), message.getId(), in);
  }

  /**
   * Answers a claimed message in {@code channel}, replying to {@code messageId} outside DMs. The
   * claim is marked answered only once Discord took the reply (or refused it), so an instance that
   * dies before then leaves it for another one to take over.
   */
  private void answerClaimed(
      String claim, MessageChannel channel, String messageId, Inbound.Message in) {
    Optional<MessageCreateData> data;
    try {
      data = renderer.render(bot.handle(in).outcome(), EmbedRenderer.Visibility.PUBLIC);
    } catch (RuntimeException e) {
      markAnswered(claim);
      throw e;
    }
    if (data.isEmpty()) {
      markAnswered(claim);
      return;
    }
    send(channel, messageId, in, data.get(), () -> markAnswered(claim));
  }

  private void markAnswered(String claim) {
    try {
      seen.answered(claim);
    } catch (RuntimeException e) {
      log.debug("could not mark {} answered", claim, e);
    }
  }

  private void send(Message message, Inbound in, MessageCreateData data) {
    send(message.getChannel(), message.getId(), in, data, () -> {});
  }

  /** Posts {@code data} as the answer to {@code messageId}; {@code done} once Discord answered. */
  private void send(
      MessageChannel channel, String messageId, Inbound in, MessageCreateData data, Runnable done) {
    long received = System.nanoTime();
    if (in.channel() == Channel.DIRECT) {
      channel
          .sendMessage(data)
          .queue(
              ok -> {
                posted(received);
                done.run();
              },
              e -> {
                telemetry.postingFailed(PLATFORM, false);
                log.warn("Discord refused a DM reply in {}", in.conversationKey(), e);
                done.run();
              });
    } else {
      if (in.conversationKey().thread().isEmpty()) {
        // A thread started from the pasted message is a follow-up to this answer: the thread's id
        // is the message's id, so its messages share this conversation.
        try {
          conversations.markAnswered(
              in.conversationKey().inThread(messageId), ConversationStore.ANSWERED_THREAD_TTL);
        } catch (RuntimeException e) {
          log.debug("could not remember the answered message {}", messageId, e);
        }
      }
      // A reply keeps the answer next to the paste in a busy channel; no ping for the author. A
      // paste deleted meanwhile still gets its answer, without the reference.
      channel
          .sendMessage(data)
          .setMessageReference(messageId)
          .failOnInvalidReply(false)
          .mentionRepliedUser(false)
          .queue(
              ok -> {
                posted(received);
                done.run();
              },
              e -> {
                telemetry.postingFailed(PLATFORM, false);
                log.warn(
                    "Discord refused a reply in {} (missing Send Messages or Embed Links?)",
                    in.conversationKey(),
                    e);
                done.run();
              });
    }
  }

  // ---- hand-over of stale claims

  /**
   * Answers the messages whose claims went stale (their instance died before answering) and that
   * this instance took over; how many it took.
   */
  int takeOverStale(JDA jda, Duration staleAfter) {
    List<SeenEvents.StaleClaim> taken =
        seen.takeOverStale(CLAIM_PREFIX, staleAfter, TAKE_OVER_BATCH);
    for (SeenEvents.StaleClaim claim : taken) {
      Optional<HandOver> handOver = HandOver.parse(claim.payload());
      if (handOver.isEmpty()) {
        log.warn("a stale Discord claim {} has no readable payload; dropped", claim.key());
        markAnswered(claim.key());
        continue;
      }
      HandOver h = handOver.get();
      log.info(
          "answering a Discord message another instance claimed but did not answer ({})",
          claim.key());
      run(() -> answerTakenOver(jda, claim.key(), h), () -> {});
    }
    return taken.size();
  }

  private void answerTakenOver(JDA jda, String claim, HandOver h) {
    if (h.message().channel() == Channel.DIRECT) {
      // Direct-message channels are not cached: open it again (Discord returns the same one).
      jda.openPrivateChannelById(h.message().senderId())
          .queue(
              dm -> answerClaimed(claim, dm, h.messageId(), h.message()),
              e -> {
                log.warn("could not open the DM of a taken-over Discord message {}", claim, e);
                markAnswered(claim);
              });
      return;
    }
    MessageChannel channel = jda.getChannelById(MessageChannel.class, h.channelId());
    if (channel == null) {
      log.warn("the channel of a taken-over Discord message {} is gone; not answered", claim);
      markAnswered(claim);
      return;
    }
    answerClaimed(claim, channel, h.messageId(), h.message());
  }

  private void posted(long since) {
    telemetry.replyPosted(PLATFORM, Duration.ofNanos(System.nanoTime() - since));
  }

  // ---- /pastefix

  @Override
  public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
    Optional<Inbound.Message> incoming = translator.fromSlashCommand(event);
    if (incoming.isEmpty()) {
      return;
    }
    event.deferReply(true).queue(ok -> {}, e -> log.warn("could not defer /pastefix", e));
    answerLater(event.getHook(), incoming.get());
  }

  @Override
  public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
    if (!event.getName().equals(SlashCommands.NAME)
        || !event.getFocusedOption().getName().equals(SlashCommands.KB_ID)) {
      return;
    }
    event
        .replyChoices(kb.suggest(event.getFocusedOption().getValue()))
        .queue(ok -> {}, e -> log.debug("autocomplete answer refused", e));
  }

  /** Answers an acknowledged interaction with an ephemeral follow-up. */
  private void answerLater(InteractionHook hook, Inbound in) {
    run(
        () -> {
          Optional<MessageCreateData> data =
              renderer.render(bot.handle(in).outcome(), EmbedRenderer.Visibility.EPHEMERAL);
          if (data.isPresent()) {
            hook.sendMessage(data.get())
                .setEphemeral(true)
                .queue(ok -> {}, e -> log.warn("could not send the follow-up", e));
          } else {
            // Silent: remove the "thinking…" placeholder so nothing is left behind.
            hook.deleteOriginal().queue(ok -> {}, e -> log.debug("could not delete", e));
          }
        },
        () ->
            hook.sendMessage(
                    renderer.render(Wording.of(in).busy(), EmbedRenderer.Visibility.EPHEMERAL))
                .setEphemeral(true)
                .queue(ok -> {}, e -> log.debug("could not send busy", e)));
  }

  // ---- buttons

  @Override
  public void onButtonInteraction(ButtonInteractionEvent event) {
    Optional<ButtonId> id = ButtonId.parse(event.getComponentId());
    if (id.isEmpty()) {
      return;
    }
    ButtonId button = id.get();
    if (button instanceof ButtonId.Feedback vote) {
      recordVote(event, vote);
    } else if (button instanceof ButtonId.Share) {
      share(event);
    } else if (button instanceof ButtonId.RunCheck check) {
      event.deferReply(true).queue(ok -> {}, e -> log.warn("could not defer a check", e));
      answerLater(event.getHook(), translator.fromCheckButton(event, check.command()));
    } else {
      throw new IllegalStateException("unknown button: " + button);
    }
  }

  private void recordVote(ButtonInteractionEvent event, ButtonId.Feedback vote) {
    Message message = event.getMessage();
    String answerKey =
        Conversations.key(
                    event.isFromGuild() ? Optional.of(event.getGuild().getId()) : Optional.empty(),
                    event.getChannelId() == null ? "unknown" : event.getChannelId())
                .asString()
            + ":"
            + message.getId();
    FeedbackStore.Tally tally =
        votes.take(PLATFORM, answerKey, vote.entryIds(), event.getUser().getId(), vote.helpful());
    // Editing the buttons is the acknowledgement: the counts show the click was recorded.
    event
        .editComponents(rows(message.getComponents(), b -> Optional.of(counted(b, tally))))
        .queue(ok -> {}, e -> log.warn("could not acknowledge feedback", e));
  }

  private static Button counted(Button button, FeedbackStore.Tally tally) {
    Optional<ButtonId> id = Optional.ofNullable(button.getCustomId()).flatMap(ButtonId::parse);
    if (id.isEmpty() || !(id.get() instanceof ButtonId.Feedback vote)) {
      return button;
    }
    // The label is the core's localised one; a count from an earlier vote is replaced.
    String label = COUNT.matcher(button.getLabel()).replaceFirst("");
    return button.withLabel(
        label + " (" + (vote.helpful() ? tally.helpful() : tally.notHelpful()) + ")");
  }

  private void share(ButtonInteractionEvent event) {
    Message message = event.getMessage();
    MessageCreateBuilder visible = new MessageCreateBuilder();
    if (message.getEmbeds().isEmpty()) {
      visible.setContent(
          Truncation.fit(
              message.getContentRaw().isBlank() ? Truncation.ELLIPSIS : message.getContentRaw(),
              DiscordLimits.CONTENT));
    } else {
      visible.setEmbeds(message.getEmbeds());
    }
    visible.setComponents(
        rows(
            message.getComponents(),
            b ->
                Optional.ofNullable(b.getCustomId())
                        .flatMap(ButtonId::parse)
                        .filter(ButtonId.Share.class::isInstance)
                        .isPresent()
                    ? Optional.empty()
                    : Optional.of(b)));
    visible.setAllowedMentions(List.of());
    visible.mentionRepliedUser(false);
    event
        .reply(visible.build())
        .setEphemeral(false)
        .queue(ok -> {}, e -> log.warn("could not share an answer in the channel", e));
  }

  /** The action rows of a message with each button mapped (or dropped); empty rows disappear. */
  static List<ActionRow> rows(
      List<MessageTopLevelComponentUnion> components, Function<Button, Optional<Button>> map) {
    List<ActionRow> rows = new ArrayList<>();
    for (MessageTopLevelComponentUnion component : components) {
      if (component.getType() != Component.Type.ACTION_ROW) {
        continue;
      }
      List<ActionRowChildComponent> children = new ArrayList<>();
      for (ActionRowChildComponentUnion child : component.asActionRow().getComponents()) {
        if (child.getType() == Component.Type.BUTTON) {
          map.apply(child.asButton()).ifPresent(children::add);
        } else {
          children.add(child);
        }
      }
      if (!children.isEmpty()) {
        rows.add(ActionRow.of(children));
      }
    }
    return rows;
  }

  // ---- the gateway's life

  @Override
  public void onReady(ReadyEvent event) {
    log.info(
        "Discord: connected as {} ({} guilds)",
        event.getJDA().getSelfUser().getName(),
        event.getGuildTotalCount());
  }

  @Override
  public void onSessionDisconnect(SessionDisconnectEvent event) {
    log.warn(
        "Discord: gateway connection dropped (close code {}, by server: {}); reconnecting",
        event.getCloseCode() == null ? "none" : event.getCloseCode().getCode(),
        event.isClosedByServer());
  }

  @Override
  public void onSessionResume(SessionResumeEvent event) {
    telemetry.gatewayResumed(PLATFORM);
    log.info("Discord: gateway session resumed, no events lost");
  }

  @Override
  public void onSessionRecreate(SessionRecreateEvent event) {
    telemetry.gatewayReconnected(PLATFORM);
    log.info("Discord: reconnected with a new gateway session (events in between were missed)");
  }

  // ---- helpers

  /** Runs {@code task} on the workers; {@code whenBusy} when they refuse it (full or stopping). */
  private void run(Runnable task, Runnable whenBusy) {
    boolean taken =
        workers.submit(
            () -> {
              try {
                task.run();
              } catch (InsufficientPermissionException e) {
                log.warn(
                    "Discord: missing permission {} in channel {}; re-invite the bot with the link"
                        + " from the README",
                    e.getPermission().getName(),
                    e.getChannelId());
              }
            });
    if (!taken && workers.accepting()) {
      whenBusy.run();
    }
  }
}
