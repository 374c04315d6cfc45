package dev.pastefix.app;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the knowledge files of a directory are at one moment: for each {@code *.yaml} / {@code
 * *.yml} name, the file it leads to (through links, so a Kubernetes {@code ..data} swap shows), its
 * size and its modification time. Two equal snapshots around a load mean the load read one
 * consistent set of files.
 */
record KnowledgeSnapshot(boolean present, Map<String, FileState> files) {
  KnowledgeSnapshot {
    files = Map.copyOf(files);
  }

  /** One file as seen: where it leads, how long it is, when it last changed. */
  record FileState(String real, long size, Instant modified) {}

  /** No directory at all. */
  static final KnowledgeSnapshot ABSENT = new KnowledgeSnapshot(false, Map.of());

  static KnowledgeSnapshot of(Optional<Path> dir) {
    return dir.map(KnowledgeSnapshot::of).orElse(ABSENT);
  }

  static KnowledgeSnapshot of(Path dir) {
    if (!Files.isDirectory(dir)) {
      return ABSENT;
    }
    Map<String, FileState> files = new TreeMap<>();
    try (DirectoryStream<Path> listing = Files.newDirectoryStream(dir)) {
      for (Path path : listing) {
        String name = path.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        if (!lower.endsWith(".yaml") && !lower.endsWith(".yml")) {
          continue;
        }
        files.put(name, state(path));
      }
    } catch (IOException e) {
      // Listed again at the next look; the loader reports what it cannot read.
      return new KnowledgeSnapshot(
          true, Map.of("", new FileState(e.toString(), -1, Instant.EPOCH)));
    }
    return new KnowledgeSnapshot(true, files);
  }

  private static FileState state(Path path) {
    try {
      Path real = path.toRealPath();
      BasicFileAttributes a = Files.readAttributes(real, BasicFileAttributes.class);
      return new FileState(real.toString(), a.size(), a.lastModifiedTime().toInstant());
    } catch (IOException e) {
      return new FileState("unreadable: " + e.getClass().getSimpleName(), -1, Instant.EPOCH);
    }
  }

  /** When the most recently changed file changed; {@link Instant#EPOCH} with no files. */
  Instant newest() {
    return files.values().stream()
        .map(FileState::modified)
        .max(Instant::compareTo)
        .orElse(Instant.EPOCH);
  }
}
