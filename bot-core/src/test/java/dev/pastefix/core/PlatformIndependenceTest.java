package dev.pastefix.core;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Keeps Slack, Discord and HTTP types out of the engine, and a package-info in every package. */
class PlatformIndependenceTest {
  private static final Path SOURCES = Path.of("src/main/java/dev/pastefix/core");
  private static final List<String> FORBIDDEN =
      List.of(
          "com.slack.", "net.dv8tion.", "okhttp3.", "java.net.http.", "com.sun.net.httpserver.");

  @Test
  void importsNoPlatformTypes() throws IOException {
    List<String> offenders = new ArrayList<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        for (String line : Files.readAllLines(file)) {
          if (line.startsWith("import") && FORBIDDEN.stream().anyMatch(line::contains)) {
            offenders.add(SOURCES.relativize(file) + ": " + line);
          }
        }
      }
    }
    assertTrue(offenders.isEmpty(), String.join("\n", offenders));
  }

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
