package dev.pastefix.knowledge;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Which knowledge to load: the shipped files or not, and an administrator's directory or not.
 * Without the shipped files a directory is required, since it is then the whole knowledge base.
 */
public record KnowledgeSources(boolean shipped, Optional<Path> directory) {
  public KnowledgeSources {
    Objects.requireNonNull(directory, "directory");
    if (!shipped && directory.isEmpty()) {
      throw new IllegalArgumentException(
          "without the shipped knowledge a knowledge directory is required");
    }
  }

  /** The shipped knowledge, with the administrator's directory when there is one. */
  public static KnowledgeSources shippedPlus(Optional<Path> directory) {
    return new KnowledgeSources(true, directory);
  }

  /** The administrator's directory alone. */
  public static KnowledgeSources directoryOnly(Path directory) {
    return new KnowledgeSources(false, Optional.of(directory));
  }

  /** "shipped", "shipped + DIR" or "DIR alone", for messages. */
  public String describe() {
    if (!shipped) {
      return directory.get() + " alone";
    }
    return directory.map(d -> "shipped + " + d).orElse("shipped");
  }
}
