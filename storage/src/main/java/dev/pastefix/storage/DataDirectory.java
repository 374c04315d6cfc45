package dev.pastefix.storage;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The directory the embedded database and the model cache live in, kept to the bot's own user:
 * created {@code 0700} with its files {@code 0600}, an existing one tightened, and one that
 * everyone may write to (such as {@code /tmp}) refused. It also keeps the database account's
 * password in a file only that user can read.
 */
public final class DataDirectory {
  /** The file, inside the data directory, that holds the embedded database's password. */
  public static final String PASSWORD_FILE = "pastefix.db-password";

  /** Owner only, for directories. */
  public static final Set<PosixFilePermission> DIRECTORY =
      PosixFilePermissions.fromString("rwx------");

  /** Owner only, for files. */
  public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

  private static final Logger LOG = LoggerFactory.getLogger(DataDirectory.class);
  private static final int PASSWORD_BYTES = 32;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path dir;

  private DataDirectory(Path dir) {
    this.dir = dir;
  }

  /**
   * Creates {@code dir} owner-only, or tightens an existing one and the files in it.
   *
   * @throws StateStoreException when the directory cannot be made private: it is writable by
   *     everyone, or belongs to someone else, or is not a directory
   */
  public static DataDirectory prepare(Path dir) {
    Path absolute = dir.toAbsolutePath();
    try {
      if (Files.isSymbolicLink(absolute) || Files.exists(absolute)) {
        if (!Files.isDirectory(absolute)) {
          throw new StateStoreException(
              "the data directory " + absolute + " exists but is not a directory");
        }
      } else {
        Files.createDirectories(absolute.getParent());
        createPrivateDirectory(absolute);
      }
    } catch (IOException e) {
      throw new StateStoreException(
          "cannot create the data directory " + absolute + ": " + e.getMessage(), e);
    }
    DataDirectory data = new DataDirectory(absolute);
    data.tighten();
    return data;
  }

  /** The directory. */
  public Path path() {
    return dir;
  }

  /**
   * Makes the directory {@code 0700} and every file and folder under it owner-only again (files the
   * database or the model cache created since, with the process's umask).
   *
   * @throws StateStoreException when a permission cannot be changed
   */
  public void tighten() {
    Optional<PosixFileAttributeView> view = posix(dir);
    if (view.isEmpty()) {
      // Not a POSIX file system (such as a Windows volume): its ACLs are the operator's to set.
      return;
    }
    try {
      Set<PosixFilePermission> now = view.get().readAttributes().permissions();
      if (now.contains(PosixFilePermission.OTHERS_WRITE)) {
        throw new StateStoreException(
            "the data directory "
                + dir
                + " is writable by everyone ("
                + PosixFilePermissions.toString(now)
                + "); give pastefix a directory of its own (PASTEFIX_DATA_DIR)");
      }
      List<String> changed = new ArrayList<>();
      restrict(dir, DIRECTORY, changed);
      try (Stream<Path> tree = Files.walk(dir, 3)) {
        for (Path path : tree.toList()) {
          if (path.equals(dir) || Files.isSymbolicLink(path)) {
            continue;
          }
          restrict(path, Files.isDirectory(path) ? DIRECTORY : FILE, changed);
        }
      }
      if (!changed.isEmpty()) {
        LOG.info("made the data directory owner-only: {}", String.join(", ", changed));
      }
    } catch (IOException e) {
      throw new StateStoreException(
          "cannot make the data directory "
              + dir
              + " owner-only ("
              + e
              + "); it must belong to the user that runs pastefix",
          e);
    }
  }

  /**
   * The embedded database's password: read from {@value #PASSWORD_FILE}, or made up (random, 256
   * bits) and written there owner-only on first use.
   */
  public String password() {
    Path file = dir.resolve(PASSWORD_FILE);
    try {
      if (Files.exists(file)) {
        restrict(file, FILE, new ArrayList<>());
        String stored = Files.readString(file).strip();
        if (stored.isEmpty()) {
          throw new StateStoreException(
              "the database password file " + file + " is empty; restore it from a backup");
        }
        return stored;
      }
      byte[] bytes = new byte[PASSWORD_BYTES];
      RANDOM.nextBytes(bytes);
      String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
      Path temporary = dir.resolve(PASSWORD_FILE + ".tmp");
      Files.deleteIfExists(temporary);
      createPrivateFile(temporary);
      Files.writeString(temporary, password + "\n", StandardOpenOption.TRUNCATE_EXISTING);
      Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
      return password;
    } catch (IOException e) {
      throw new StateStoreException(
          "cannot keep the database password in " + file + ": " + e.getMessage(), e);
    }
  }

  private static void createPrivateDirectory(Path path) throws IOException {
    if (posixSupported(path.getParent())) {
      try {
        Files.createDirectory(path, PosixFilePermissions.asFileAttribute(DIRECTORY));
      } catch (FileAlreadyExistsException e) {
        // Created by someone else meanwhile: tightened below like any existing directory.
      }
    } else {
      Files.createDirectories(path);
    }
  }

  private static void createPrivateFile(Path path) throws IOException {
    if (posixSupported(path.getParent())) {
      Files.createFile(path, PosixFilePermissions.asFileAttribute(FILE));
    } else {
      Files.createFile(path);
    }
  }

  private static void restrict(Path path, Set<PosixFilePermission> wanted, List<String> changed)
      throws IOException {
    Optional<PosixFileAttributeView> view = posix(path);
    if (view.isEmpty()) {
      return;
    }
    Set<PosixFilePermission> now = view.get().readAttributes().permissions();
    Set<PosixFilePermission> kept = EnumSet.noneOf(PosixFilePermission.class);
    kept.addAll(now);
    kept.retainAll(wanted);
    if (!kept.equals(now)) {
      view.get().setPermissions(kept);
      changed.add(
          path.getFileName()
              + " "
              + PosixFilePermissions.toString(now)
              + " -> "
              + PosixFilePermissions.toString(kept));
    }
  }

  /**
   * The view that changes permissions by path ({@code chmod}). The no-follow view would open the
   * file and close it again, and closing any descriptor of the database file drops the lock H2
   * holds on it: a second process could then open the database. Symbolic links are skipped by the
   * callers instead.
   */
  private static Optional<PosixFileAttributeView> posix(Path path) {
    return Optional.ofNullable(Files.getFileAttributeView(path, PosixFileAttributeView.class));
  }

  private static boolean posixSupported(Path path) {
    return path != null && path.getFileSystem().supportedFileAttributeViews().contains("posix");
  }
}
