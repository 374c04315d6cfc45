package dev.pastefix.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LauncherTeamsTest {
  @Test
  void listsTeamsProblemsWithTheOthersInOneMessageWithoutTheSecret() {
    InMemoryTerminal terminal =
        new InMemoryTerminal(
            new byte[0],
            Map.of(
                "TEAMS_APP_PASSWORD", "Q~very-secret",
                "TEAMS_TENANT_ID", "contoso",
                "DISCORD_GUILD_ID", "abc"));

    int code = new Launcher(new Startup(), Clock.systemUTC()).run(List.of(), terminal.terminal());

    assertEquals(ExitCodes.CONFIG, code);
    String err = terminal.err();
    assertTrue(err.contains("TEAMS_APP_ID is missing"), err);
    assertTrue(err.contains("TEAMS_TENANT_ID must be"), err);
    assertTrue(err.contains("DISCORD_TOKEN is missing"), err);
    assertEquals(1, err.split("pastefix cannot start", -1).length - 1, err);
    assertFalse(err.contains("Q~very-secret"), err);
  }
}
