package dev.pastefix.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LookBackTest {
  @Test
  void readsMinutesHoursDaysAndWeeks() {
    assertEquals(Duration.ofMinutes(30), LookBack.parse("30m").duration());
    assertEquals(Duration.ofHours(12), LookBack.parse("12h").duration());
    assertEquals(Duration.ofDays(7), LookBack.parse("7d").duration());
    assertEquals(Duration.ofDays(14), LookBack.parse("2w").duration());
    assertEquals(Duration.ofDays(14), LookBack.parse(" 2W ").duration());
    assertEquals("2w", LookBack.parse(" 2W ").text());
  }

  @Test
  void refusesWhatIsNotAPositivePeriod() {
    for (String bad : List.of("", "0d", "7", "d", "-1d", "1y", "last week", "1234567d", "7 d")) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> LookBack.parse(bad), bad);
      assertTrue(e.getMessage().contains("got '" + bad + "'"), e.getMessage());
    }
  }

  @Test
  void theLongestPeriodStillFitsBeforeNow() {
    LookBack longest = LookBack.parse(LookBack.MAX_AMOUNT + "w");

    assertTrue(java.time.Instant.now().minus(longest.duration()).isBefore(java.time.Instant.now()));
  }
}
