package dev.pastefix.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pastefix.core.Channel;
import dev.pastefix.core.Inbound;
import dev.pastefix.core.state.ConversationKey;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ActivityTest {
  private final ObjectMapper json = new ObjectMapper();
  private final ActivityTranslator translator = new ActivityTranslator();

  @Test
  void namesEveryMissingFieldOfAMalformedActivity() throws Exception {
    Activity.Malformed e =
        assertThrows(
            Activity.Malformed.class,
            () -> Activity.parse(json.readTree("{\"type\":\"message\"}")));

    assertTrue(e.getMessage().contains("id"), e.getMessage());
    assertTrue(e.getMessage().contains("serviceUrl"), e.getMessage());
    assertTrue(e.getMessage().contains("from.id"), e.getMessage());
    assertTrue(e.getMessage().contains("conversation.id"), e.getMessage());
  }

  @Test
  void personalChatIsDirectWithTheLocaleAsHint() throws Exception {
    Inbound in = translate(Activities.personal("https://s/", "my error"));

    assertEquals(Channel.DIRECT, in.channel());
    assertEquals(Optional.of(Locale.forLanguageTag("en-US")), in.localeHint());
    assertEquals(
        ConversationKey.of("teams", "tenant-1", "a:personal-chat-1"), in.conversationKey());
  }

  @Test
  void aMentionIsStrippedAndAddressed() throws Exception {
    Inbound in =
        translate(Activities.mention("https://s/", Activities.CHANNEL_THREAD, "is this known?"));

    assertEquals(Channel.MENTION, in.channel());
    assertEquals("is this known?", in.text());
  }

  @Test
  void aChannelMessageCarriesItsThreadInTheKeyAndIsUnaddressed() throws Exception {
    Inbound in =
        translate(Activities.channel("https://s/", "19:x@thread.tacv2;messageid=17", "failing"));

    assertEquals(Channel.CHANNEL, in.channel());
    assertEquals(
        ConversationKey.of("teams", "tenant-1", "19:x@thread.tacv2").inThread("17"),
        in.conversationKey());
    assertEquals(
        Channel.CHANNEL,
        translate(Activities.channel("https://s/", "19:x;messageid=other", "kb foo")).channel(),
        "a command word unaddressed is chatter");
  }

  @Test
  void aGroupChatHasNoThreads() throws Exception {
    var group = Activities.message("https://s/", "19:chat;messageid=5", "groupChat", "lunch?");

    assertEquals(Optional.empty(), translate(group).conversationKey().thread());
  }

  @Test
  void leavesCommandWordsToTheCore() throws Exception {
    Inbound in = translate(Activities.personal("https://s/", "KB sessions"));

    assertEquals(Channel.DIRECT, in.channel());
    assertEquals("KB sessions", in.text());
  }

  @Test
  void dropsTheBotsOwnAndEmptyMessages() throws Exception {
    var own = Activities.personal("https://s/", "hello");
    ((com.fasterxml.jackson.databind.node.ObjectNode) own.path("from"))
        .put("id", Activities.BOT_ID);
    assertTrue(translator.translate(Activity.parse(own)).isEmpty());
    assertTrue(
        translator
            .translate(
                Activity.parse(Activities.mention("https://s/", Activities.CHANNEL_THREAD, "")))
            .isEmpty());
  }

  @Test
  void turnsLineBreakTagsIntoLineBreaks() {
    assertEquals("a\nb\nc", ActivityTranslator.plain("a<br>b<BR />c"));
  }

  private Inbound translate(com.fasterxml.jackson.databind.JsonNode activity) throws Exception {
    return translator.translate(Activity.parse(activity)).orElseThrow();
  }
}
