package dev.pastefix.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TruncationTest {
  @Test
  void leavesTextThatFitsAlone() {
    assertEquals("abc", Truncation.fit("abc", 3));
  }

  @Test
  void cutsToTheLimitAndMarksTheCut() {
    String cut = Truncation.fit("abcdef", 4);
    assertEquals("abc\u2026", cut);
  }

  @Test
  void closesAFenceItCutsThrough() {
    String text = "see:\n```\n" + "x".repeat(100) + "\n```";
    String cut = Truncation.fit(text, 50);
    assertEquals(50, cut.length());
    assertTrue(cut.endsWith("\u2026\n```"), cut);
  }

  @Test
  void neverSplitsAnEmoji() {
    String text = "ab\ud83d\udc4dcd";
    String cut = Truncation.fit(text, 4);
    assertEquals("ab\u2026", cut);
  }

  @Test
  void nothingFitsInZero() {
    assertEquals("", Truncation.fit("abc", 0));
  }
}
