package dev.pastefix.app;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pastefix completion [bash|zsh]}: the shell completion script picocli generates from the
 * command tree, so it always knows every command and option of this build.
 */
@CommandLine.Command(
    name = "completion",
    description = {
      "Print a shell completion script for bash or zsh.",
      "",
      "Print a completion script for bash or zsh, generated from this build's commands and"
          + " options. The script completes the command 'pastefix': define it as a small"
          + " launcher script or an alias first."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  pastefix completion bash > ~/.local/share/bash-completion/completions/pastefix",
      "  source <(pastefix completion bash)      # for this shell only",
      "  pastefix completion zsh > ~/.zfunc/_pastefix-completion.zsh   # then source it in ~/.zshrc"
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:the script was printed", "2:wrong usage"})
final class CompletionCommand implements Command {
  /** The shells the script works in: picocli's bash script loads itself in zsh too. */
  enum Shell {
    bash,
    zsh
  }

  @Spec private CommandSpec spec;

  @Parameters(
      arity = "0..1",
      paramLabel = "SHELL",
      defaultValue = "bash",
      description =
          "bash (the default) or zsh; the script is the same, zsh runs it with bashcompinit")
  private Shell shell;

  @Override
  public int execute(Terminal terminal) {
    terminal.out().print(AutoComplete.bash("pastefix", spec.root().commandLine()));
    terminal.out().flush();
    return ExitCodes.OK;
  }
}
