package dev.pastefix.core.classify;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Models kept as files in a directory (the data directory's {@code models/}), one per fingerprint.
 * Files are written to a temporary name and moved into place, so a reader never sees half a file; a
 * file that does not open is deleted so that the model is trained and written again.
 */
public final class DirectoryModelStore implements ModelStore {
  private static final Logger LOG = LoggerFactory.getLogger(DirectoryModelStore.class);
  private static final Pattern FINGERPRINT = Pattern.compile("[0-9a-f]{64}");
  static final String SUFFIX = ".model";

  private final Path dir;

  public DirectoryModelStore(Path dir) {
    this.dir = Objects.requireNonNull(dir, "dir");
  }

  /** The file that holds the model for {@code fingerprint}. */
  Path file(String fingerprint) {
    if (!FINGERPRINT.matcher(fingerprint).matches()) {
      throw new IllegalArgumentException("not a fingerprint: " + fingerprint);
    }
    return dir.resolve(fingerprint + SUFFIX);
  }

  @Override
  public Optional<byte[]> read(String fingerprint) {
    Path file = file(fingerprint);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException | OutOfMemoryError e) {
      LOG.warn("cannot read the cached model {}; training it again: {}", file, e.toString());
      return Optional.empty();
    }
    Optional<byte[]> model = ModelFile.open(fingerprint, bytes);
    if (model.isEmpty()) {
      LOG.warn("the cached model {} is damaged or not ours; training it again", file);
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        LOG.warn("cannot delete the damaged model {}: {}", file, e.toString());
      }
    }
    return model;
  }

  @Override
  public void write(String fingerprint, byte[] model) {
    Path file = file(fingerprint);
    Path temporary = null;
    try {
      createOwnerOnly(dir);
      temporary = Files.createTempFile(dir, fingerprint.substring(0, 12) + "-", ".tmp");
      Files.write(temporary, ModelFile.wrap(fingerprint, model));
      try {
        Files.move(
            temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      // A read-only or full disk costs the next start a training run, nothing more.
      LOG.warn("cannot cache the model in {}: {}", dir, e.toString());
      if (temporary != null) {
        try {
          Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
          // Already reported the write failure; a stray temporary file is harmless.
        }
      }
    }
  }

  /**
   * Creates {@code dir} (and missing parents) readable by the bot's user alone where the file
   * system has POSIX permissions: a model is trained on an administrator's own knowledge, and the
   * data directory around it is owner-only too.
   */
  private static void createOwnerOnly(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      return;
    }
    boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
    if (posix) {
      FileAttribute<?> ownerOnly =
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
      Files.createDirectories(dir, ownerOnly);
    } else {
      Files.createDirectories(dir);
    }
  }

  @Override
  public String toString() {
    return "models in " + dir;
  }
}
