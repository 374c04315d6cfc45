package dev.pastefix.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;

/**
 * The command-line reference page ({@code docs/reference/cli.md}), written from the picocli model:
 * every command and sub-command with its help text exactly as {@code --help} prints it, so the page
 * cannot drift from the code ({@code CliReferenceTest} fails when the file is stale).
 */
final class CliReference {
  /** Where the page lives, from the project root. */
  static final String PATH = "docs/reference/cli.md";

  private final CommandLine root;

  CliReference(CommandLine root) {
    this.root = root;
  }

  /** Every command of the tree, the root first, depth first in the order of the help. */
  static List<CommandLine> commands(CommandLine root) {
    List<CommandLine> all = new ArrayList<>();
    collect(root, all);
    return all;
  }

  private static void collect(CommandLine line, List<CommandLine> into) {
    into.add(line);
    for (CommandLine sub : line.getSubcommands().values()) {
      if (!into.contains(sub)) {
        collect(sub, into);
      }
    }
  }

  /** The heading's anchor as GitHub and the docs link check make it: lower case, spaces to '-'. */
  static String anchor(CommandLine line) {
    return line.getCommandSpec()
        .qualifiedName()
        .toLowerCase(Locale.ROOT)
        .replaceAll("[^a-z0-9 _-]", "")
        .replace(' ', '-');
  }

  /** The page, in Markdown. */
  String markdown() {
    List<CommandLine> all = commands(root);
    StringBuilder md = new StringBuilder();
    md.append("# Command-line reference\n\n");
    md.append(
        "<!-- Generated from the command line's picocli model by CliReference; do not edit."
            + " Regenerate with:\n"
            + "     mvn -B -q -pl bot-app -am test -Dtest=CliReferenceTest"
            + " -Dsurefire.failIfNoSpecifiedTests=false -Dsnapshots.update=true -->\n\n");
    md.append(
        "`pastefix` stands for `java -Dfile.encoding=UTF-8 -jar bot-app/target/pastefix.jar`."
            + " Every command answers `--help` (and `pastefix help COMMAND` prints the same);"
            + " a mistyped command or option gets a \"did you mean\". Options take their value"
            + " after a space or an `=`. `--knowledge DIR` and `--no-shipped` may also come before"
            + " the command's name. Every `--json` output is one JSON object with snake_case keys"
            + " and a `schema_version` (now "
            + JsonOption.SCHEMA_VERSION
            + "), raised when a key changes meaning or goes away.\n\n");
    md.append(
        "Shell completion: `pastefix completion bash` prints a script generated from these"
            + " commands (see [pastefix completion](#pastefix-completion)).\n\n");
    md.append("| command | what it does |\n|---|---|\n");
    for (CommandLine line : all) {
      md.append("| [`")
          .append(line.getCommandSpec().qualifiedName())
          .append("`](#")
          .append(anchor(line))
          .append(") | ")
          .append(summary(line))
          .append(" |\n");
    }
    for (CommandLine line : all) {
      md.append("\n## ").append(line.getCommandSpec().qualifiedName()).append("\n\n");
      md.append("```text\n");
      md.append(help(line).stripTrailing()).append('\n');
      md.append("```\n");
    }
    return md.toString();
  }

  /** The help text {@code --help} prints for {@code line}, without colours. */
  static String help(CommandLine line) {
    return line.getUsageMessage(CommandLine.Help.Ansi.OFF);
  }

  /** The first sentence of the command's description, for the table. */
  private static String summary(CommandLine line) {
    String[] description = line.getCommandSpec().usageMessage().description();
    String text = description.length == 0 ? "" : description[0];
    int end = text.indexOf(". ");
    String first = end < 0 ? text : text.substring(0, end + 1);
    return first.replace("|", "\\|").replace("%n", " ").strip();
  }
}
