package dev.pastefix.app;

import picocli.CommandLine.Option;

/** {@code -h, --help} of every command, added to each by {@link Main}. */
final class HelpOption {
  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "show this help and exit")
  private boolean help;
}
