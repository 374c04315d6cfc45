package dev.pastefix.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StateSettingsTest {
  @Test
  void keepsStateUnderTheXdgDataHomeByDefault() throws Exception {
    Settings.Storage storage =
        Settings.storageFrom(Map.of("HOME", "/home/admin", "XDG_DATA_HOME", "/data"));
    assertEquals(Optional.of(Path.of("/data/pastefix")), storage.dataDir());
    assertEquals(
        Optional.of(Path.of("/home/admin/.local/share/pastefix")),
        Settings.storageFrom(Map.of("HOME", "/home/admin")).dataDir());
    assertEquals(Duration.ofDays(30), storage.retention());
    assertEquals(Duration.ofMinutes(2), storage.staleClaimAfter());
  }

  @Test
  void keepsStateInMemoryForTheMemoryDirectory() throws Exception {
    Settings.Storage storage = Settings.storageFrom(Map.of("PASTEFIX_DATA_DIR", ":memory:"));
    assertEquals(Optional.empty(), storage.dataDir());
  }

  @Test
  void readsAPostgresServerAndHidesItsPassword() throws Exception {
    Settings.Storage storage =
        Settings.storageFrom(
            Map.of(
                "PASTEFIX_DATABASE_URL", "jdbc:postgresql://db:5432/pastefix",
                "PASTEFIX_DATABASE_USER", "bot",
                "PASTEFIX_DATABASE_PASSWORD", "Hunter2!",
                "PASTEFIX_RETENTION_DAYS", "90",
                "PASTEFIX_STALE_CLAIM_SECONDS", "30"));
    assertEquals(Optional.of("jdbc:postgresql://db:5432/pastefix"), storage.databaseUrl());
    assertEquals(Duration.ofDays(90), storage.retention());
    assertEquals(Duration.ofSeconds(30), storage.staleClaimAfter());
    assertFalse(storage.toString().contains("Hunter2"), storage.toString());
  }

  @Test
  void reportsEveryStateProblemAtOnce() {
    Settings.InvalidSettings e =
        assertThrows(
            Settings.InvalidSettings.class,
            () ->
                Settings.storageFrom(
                    Map.of(
                        "PASTEFIX_DATA_DIR", "relative/dir",
                        "PASTEFIX_DATABASE_PASSWORD", "x",
                        "PASTEFIX_RETENTION_DAYS", "0",
                        "PASTEFIX_STALE_CLAIM_SECONDS", "soon")));
    assertEquals(4, e.problems().size(), e.getMessage());
    assertTrue(e.getMessage().contains("PASTEFIX_RETENTION_DAYS"), e.getMessage());
  }

  @Test
  void refusesAnUrlOfAnotherDatabase() {
    Settings.InvalidSettings e =
        assertThrows(
            Settings.InvalidSettings.class,
            () ->
                Settings.storageFrom(
                    Map.of("PASTEFIX_DATABASE_URL", "jdbc:mysql://bot:pw@db/pastefix")));
    assertTrue(e.getMessage().contains("jdbc:postgresql://"), e.getMessage());
    assertFalse(e.getMessage().contains(":pw@"), e.getMessage());
  }
}
