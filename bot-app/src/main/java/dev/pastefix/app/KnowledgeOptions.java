package dev.pastefix.app;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The knowledge options every command that reads the knowledge base shares, before or after the
 * command's name: they override {@code PASTEFIX_KNOWLEDGE_DIR} and {@code
 * PASTEFIX_KNOWLEDGE_SHIPPED} for one run.
 */
final class KnowledgeOptions {
  /** The environment variable that {@code --knowledge DIR} overrides for one run. */
  static final String KNOWLEDGE_ENV = "PASTEFIX_KNOWLEDGE_DIR";

  @Option(
      names = "--knowledge",
      paramLabel = "DIR",
      converter = CommandLineTypes.DirectoryName.class,
      description =
          "a directory of knowledge files (*.yaml, *.yml) added to the shipped ones;"
              + " overrides PASTEFIX_KNOWLEDGE_DIR")
  private Optional<Path> dir = Optional.empty();

  @Option(
      names = "--no-shipped",
      description =
          "use the knowledge directory alone, without the shipped knowledge"
              + " (as PASTEFIX_KNOWLEDGE_SHIPPED=false)")
  private boolean noShipped;

  /** Whether this command line gave either option. */
  boolean given() {
    return dir.isPresent() || noShipped;
  }

  /** {@code env} with these options applied over it. */
  Map<String, String> applyTo(Map<String, String> env) {
    if (!given()) {
      return env;
    }
    Map<String, String> merged = new HashMap<>(env);
    dir.ifPresent(d -> merged.put(KNOWLEDGE_ENV, d.toString()));
    if (noShipped) {
      merged.put(Settings.KNOWLEDGE_SHIPPED_ENV, "false");
    }
    return merged;
  }
}
