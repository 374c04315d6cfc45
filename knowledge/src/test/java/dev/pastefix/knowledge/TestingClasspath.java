package dev.pastefix.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A class path holding a knowledge index and files of the test's choosing, in a temp folder. */
final class TestingClasspath {
  private TestingClasspath() {}

  /** A class loader whose {@code knowledge/index.txt} lists {@code files} copied from fixtures. */
  static ClassLoader withShipped(Path root, List<Path> files) {
    try {
      Path folder = Files.createDirectories(root.resolve("knowledge"));
      StringBuilder index = new StringBuilder("# test index\n");
      for (Path file : files) {
        Files.copy(file, folder.resolve(file.getFileName()));
        index.append(file.getFileName()).append('\n');
      }
      Files.writeString(folder.resolve("index.txt"), index.toString());
      return new URLClassLoader(new URL[] {root.toUri().toURL()}, null);
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
