package dev.pastefix.core;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A package-info in every package of the engine. (Which types the engine may use is checked by
 * bot-app's ArchitectureTest, over every module.)
 */
class PlatformIndependenceTest {
  private static final Path SOURCES = Path.of("src/main/java/dev/pastefix/core");

  @Test
  void everyPackageHasAPackageInfo() throws IOException {
    List<String> missing = new ArrayList<>();
    try (Stream<Path> dirs = Files.walk(SOURCES)) {
      for (Path dir : dirs.filter(Files::isDirectory).toList()) {
        boolean hasJava;
        try (Stream<Path> children = Files.list(dir)) {
          hasJava = children.anyMatch(p -> p.toString().endsWith(".java"));
        }
        if (hasJava && !Files.exists(dir.resolve("package-info.java"))) {
          missing.add(dir.toString());
        }
      }
    }
    assertTrue(missing.isEmpty(), "no package-info.java in " + missing);
  }
}
