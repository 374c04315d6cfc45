package dev.pastefix.core.classify;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * The models trained at package time for the shipped knowledge, read from the classpath ({@value
 * #FOLDER}). Read-only: models for other knowledge are written elsewhere.
 */
public final class ShippedModels implements ModelStore {
  /** The classpath folder the build writes the shipped models to. */
  static final String FOLDER = "dev/pastefix/core/classify/models/";

  private final ClassLoader classLoader;

  public ShippedModels() {
    this(ShippedModels.class.getClassLoader());
  }

  ShippedModels(ClassLoader classLoader) {
    this.classLoader = classLoader;
  }

  @Override
  public Optional<byte[]> read(String fingerprint) {
    try (InputStream in = classLoader.getResourceAsStream(FOLDER + fingerprint + ".model")) {
      if (in == null) {
        return Optional.empty();
      }
      return ModelFile.open(fingerprint, in.readAllBytes());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  @Override
  public void write(String fingerprint, byte[] model) {
    // The jar is not written to at run time.
  }
}
