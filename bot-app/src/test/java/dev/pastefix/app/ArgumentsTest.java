package dev.pastefix.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ArgumentsTest {
  private static Arguments parse(String... args) throws Arguments.UsageException {
    return Arguments.parse(List.of(args), Set.of("--json"), Set.of("--knowledge"));
  }

  @Test
  void separatesFlagsOptionsAndPositionals() throws Exception {
    Arguments arguments = parse("-", "--json", "--knowledge", "dir", "more");

    assertTrue(arguments.flag("--json"));
    assertEquals(Optional.of("dir"), arguments.option("--knowledge"));
    assertEquals(List.of("-", "more"), arguments.positionals());
  }

  @Test
  void acceptsAnOptionValueAfterAnEqualsSign() throws Exception {
    assertEquals(Optional.of("d"), parse("--knowledge=d").option("--knowledge"));
  }

  @Test
  void rejectsUnknownOptionsAndMissingValues() {
    assertThrows(Arguments.UsageException.class, () -> parse("--jsn"));
    assertThrows(Arguments.UsageException.class, () -> parse("--knowledge"));
    assertThrows(Arguments.UsageException.class, () -> parse("--knowledge="));
    assertThrows(Arguments.UsageException.class, () -> parse("--json=yes"));
  }
}
