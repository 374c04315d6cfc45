package dev.pastefix.app;

import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --since PERIOD}: how far back a report reads, one period type for every command. */
final class SinceOption {
  @Option(
      names = "--since",
      paramLabel = "PERIOD",
      converter = CommandLineTypes.LookBackConverter.class,
      description =
          "how far back to read: a number and m, h, d or w, such as 30m, 12h, 7d or 2w"
              + "; default 7d for stats, 30d for review")
  private Optional<LookBack> since = Optional.empty();

  /** The period given, else {@code fallback}. */
  LookBack orElse(LookBack fallback) {
    return since.orElse(fallback);
  }
}
