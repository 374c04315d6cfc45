package dev.pastefix.discord;

import dev.pastefix.core.Channel;
import dev.pastefix.core.Inbound;
import dev.pastefix.core.Origin;
import dev.pastefix.core.reply.BotCommand;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.interactions.DiscordLocale;
import net.dv8tion.jda.api.interactions.Interaction;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;

/**
 * Turns Discord events into the bot's {@link Inbound}s: a DM is {@link Channel#DIRECT}, a mention
 * of the bot {@link Channel#MENTION}, any other guild message {@link Channel#CHANNEL}, a slash
 * command or a check button {@link Channel#COMMAND}. Bots, webhooks and system messages are dropped
 * here.
 */
final class MessageTranslator {

  Optional<Inbound.Message> fromMessage(MessageReceivedEvent event) {
    return fromMessage(event, "");
  }

  /** As {@link #fromMessage(MessageReceivedEvent)}, with the text of attached files appended. */
  Optional<Inbound.Message> fromMessage(MessageReceivedEvent event, String attached) {
    User author = event.getAuthor();
    User self = event.getJDA().getSelfUser();
    if (author.isBot()
        || author.isSystem()
        || event.isWebhookMessage()
        || author.getIdLong() == self.getIdLong()) {
      return Optional.empty();
    }
    Message message = event.getMessage();
    if (message.getType().isSystem()) {
      return Optional.empty();
    }
    String text =
        attached.isEmpty() ? message.getContentRaw() : message.getContentRaw() + "\n" + attached;
    Channel channel;
    Optional<String> guild;
    if (!event.isFromGuild()) {
      channel = Channel.DIRECT;
      guild = Optional.empty();
    } else {
      guild = Optional.of(event.getGuild().getId());
      // People often pick the bot's managed role from the @ list instead of the bot itself.
      if (message
          .getMentions()
          .isMentioned(self, Message.MentionType.USER, Message.MentionType.ROLE)) {
        channel = Channel.MENTION;
        text = withoutMention(text, self.getId());
      } else {
        channel = Channel.CHANNEL;
      }
    }
    if (text.isBlank()) {
      // Without the Message Content intent Discord sends unaddressed guild messages empty.
      return Optional.empty();
    }
    String channelId = event.getChannel().getId();
    return Optional.of(
        new Inbound.Message(
            Origin.of(
                    channel,
                    author.getId(),
                    event.isFromThread()
                        ? Conversations.thread(
                            guild,
                            event.getChannel().asThreadChannel().getParentChannel().getId(),
                            channelId)
                        : Conversations.key(guild, channelId))
                .delivered(message.getId()),
            text));
  }

  /** Whether a message is one the adapter would pass on, before its attachments are read. */
  boolean wanted(MessageReceivedEvent event) {
    User author = event.getAuthor();
    return !(author.isBot()
        || author.isSystem()
        || event.isWebhookMessage()
        || author.getIdLong() == event.getJDA().getSelfUser().getIdLong()
        || event.getMessage().getType().isSystem());
  }

  /** The text of a {@code /pastefix} command, as the engine reads commands. */
  Optional<Inbound.Message> fromSlashCommand(SlashCommandInteractionEvent event) {
    if (!event.getName().equals(SlashCommands.NAME)) {
      return Optional.empty();
    }
    String sub = Optional.ofNullable(event.getSubcommandName()).orElse(SlashCommands.HELP);
    String text;
    switch (sub) {
      case SlashCommands.DIAGNOSE:
        text = "diagnose " + option(event, SlashCommands.DIAGNOSE_TEXT);
        break;
      case SlashCommands.KB:
        text = "kb " + option(event, SlashCommands.KB_ID);
        break;
      case SlashCommands.CHECK:
        text =
            "check "
                + option(event, SlashCommands.CHECK_NAME).strip()
                + " "
                + option(event, SlashCommands.CHECK_ARGUMENT).strip();
        break;
      case SlashCommands.STATS:
      case SlashCommands.REVIEW:
      case SlashCommands.RELOAD:
        text = sub;
        break;
      case SlashCommands.HELP:
      default:
        text = "help";
        break;
    }
    return Optional.of(new Inbound.Message(origin(event), text.strip()));
  }

  /** The click on a Run-check button: who and where, with the command it carried (no text). */
  Inbound.Click fromCheckButton(ButtonInteractionEvent event, BotCommand command) {
    return new Inbound.Click(origin(event), command);
  }

  private static Origin origin(Interaction interaction) {
    Optional<String> guild =
        interaction.isFromGuild() ? Optional.of(interaction.getGuild().getId()) : Optional.empty();
    String channelId = Optional.ofNullable(interaction.getChannelId()).orElse("unknown");
    return new Origin(
        Channel.COMMAND,
        interaction.getUser().getId(),
        Conversations.key(guild, channelId),
        locale(interaction.getUserLocale()),
        interaction.getId());
  }

  private static Optional<Locale> locale(DiscordLocale locale) {
    if (locale == null || locale == DiscordLocale.UNKNOWN) {
      return Optional.empty();
    }
    return Optional.of(Locale.forLanguageTag(locale.getLocale()));
  }

  private static String option(SlashCommandInteractionEvent event, String name) {
    OptionMapping option = event.getOption(name);
    return option == null ? "" : option.getAsString();
  }

  private static String withoutMention(String text, String selfId) {
    return text.replaceAll("<@!?" + Pattern.quote(selfId) + ">", " ").strip();
  }
}
