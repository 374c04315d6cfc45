package dev.pastefix.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class InviteLinkTest {
  @Test
  void asksForExactlyThePermissionsTheBotUses() {
    // 1024 + 2048 + 16384 + 65536 + 2^31 + 2^38
    assertEquals(277025475584L, InviteLink.PERMISSIONS);
    assertEquals(
        "https://discord.com/oauth2/authorize?client_id=42&scope=bot+applications.commands"
            + "&permissions=277025475584",
        InviteLink.forApplication("42"));
  }
}
