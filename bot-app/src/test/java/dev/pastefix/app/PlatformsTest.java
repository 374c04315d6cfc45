package dev.pastefix.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.pastefix.discord.DiscordConfig;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlatformsTest {
  @Test
  void configCarriesEverySettingAndHidesTheToken() throws Exception {
    Settings settings =
        Settings.from(
            Map.of(
                "DISCORD_TOKEN", "MTIz.secret.value",
                "DISCORD_GUILD_ID", "123456789012345678",
                "DISCORD_API_URL", "http://127.0.0.1:9/api/v10",
                "DISCORD_GATEWAY_URL", "ws://127.0.0.1:9/gateway"));
    DiscordConfig config = Platforms.config(settings.discord().orElseThrow());
    assertEquals("MTIz.secret.value", config.token());
    assertEquals(Optional.of("123456789012345678"), config.guildId());
    assertEquals(Optional.of(URI.create("http://127.0.0.1:9/api/v10")), config.apiUrl());
    assertEquals(Optional.of(URI.create("ws://127.0.0.1:9/gateway")), config.gatewayUrl());
    assertEquals(DiscordConfig.DEFAULT_READY_TIMEOUT, config.readyTimeout());
    assertFalse(config.toString().contains("secret"));
  }
}
