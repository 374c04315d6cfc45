package dev.pastefix.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pastefix.core.Channel;
import dev.pastefix.core.Inbound;
import dev.pastefix.core.Origin;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HandOverTest {
  private static final String PASTE =
      "$pw = ConvertTo-SecureString 'Hunter2!' -AsPlainText -Force\n"
          + "Connect-MsolService : The user name or password is incorrect.";

  @Test
  void storesTheMessageRedactedAndReadsItBackWhole() {
    Inbound.Message message =
        new Inbound.Message(
            Origin.of(
                    Channel.CHANNEL,
                    "user-1",
                    Conversations.thread(Optional.of("guild-1"), "parent-1", "thread-1"))
                .delivered("msg-1"),
            PASTE);
    String payload = HandOver.of("msg-1", "thread-1", message).toJson();
    assertFalse(payload.contains("Hunter2!"), payload);
    assertTrue(payload.contains("The user name or password is incorrect."), payload);

    HandOver back = HandOver.parse(payload).orElseThrow();
    assertEquals("msg-1", back.messageId());
    assertEquals("thread-1", back.channelId());
    assertEquals(Channel.CHANNEL, back.message().channel());
    assertEquals("user-1", back.message().senderId());
    assertEquals(message.conversationKey(), back.message().conversationKey());
    assertEquals("msg-1", back.message().origin().deliveryId());
  }

  @Test
  void aClaimWithoutAReadablePayloadHasNoHandOver() {
    assertTrue(HandOver.parse("").isEmpty());
    assertTrue(HandOver.parse("{not json").isEmpty());
    assertTrue(HandOver.parse("{\"kind\":\"NOPE\"}").isEmpty());
  }
}
