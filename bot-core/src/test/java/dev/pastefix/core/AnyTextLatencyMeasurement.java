package dev.pastefix.core;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import org.junit.jupiter.api.Test;

/**
 * Measures (asserts nothing about time) how long the warmed-up engine takes per message on the
 * property test's generated messages under 64 KB, against the 50 ms target. Not part of the build:
 * run it with {@code mvn -pl bot-core -am verify -Dtest=AnyTextLatencyMeasurement
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class AnyTextLatencyMeasurement {
  static final int SMALL = 64 * 1024;
  static final int WARM_UP = 3_000;
  static final int MEASURED = 5_000;
  static final long TARGET_MICROS = 50_000;

  @Test
  void measure() {
    TestingEngines.Shipped engine = TestingEngines.shipped();
    Map<String, Arbitrary<String>> kinds =
        Map.of(
            "random-unicode", AnyTextPropertyTest.randomUnicode(),
            "repeated-errors", AnyTextPropertyTest.repeatedErrorLines(),
            "hostile-shapes", AnyTextPropertyTest.hostileShapes(),
            "mixed-languages", AnyTextPropertyTest.mixedLanguages(),
            "large", AnyTextPropertyTest.huge(),
            "all", AnyTextPropertyTest.anyText());
    for (String kind :
        List.of(
            "all",
            "random-unicode",
            "repeated-errors",
            "hostile-shapes",
            "mixed-languages",
            "large")) {
      List<String> texts = kinds.get(kind).sampleStream().limit(WARM_UP + MEASURED).toList();
      int i = 0;
      for (String t : texts.subList(0, WARM_UP)) {
        engine.handle(
            TestingMessages.of(t, i++ % 2 == 0 ? Channel.DIRECT : Channel.CHANNEL, "U", "m"));
      }
      long[] small = new long[MEASURED];
      long[] big = new long[MEASURED];
      int ns = 0;
      int nb = 0;
      for (String t : texts.subList(WARM_UP, texts.size())) {
        long t0 = System.nanoTime();
        engine.handle(
            TestingMessages.of(t, i++ % 2 == 0 ? Channel.DIRECT : Channel.CHANNEL, "U", "m"));
        long micros = (System.nanoTime() - t0) / 1_000;
        if (t.length() < SMALL) {
          small[ns++] = micros;
        } else {
          big[nb++] = micros;
        }
      }
      System.out.println(kind + " under 64 KB: " + summary(Arrays.copyOf(small, ns)));
      System.out.println(kind + " 64 KB and more: " + summary(Arrays.copyOf(big, nb)));
    }
    System.out.println("engine failures: " + engine.failures());
  }

  private static String summary(long[] micros) {
    if (micros.length == 0) {
      return "none";
    }
    Arrays.sort(micros);
    long over = Arrays.stream(micros).filter(m -> m > TARGET_MICROS).count();
    return String.format(
        Locale.ROOT,
        "n=%d p50=%.2f ms p99=%.2f ms max=%.2f ms over 50 ms: %d",
        micros.length,
        micros[micros.length / 2] / 1000.0,
        micros[Math.max(0, (int) Math.ceil(micros.length * 0.99) - 1)] / 1000.0,
        micros[micros.length - 1] / 1000.0,
        over);
  }
}
