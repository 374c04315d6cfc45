package dev.pastefix.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ThreadSafetyTest {
  private static final List<String[]> CASES =
      List.of(
          new String[] {"Get-CsWebTicket : Can not load Live Id module.", "liveid-module-missing"},
          new String[] {
            "The maximum number of concurrent shells for this tenant has been exceeded",
            "max-shells-tenant"
          },
          new String[] {
            "could a wrong system clock on a laptop stop Skype for Business Online sign-in?",
            "clock-skew"
          },
          new String[] {"anyone up for lunch?", ""});

  @Test
  void givesTheSameAnswersFromManyThreadsAtOnce() throws Exception {
    TestingEngines.Shipped engine = TestingEngines.shipped();
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Callable<List<String>>> tasks = new ArrayList<>();
      List<String> expected = new ArrayList<>();
      for (int i = 0; i < 240; i++) {
        String[] c = CASES.get(i % CASES.size());
        Channel channel = i % 2 == 0 ? Channel.DIRECT : Channel.MENTION;
        expected.add(c[1]);
        tasks.add(() -> engine.handle(TestingMessages.of(c[0], channel, "U", "K")).findingIds());
      }
      List<Future<List<String>>> results = pool.invokeAll(tasks);
      for (int i = 0; i < results.size(); i++) {
        List<String> ids = results.get(i).get();
        assertEquals(expected.get(i), ids.isEmpty() ? "" : ids.get(0), "task " + i);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
