package dev.pastefix.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class HandOverTest {
  @Test
  void storesTheActivityRedactedAndReadsItBackAsTheBotSawIt() throws Exception {
    ObjectNode json =
        Activities.mention(
            "https://smba.trafficmanager.net/emea/",
            Activities.CHANNEL_THREAD,
            "$pw = ConvertTo-SecureString 'Hunter2!' -AsPlainText -Force\n"
                + Pastes.MAX_SHELLS_TENANT);
    Activity activity = Activity.parse(json);

    String payload = HandOver.of(activity);
    assertFalse(payload.contains("Hunter2!"), payload);

    Activity back = HandOver.parse(payload).orElseThrow();
    assertEquals(activity.id(), back.id());
    assertEquals(activity.serviceUrl(), back.serviceUrl());
    assertEquals(activity.conversationId(), back.conversationId());
    assertEquals(activity.conversationType(), back.conversationType());
    assertEquals(activity.tenantId(), back.tenantId());
    assertEquals(activity.from(), back.from());
    assertEquals(activity.recipient(), back.recipient());
    assertEquals(activity.locale(), back.locale());
    assertTrue(back.mentionsRecipient(), "still addressed to the bot");
    assertTrue(back.textWithoutMention().contains(Pastes.MAX_SHELLS_TENANT.strip()));
    assertFalse(back.textWithoutMention().contains("<at>"));
  }

  @Test
  void aClaimWithoutAReadablePayloadHandsNothingOver() {
    assertTrue(HandOver.parse("").isEmpty());
    assertTrue(HandOver.parse("{not json").isEmpty());
    assertTrue(HandOver.parse("{\"type\":\"message\"}").isEmpty());
  }
}
