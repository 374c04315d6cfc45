package dev.pastefix.storage;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL server for tests, started from the embedded binaries (no Docker). One shared
 * server serves a whole test JVM; tests that stop the server start their own. Each call of {@link
 * #newDatabase} creates an empty database on it.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {
  private static EmbeddedPostgresServer shared;
  private static final AtomicInteger DATABASES = new AtomicInteger();

  private final Path dataDir;
  private final int port;
  private EmbeddedPostgres postgres;

  private EmbeddedPostgresServer(Path dataDir, int port) throws IOException {
    this.dataDir = dataDir;
    this.port = port;
    this.postgres = start(dataDir, port);
  }

  /** The server this test JVM shares, started on first use and stopped when the JVM exits. */
  public static synchronized EmbeddedPostgresServer shared() {
    if (shared == null) {
      shared = startNew();
      EmbeddedPostgresServer server = shared;
      Runtime.getRuntime().addShutdownHook(new Thread(server::close, "embedded-postgres-stop"));
    }
    return shared;
  }

  /** A server of its own, for a test that stops and restarts it. */
  public static EmbeddedPostgresServer startNew() {
    try {
      Path dir = Files.createTempDirectory("pastefix-pg-");
      return new EmbeddedPostgresServer(dir, freePort());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static EmbeddedPostgres start(Path dataDir, int port) throws IOException {
    // Kept on stop (a clean data directory would be deleted by close); deleted by close() below.
    return EmbeddedPostgres.builder()
        .setDataDirectory(dataDir)
        .setCleanDataDirectory(false)
        .setPort(port)
        .start();
  }

  /**
   * Runs a server by hand until the process is stopped, printing the settings that point pastefix
   * at it: {@code java -cp <storage test classpath> dev.pastefix.storage.EmbeddedPostgresServer}.
   */
  public static void main(String[] args) throws InterruptedException {
    EmbeddedPostgresServer server = startNew();
    Runtime.getRuntime().addShutdownHook(new Thread(server::close));
    DatabaseTarget target = server.newDatabase();
    System.out.println("PASTEFIX_DATABASE_URL=" + target.url());
    System.out.println("PASTEFIX_DATABASE_USER=postgres");
    System.out.println("PASTEFIX_DATABASE_PASSWORD=postgres");
    System.out.flush();
    Thread.currentThread().join();
  }

  /** A new, empty database on this server, as the bot would be pointed at it. */
  public DatabaseTarget newDatabase() {
    String name = "pastefix_" + DATABASES.incrementAndGet() + "_" + ProcessHandle.current().pid();
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("create database " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create a test database", e);
    }
    return DatabaseTarget.server(url(name), Optional.of("postgres"), Optional.of("postgres"));
  }

  /** The JDBC URL of database {@code name} on this server. */
  public String url(String name) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + name;
  }

  public int port() {
    return port;
  }

  /** Stops the server as a crash or an outage would, keeping its data. */
  public synchronized void stop() {
    if (postgres != null) {
      try {
        postgres.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      postgres = null;
    }
  }

  /** Starts the stopped server again on the same port and data. */
  public synchronized void restart() {
    if (postgres == null) {
      try {
        postgres = start(dataDir, port);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  @Override
  public synchronized void close() {
    stop();
    try (java.util.stream.Stream<Path> files = Files.walk(dataDir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A temporary directory left behind is no failure of the test.
    }
  }

  private static int freePort() throws IOException {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
