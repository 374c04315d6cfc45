package dev.pastefix.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares a rendered payload (JSON) with a reviewed snapshot under {@code
 * src/test/resources/snapshots} of the module under test. After a deliberate change, run the tests
 * with {@code -Dsnapshots.update=true} and review the diff.
 */
public final class Snapshots {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
  private static final Path SOURCE = Path.of("src/test/resources/snapshots");

  private Snapshots() {}

  /** Fails with a readable diff when {@code json} differs from the snapshot {@code name}. */
  public static void assertMatches(String name, String json) {
    try {
      String actual = JSON.writeValueAsString(JSON.readTree(json)) + "\n";
      if (Boolean.getBoolean("snapshots.update")) {
        Files.createDirectories(SOURCE);
        Files.writeString(SOURCE.resolve(name + ".json"), actual);
        return;
      }
      String resource = "/snapshots/" + name + ".json";
      try (InputStream in = Snapshots.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw new AssertionError(
              "no snapshot " + resource + "; run with -Dsnapshots.update=true");
        }
        JsonNode expected = JSON.readTree(in);
        assertEquals(JSON.writeValueAsString(expected) + "\n", actual, name + " changed");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
