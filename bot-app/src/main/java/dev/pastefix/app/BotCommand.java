package dev.pastefix.app;

import java.util.Objects;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code pastefix [--knowledge DIR [--no-shipped]] [--ephemeral]}: runs the bot. */
@CommandLine.Command(
    name = "pastefix",
    mixinStandardHelpOptions = true,
    versionProvider = BuildInfo.VersionProvider.class,
    sortOptions = false,
    synopsisSubcommandLabel = "[COMMAND]",
    description = {
      "A troubleshooting bot for Microsoft 365 / Skype for Business Online administrators.",
      "",
      "Without a command it runs the bot: the console chat in this terminal when no chat token"
          + " is set, else the chat platforms the environment configures (SLACK_*, DISCORD_*,"
          + " TEAMS_*). The state is kept in PASTEFIX_DATA_DIR (default"
          + " $XDG_DATA_HOME/pastefix, else ~/.local/share/pastefix) or PASTEFIX_DATABASE_URL.",
      ""
    },
    commandListHeading = "%nCommands (pastefix COMMAND --help for each):%n",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success; diagnose: an answer or a clarifying question",
      "1:negative result: diagnose found nothing or stayed silent, kb validate found problems,"
          + " a check found a problem",
      "2:wrong usage: unknown command or option, missing argument, unreadable or malformed file",
      "3:cannot start: invalid settings or knowledge base (every problem is listed), chat"
          + " platform or state database not available"
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  pastefix                                  # the console chat",
      "  pastefix --ephemeral                      # the same, state in memory for this run",
      "  pastefix diagnose error.txt               # answer one pasted error",
      "  pastefix --knowledge my-kb kb validate    # check a knowledge directory",
      "  pastefix completion bash > pastefix.bash  # shell completion (source it)"
    })
final class BotCommand implements Command {
  private final Launcher launcher;

  @Mixin private KnowledgeOptions knowledge = new KnowledgeOptions();

  @Option(
      names = "--ephemeral",
      description = "keep the bot's state in memory for this run, whatever the environment says")
  private boolean ephemeral;

  BotCommand(Launcher launcher) {
    this.launcher = Objects.requireNonNull(launcher, "launcher");
  }

  @Override
  public int execute(Terminal terminal) {
    return launcher.run(ephemeral, terminal);
  }
}
