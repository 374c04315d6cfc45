package dev.pastefix.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RecentKeysTest {
  @Test
  void reportsOnlyTheFirstSighting() {
    RecentKeys keys = new RecentKeys(10);

    assertTrue(keys.firstTime("Ev1"));
    assertFalse(keys.firstTime("Ev1"));
    assertTrue(keys.firstTime("Ev2"));
  }

  @Test
  void forgetsTheOldestBeyondItsCapacity() {
    RecentKeys keys = new RecentKeys(2);
    keys.firstTime("a");
    keys.firstTime("b");
    keys.firstTime("c");

    assertEquals(2, keys.size());
    assertFalse(keys.contains("a"));
    assertTrue(keys.contains("c"));
  }
}
