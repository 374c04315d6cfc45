package dev.pastefix.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SettingsDataDirTest {
  @Test
  void theVariableNamesTheDirectory() throws Exception {
    assertEquals(
        Optional.of(Path.of("/var/lib/pastefix")),
        Settings.dataDirFrom(Map.of("PASTEFIX_DATA_DIR", "/var/lib/pastefix", "HOME", "/home/a")));
  }

  @Test
  void inMemoryKeepsNothingOnDisk() throws Exception {
    assertEquals(
        Optional.empty(),
        Settings.dataDirFrom(Map.of("PASTEFIX_DATA_DIR", ":memory:", "HOME", "/home/a")));
  }

  @Test
  void defaultsToXdgDataHomeThenHome() throws Exception {
    assertEquals(
        Optional.of(Path.of("/data/pastefix")),
        Settings.dataDirFrom(Map.of("XDG_DATA_HOME", "/data", "HOME", "/home/a")));
    assertEquals(
        Optional.of(Path.of("/home/a/.local/share/pastefix")),
        Settings.dataDirFrom(Map.of("HOME", "/home/a")));
    assertEquals(
        Optional.of(Path.of("/home/a/.local/share/pastefix")),
        Settings.dataDirFrom(Map.of("XDG_DATA_HOME", "relative", "HOME", "/home/a")),
        "a relative XDG_DATA_HOME is ignored, as the XDG rules say");
    assertEquals(Optional.empty(), Settings.dataDirFrom(Map.of()));
  }

  @Test
  void aRelativeDirectoryIsReportedWithTheOtherProblems() {
    Settings.InvalidSettings e =
        assertThrows(
            Settings.InvalidSettings.class,
            () ->
                Settings.from(
                    Map.of("PASTEFIX_DATA_DIR", "data", "PASTEFIX_DNS_RESOLVER", "bad host!")));

    assertEquals(2, e.problems().size(), e.getMessage());
    assertTrue(
        e.getMessage().contains("PASTEFIX_DATA_DIR must be an absolute path"), e.getMessage());
  }
}
