package dev.pastefix.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.pastefix.core.state.BotState;
import dev.pastefix.core.state.SeenEvents;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded H2 database on its real files: the bot's alone. */
class EmbeddedDatabaseTest {
  @TempDir Path temp;

  @Test
  void opensNoSocketAndASecondProcessCannotConnect() throws Exception {
    assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "needs Linux /proc");
    Path dataDir = temp.resolve("data");
    Set<Long> before = listeningSockets();
    DatabaseTarget target = DatabaseTarget.embedded(dataDir);
    try (StateDatabase db = open(target)) {
      assertTrue(db.state().seenEvents().claim("slack:event:Ev1", SeenEvents.DEFAULT_TTL));
      assertEquals(before, listeningSockets(), "the database opened a listening socket");
      assertFalse(target.url().contains("AUTO_SERVER"), target.url());

      String file = "jdbc:h2:file:" + dataDir.resolve(DatabaseTarget.H2_FILE);
      String password = target.password().orElseThrow();
      // Even with the password, the files are locked by this process.
      String locked = second("jdbc", file, password);
      assertTrue(locked.startsWith("refused 90020"), locked);
      // Nor does asking for H2's automatic server find one.
      String auto = second("jdbc", file + ";AUTO_SERVER=TRUE", password);
      assertTrue(auto.startsWith("refused"), auto);
    }
  }

  @Test
  void createsTheDataDirectoryAndItsFilesOwnerOnly() throws Exception {
    Path dataDir = temp.resolve("new/data");
    try (StateDatabase db = open(DatabaseTarget.embedded(dataDir))) {
      assertEquals("rwx------", permissions(dataDir));
      try (Stream<Path> files = Files.list(dataDir)) {
        List<Path> all = files.toList();
        assertTrue(all.contains(dataDir.resolve("pastefix.mv.db")), all.toString());
        assertTrue(all.contains(dataDir.resolve(DataDirectory.PASSWORD_FILE)), all.toString());
        for (Path f : all) {
          assertEquals("rw-------", permissions(f), f.toString());
        }
        assertFalse(all.contains(dataDir.resolve("pastefix.lock.db")), all.toString());
      }
    }
  }

  @Test
  void tightensAnExistingDirectoryAndItsFiles() throws Exception {
    Path dataDir = Files.createDirectory(temp.resolve("old"));
    Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path stray = Files.writeString(dataDir.resolve("pastefix.trace.db"), "old trace");
    Files.setPosixFilePermissions(stray, PosixFilePermissions.fromString("rw-r--r--"));
    open(DatabaseTarget.embedded(dataDir)).close();
    assertEquals("rwx------", permissions(dataDir));
    assertEquals("rw-------", permissions(stray));
    assertEquals("rw-------", permissions(dataDir.resolve("pastefix.mv.db")));
  }

  @Test
  void refusesADirectoryEveryoneMayWriteTo() throws Exception {
    Path shared = Files.createDirectory(temp.resolve("shared"));
    Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
    StateStoreException e =
        assertThrows(StateStoreException.class, () -> DatabaseTarget.embedded(shared));
    assertTrue(e.getMessage().contains("is writable by everyone"), e.getMessage());
    assertEquals("rwxrwxrwx", permissions(shared));
  }

  @Test
  void theAccountHasAPasswordOnlyTheOwnerCanRead() throws Exception {
    Path dataDir = temp.resolve("data");
    DatabaseTarget target = DatabaseTarget.embedded(dataDir);
    open(target).close();
    Path file = dataDir.resolve(DataDirectory.PASSWORD_FILE);
    String stored = Files.readString(file, StandardCharsets.UTF_8).strip();
    assertEquals(target.password().orElseThrow(), stored);
    assertTrue(stored.length() >= 40, "a 256-bit password, got " + stored.length() + " chars");
    assertEquals("rw-------", permissions(file));
    SQLException empty =
        assertThrows(
            SQLException.class,
            () ->
                DriverManager.getConnection(
                    "jdbc:h2:file:" + dataDir.resolve("pastefix"), "sa", ""));
    assertEquals(28000, empty.getErrorCode(), empty.getMessage());
    // The same directory keeps its password: a restart opens the same database.
    assertEquals(stored, DatabaseTarget.embedded(dataDir).password().orElseThrow());
    assertNotEquals(
        stored, DatabaseTarget.embedded(temp.resolve("other")).password().orElseThrow());
  }

  @Test
  void givesADatabaseFromBeforePasswordsTheDirectorysPassword() throws Exception {
    Path dataDir = Files.createDirectory(temp.resolve("legacy"));
    String url = "jdbc:h2:file:" + dataDir.resolve("pastefix");
    try (StateDatabase before =
        open(DatabaseTarget.server(url, java.util.Optional.of("sa"), java.util.Optional.of("")))) {
      before.state().seenEvents().claim("slack:event:Ev1", SeenEvents.DEFAULT_TTL);
    }
    DatabaseTarget target = DatabaseTarget.embedded(dataDir);
    try (StateDatabase after = open(target)) {
      assertFalse(after.state().seenEvents().claim("slack:event:Ev1", SeenEvents.DEFAULT_TTL));
    }
    assertThrows(SQLException.class, () -> DriverManager.getConnection(url, "sa", ""));
    try (Connection c = DriverManager.getConnection(url, "sa", target.password().orElseThrow())) {
      assertTrue(c.createStatement().executeQuery("select count(*) from seen_event").next());
    }
  }

  @Test
  void pastefixBesideTheRunningBotIsToldTheDatabaseIsInUse() throws Exception {
    Path dataDir = temp.resolve("data");
    try (StateDatabase db = open(DatabaseTarget.embedded(dataDir))) {
      String refused = second("state", dataDir.toString());
      assertTrue(refused.contains("is open in another pastefix process"), refused);
      assertTrue(refused.contains("PASTEFIX_DATABASE_URL"), refused);
    }
  }

  private static StateDatabase open(DatabaseTarget target) {
    return StateDatabase.open(target, Clock.systemUTC(), BotState.DEFAULT_RETENTION);
  }

  private static String permissions(Path path) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }

  private static String second(String... args) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command =
        new java.util.ArrayList<>(
            List.of(
                java.toString(),
                "-Dfile.encoding=UTF-8",
                "-cp",
                System.getProperty("java.class.path"),
                SecondProcess.class.getName()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the second process did not finish");
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertEquals(1, p.exitValue(), out);
    List<String> lines =
        out.lines().filter(l -> l.startsWith("refused") || l.startsWith("connected")).toList();
    return lines.isEmpty() ? out : lines.get(lines.size() - 1);
  }

  /** The inodes of TCP sockets this process listens on, from /proc. */
  private static Set<Long> listeningSockets() throws IOException {
    Set<Long> ours = new HashSet<>();
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      for (Path fd : fds.toList()) {
        try {
          String link = Files.readSymbolicLink(fd).toString();
          if (link.startsWith("socket:[")) {
            ours.add(Long.parseLong(link.substring(8, link.length() - 1)));
          }
        } catch (IOException e) {
          // The descriptor closed meanwhile.
        }
      }
    }
    Set<Long> listening = new HashSet<>();
    for (String table : List.of("/proc/self/net/tcp", "/proc/self/net/tcp6")) {
      Path path = Path.of(table);
      if (!Files.exists(path)) {
        continue;
      }
      for (String line : Files.readAllLines(path).subList(1, Files.readAllLines(path).size())) {
        String[] f = line.strip().split("\\s+");
        if (f.length > 9 && f[3].equals("0A") && ours.contains(Long.parseLong(f[9]))) {
          listening.add(Long.parseLong(f[9]));
        }
      }
    }
    return listening;
  }
}
