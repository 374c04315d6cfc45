package dev.pastefix.storage;

import dev.pastefix.core.state.Redaction;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Where the state lives: a JDBC URL with its credentials. {@link #toString} and {@link #describe}
 * never show the password.
 */
public final class DatabaseTarget {
  /** The H2 database file's name inside the data directory. */
  public static final String H2_FILE = "pastefix";

  private final String url;
  private final Optional<String> user;
  private final Optional<String> password;
  private final Optional<DataDirectory> dataDir;

  private DatabaseTarget(String url, Optional<String> user, Optional<String> password) {
    this(url, user, password, Optional.empty());
  }

  private DatabaseTarget(
      String url,
      Optional<String> user,
      Optional<String> password,
      Optional<DataDirectory> dataDir) {
    this.url = Objects.requireNonNull(url, "url");
    this.user = Objects.requireNonNull(user, "user");
    this.password = Objects.requireNonNull(password, "password");
    this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
    if (!url.startsWith("jdbc:postgresql:") && !url.startsWith("jdbc:h2:")) {
      throw new IllegalArgumentException(
          "only jdbc:postgresql: and jdbc:h2: URLs are supported: " + Redaction.url(url));
    }
  }

  /** A PostgreSQL (or H2) server at {@code url}. */
  public static DatabaseTarget server(
      String url, Optional<String> user, Optional<String> password) {
    return new DatabaseTarget(url, user, password);
  }

  /**
   * The embedded H2 database in {@code dataDir}, which is created (or tightened) owner-only. The
   * database is this process's alone: no TCP server, the files locked while it is open, and an
   * account whose password only the bot's user can read ({@value DataDirectory#PASSWORD_FILE}). A
   * second process on the same files (such as {@code pastefix stats} beside the running bot) is
   * refused with a message saying so.
   *
   * @throws StateStoreException when the directory cannot be made owner-only
   */
  public static DatabaseTarget embedded(Path dataDir) {
    DataDirectory dir = DataDirectory.prepare(dataDir);
    String file = dir.path().resolve(H2_FILE).toString();
    // TRACE_LEVEL_FILE=0 sends H2's own trace to the log instead of a pastefix.trace.db beside
    // the data, so no second file holds statements; FILE_LOCK=FS is H2's default, spelled out
    // because AUTO_SERVER (which would open a TCP server) must never come back.
    return new DatabaseTarget(
        "jdbc:h2:file:" + file + ";FILE_LOCK=FS;TRACE_LEVEL_FILE=0",
        Optional.of("sa"),
        Optional.of(dir.password()),
        Optional.of(dir));
  }

  /** A throw-away H2 database in this process's memory. */
  public static DatabaseTarget inMemory() {
    return new DatabaseTarget(
        "jdbc:h2:mem:pastefix-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
        Optional.of("sa"),
        Optional.of(""));
  }

  public String url() {
    return url;
  }

  public Optional<String> user() {
    return user;
  }

  Optional<String> password() {
    return password;
  }

  /** The data directory of an embedded database. */
  Optional<DataDirectory> dataDir() {
    return dataDir;
  }

  /** This target with the empty password H2 databases had before they got one. */
  DatabaseTarget withoutPassword() {
    return new DatabaseTarget(url, user, Optional.of(""), dataDir);
  }

  boolean isPostgres() {
    return url.startsWith("jdbc:postgresql:");
  }

  /** The URL as logs and messages show it: any password in it replaced. */
  public String describe() {
    String shown = Redaction.url(url);
    int query = shown.indexOf('?');
    if (query >= 0 && shown.toLowerCase(java.util.Locale.ROOT).contains("password")) {
      shown = shown.substring(0, query) + "?" + Redaction.redact(shown.substring(query + 1));
    }
    return shown;
  }

  @Override
  public String toString() {
    return describe();
  }
}
