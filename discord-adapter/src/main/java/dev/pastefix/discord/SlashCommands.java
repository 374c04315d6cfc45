package dev.pastefix.discord;

import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/** The {@code /pastefix} command with its sub-commands, as registered with Discord. */
final class SlashCommands {
  static final String NAME = "pastefix";
  static final String HELP = "help";
  static final String DIAGNOSE = "diagnose";
  static final String DIAGNOSE_TEXT = "text";
  static final String KB = "kb";
  static final String KB_ID = "id";
  static final String CHECK = "check";
  static final String CHECK_NAME = "name";
  static final String CHECK_ARGUMENT = "argument";
  static final String STATS = "stats";
  static final String REVIEW = "review";
  static final String RELOAD = "reload";

  /** Discord's maximum for a string option. */
  static final int MAX_TEXT = 6000;

  private SlashCommands() {}

  static SlashCommandData definition() {
    return Commands.slash(NAME, "Troubleshoot Skype for Business Online admin errors")
        .addSubcommands(
            new SubcommandData(HELP, "What pastefix can do and how to ask"),
            new SubcommandData(DIAGNOSE, "Diagnose a pasted error message or a question")
                .addOptions(
                    new OptionData(
                            OptionType.STRING,
                            DIAGNOSE_TEXT,
                            "The error text or your question",
                            true)
                        .setMaxLength(MAX_TEXT)),
            new SubcommandData(KB, "Show one knowledge-base entry")
                .addOptions(
                    new OptionData(OptionType.STRING, KB_ID, "Entry id or title", true, true)),
            new SubcommandData(CHECK, "Run a check")
                .addOptions(
                    new OptionData(OptionType.STRING, CHECK_NAME, "The check to run", true),
                    new OptionData(
                        OptionType.STRING,
                        CHECK_ARGUMENT,
                        "What to check, such as a domain or a sign-in address",
                        false)),
            // Admin commands: visible to everyone, answered for admins only (decided in the core).
            new SubcommandData(STATS, "Admins: how pastefix answered this week"),
            new SubcommandData(
                REVIEW, "Admins: what pastefix missed, and which answers were not helpful"),
            new SubcommandData(RELOAD, "Admins: reload the knowledge base"));
  }
}
