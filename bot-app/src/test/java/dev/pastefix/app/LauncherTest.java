package dev.pastefix.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LauncherTest {
  @TempDir Path dir;

  private final Launcher launcher = new Launcher(new Startup(), Clock.systemUTC());

  @Test
  void listsEveryBadSettingAndExitsThree() {
    InMemoryTerminal terminal =
        new InMemoryTerminal(
            new byte[0],
            Map.of(
                "SLACK_BOT_TOKEN", "not-a-token",
                "DISCORD_GUILD_ID", "abc",
                "PASTEFIX_DNS_RESOLVER", "bad resolver"));

    int code = launcher.run(List.of(), terminal.terminal());

    assertEquals(ExitCodes.CONFIG, code);
    String err = terminal.err();
    assertTrue(err.contains("SLACK_BOT_TOKEN should be a bot token starting with xoxb-"), err);
    assertTrue(err.contains("set SLACK_APP_TOKEN (xapp-..., Socket Mode) or SLACK_SIGNING_SECRET"));
    assertTrue(err.contains("DISCORD_TOKEN is missing"), err);
    assertTrue(err.contains("DISCORD_GUILD_ID must be a numeric id"), err);
    assertTrue(err.contains("PASTEFIX_DNS_RESOLVER must be host or host:port"), err);
    assertTrue(terminal.out().isEmpty(), "no console was started");
  }

  @Test
  void listsEveryKnowledgeProblemAndExitsThree() throws Exception {
    Files.writeString(dir.resolve("broken.yaml"), "article: [unclosed\n", StandardCharsets.UTF_8);
    Files.writeString(
        dir.resolve("empty-entry.yaml"),
        "article:\n"
            + "  id: local\n"
            + "  title: Local notes\n"
            + "entries:\n"
            + "  - id: local-thing\n"
            + "    nonsense: 1\n",
        StandardCharsets.UTF_8);
    InMemoryTerminal terminal = new InMemoryTerminal();

    int code = launcher.run(List.of("--knowledge", dir.toString()), terminal.terminal());

    assertEquals(ExitCodes.CONFIG, code);
    assertTrue(terminal.err().contains("broken.yaml"), terminal.err());
    assertTrue(terminal.err().contains("empty-entry.yaml"), terminal.err());
  }

  @Test
  void theRunningBotReadsTheOutputAPendingCheckAskedFor() {
    InMemoryTerminal terminal =
        new InMemoryTerminal(
            "check execution-policy\n"
                + "\n"
                + "        Scope ExecutionPolicy\n"
                + "        ----- ---------------\n"
                + "MachinePolicy       Undefined\n"
                + "   UserPolicy       Undefined\n"
                + "      Process       Undefined\n"
                + "  CurrentUser       Undefined\n"
                + " LocalMachine      Restricted\n"
                + ".\n"
                + "quit\n");

    int code = launcher.run(List.of(), terminal.terminal());

    assertEquals(ExitCodes.OK, code);
    String out = terminal.out();
    assertTrue(out.contains("Get-ExecutionPolicy -List"), "asks for the command's output: " + out);
    assertTrue(out.contains("Restricted (from LocalMachine)"), "reads the pasted output: " + out);
    assertTrue(out.contains("Set-ExecutionPolicy RemoteSigned"), "gives the fix: " + out);
  }

  @Test
  void startsTheConsoleWhenNoChatPlatformIsConfigured() {
    InMemoryTerminal terminal = new InMemoryTerminal("quit\n");

    int code = launcher.run(List.of(), terminal.terminal());

    assertEquals(ExitCodes.OK, code);
    assertTrue(terminal.out().startsWith(ConsoleAdapter.BANNER), terminal.out());
    assertTrue(terminal.err().contains("ready in"), "start-up time is logged: " + terminal.err());
  }

  @Test
  void refusesInvalidPlatformSettingsWithExitThree() {
    InMemoryTerminal terminal =
        new InMemoryTerminal(new byte[0], Map.of("SLACK_BOT_TOKEN", "xoxp-user-token-1"));

    int code = launcher.run(List.of(), terminal.terminal());

    assertEquals(ExitCodes.CONFIG, code);
    assertTrue(terminal.err().contains("SLACK_BOT_TOKEN"), terminal.err());
    assertTrue(!terminal.err().contains("xoxp-user-token-1"), "tokens never reach the log");
  }

  @Test
  void anUnreachableDiscordStopsTheStartWithOneClearMessage() throws Exception {
    int port;
    try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
      port = free.getLocalPort();
    }
    InMemoryTerminal terminal =
        new InMemoryTerminal(
            new byte[0],
            Map.of(
                "DISCORD_TOKEN",
                "MTIz.discord-secret.xyz",
                "DISCORD_API_URL",
                "http://127.0.0.1:" + port + "/api/v10/",
                "DISCORD_GATEWAY_URL",
                "ws://127.0.0.1:" + port + "/gateway",
                // No management port: the default one may be in use on a build machine.
                "PASTEFIX_MANAGEMENT_PORT",
                "0"));

    int code = launcher.run(List.of(), terminal.terminal());

    assertEquals(ExitCodes.CONFIG, code);
    assertTrue(
        terminal.err().contains("Discord could not be reached at http://127.0.0.1:" + port),
        terminal.err());
    assertTrue(!terminal.err().contains("discord-secret"), "tokens never reach the log");
  }

  @Test
  void rejectsStrayArguments() {
    InMemoryTerminal terminal = new InMemoryTerminal();

    assertEquals(ExitCodes.USAGE, launcher.run(List.of("--knowledge"), terminal.terminal()));
    assertTrue(
        terminal.err().contains("Missing required parameter for option '--knowledge' (DIR)"),
        terminal.err());
  }
}
