package dev.pastefix.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.pastefix.core.Channel;
import dev.pastefix.core.Inbound;
import dev.pastefix.core.state.ConversationKey;
import java.util.Locale;
import java.util.Optional;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageType;
import net.dv8tion.jda.api.entities.SelfUser;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.interactions.DiscordLocale;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import org.junit.jupiter.api.Test;

/** JDA's event classes are mocked: they are the third-party edge this class translates. */
class MessageTranslatorTest {
  static final long SELF = 1000L;
  final MessageTranslator translator = new MessageTranslator();

  MessageReceivedEvent message(String content, boolean guild, boolean bot, boolean mentionsSelf) {
    MessageReceivedEvent event = mock(MessageReceivedEvent.class, RETURNS_DEEP_STUBS);
    SelfUser self = mock(SelfUser.class);
    when(self.getIdLong()).thenReturn(SELF);
    when(self.getId()).thenReturn(Long.toString(SELF));
    when(event.getJDA().getSelfUser()).thenReturn(self);
    User author = mock(User.class);
    when(author.isBot()).thenReturn(bot);
    when(author.getIdLong()).thenReturn(7L);
    when(author.getId()).thenReturn("7");
    when(event.getAuthor()).thenReturn(author);
    Message message = mock(Message.class, RETURNS_DEEP_STUBS);
    when(message.getType()).thenReturn(MessageType.DEFAULT);
    when(message.getContentRaw()).thenReturn(content);
    when(message.getId()).thenReturn("1700000000000000001");
    when(message.getMentions().isMentioned(eq(self), any(Message.MentionType[].class)))
        .thenReturn(mentionsSelf);
    when(event.getMessage()).thenReturn(message);
    when(event.isFromGuild()).thenReturn(guild);
    when(event.getGuild().getId()).thenReturn("55");
    when(event.getChannel().getId()).thenReturn("66");
    return event;
  }

  @Test
  void directMessageIsDirectWithADmKey() {
    Inbound in = translator.fromMessage(message("error text", false, false, false)).get();
    assertEquals(Channel.DIRECT, in.channel());
    assertEquals(ConversationKey.of("discord", "dm", "66"), in.conversationKey());
    assertEquals("7", in.senderId());
    assertEquals("error text", in.text());
  }

  @Test
  void aMessageInAThreadBelongsToTheThreadOfItsParentChannel() {
    MessageReceivedEvent event = message("and how do I close them?", true, false, false);
    when(event.isFromThread()).thenReturn(true);
    when(event.getChannel().getId()).thenReturn("777");
    when(event.getChannel().asThreadChannel().getParentChannel().getId()).thenReturn("66");
    Inbound in = translator.fromMessage(event).get();
    // Unaddressed here; the core counts it as a follow-up when message 777 got an answer.
    assertEquals(Channel.CHANNEL, in.channel());
    assertEquals(ConversationKey.of("discord", "55", "66").inThread("777"), in.conversationKey());
  }

  @Test
  void mentionIsMentionWithoutTheBotsName() {
    Inbound in =
        translator.fromMessage(message("<@1000> why does <@!1000> fail?", true, false, true)).get();
    assertEquals(Channel.MENTION, in.channel());
    assertEquals("why does   fail?", in.text());
    assertEquals(ConversationKey.of("discord", "55", "66"), in.conversationKey());
  }

  @Test
  void unaddressedGuildMessageIsChannel() {
    Inbound in = translator.fromMessage(message("paste", true, false, false)).get();
    assertEquals(Channel.CHANNEL, in.channel());
  }

  @Test
  void botsAndWebhooksAreIgnored() {
    assertTrue(translator.fromMessage(message("paste", true, true, false)).isEmpty());
    MessageReceivedEvent webhook = message("paste", true, false, false);
    when(webhook.isWebhookMessage()).thenReturn(true);
    assertTrue(translator.fromMessage(webhook).isEmpty());
  }

  @Test
  void ownMessagesAreIgnored() {
    MessageReceivedEvent own = message("paste", true, false, false);
    when(own.getAuthor().getIdLong()).thenReturn(SELF);
    assertTrue(translator.fromMessage(own).isEmpty());
  }

  @Test
  void systemMessagesAreIgnored() {
    MessageReceivedEvent join = message("", true, false, false);
    when(join.getMessage().getType()).thenReturn(MessageType.GUILD_MEMBER_JOIN);
    assertTrue(translator.fromMessage(join).isEmpty());
  }

  @Test
  void emptyContentWithoutTheIntentIsIgnored() {
    assertTrue(translator.fromMessage(message("  ", true, false, false)).isEmpty());
  }

  SlashCommandInteractionEvent slash(String sub, String... options) {
    SlashCommandInteractionEvent event =
        mock(SlashCommandInteractionEvent.class, RETURNS_DEEP_STUBS);
    when(event.getName()).thenReturn("pastefix");
    when(event.getSubcommandName()).thenReturn(sub);
    when(event.getOption(anyString())).thenReturn(null);
    for (int i = 0; i < options.length; i += 2) {
      OptionMapping option = mock(OptionMapping.class);
      when(option.getAsString()).thenReturn(options[i + 1]);
      when(event.getOption(options[i])).thenReturn(option);
    }
    when(event.isFromGuild()).thenReturn(true);
    when(event.getGuild().getId()).thenReturn("55");
    when(event.getChannelId()).thenReturn("66");
    when(event.getUser().getId()).thenReturn("7");
    when(event.getUserLocale()).thenReturn(DiscordLocale.FRENCH);
    when(event.getId()).thenReturn("1700000000000000002");
    return event;
  }

  @Test
  void diagnoseSendsTheTextAsACommand() {
    Inbound in =
        translator.fromSlashCommand(slash("diagnose", "text", "Logon failed for the user")).get();
    assertEquals("diagnose Logon failed for the user", in.text());
    assertEquals(Channel.COMMAND, in.channel());
    assertEquals(ConversationKey.of("discord", "55", "66"), in.conversationKey());
    assertEquals(Optional.of(Locale.FRENCH), in.localeHint());
  }

  @Test
  void kbAndHelpAndCheckBecomeTheirCommandText() {
    assertEquals(
        "kb clock-skew", translator.fromSlashCommand(slash("kb", "id", "clock-skew")).get().text());
    assertEquals("help", translator.fromSlashCommand(slash("help")).get().text());
    assertEquals(
        "check dns-cname contoso.com",
        translator
            .fromSlashCommand(slash("check", "name", "dns-cname", "argument", "contoso.com"))
            .get()
            .text());
    assertEquals(
        "check clock", translator.fromSlashCommand(slash("check", "name", "clock")).get().text());
  }

  @Test
  void otherCommandsAreNotOurs() {
    SlashCommandInteractionEvent other = slash("help");
    when(other.getName()).thenReturn("weather");
    assertTrue(translator.fromSlashCommand(other).isEmpty());
  }
}
