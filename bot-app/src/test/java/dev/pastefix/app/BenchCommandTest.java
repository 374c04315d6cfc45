package dev.pastefix.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchCommandTest {
  @TempDir Path dir;

  private BenchCommand command() {
    return new BenchCommand(new Startup());
  }

  private static void assertNumberLine(String out, String label, String unit) {
    Pattern line = Pattern.compile("(?m)^" + Pattern.quote(label) + "\\s+[0-9.]+ " + unit);
    assertTrue(line.matcher(out).find(), label + " in\n" + out);
  }

  @Test
  void printsStartUpHeapThroughputAndLatencyForALabelledFile() {
    InMemoryTerminal terminal = new InMemoryTerminal();

    int code =
        TestingCommandLine.run(
            command(),
            List.of(EvalCommandTest.ARTICLES.toString(), "--iterations", "2"),
            terminal.terminal());

    assertEquals(ExitCodes.OK, code, terminal.err());
    String out = terminal.out();
    assertTrue(out.contains("4 messages from " + EvalCommandTest.ARTICLES), out);
    assertNumberLine(out, "start to ready:", "ms");
    assertNumberLine(out, "heap used after start:", "MB");
    assertNumberLine(out, "throughput:", "messages/s");
    assertNumberLine(out, "latency p50:", "µs");
    assertNumberLine(out, "latency p99:", "µs");
  }

  @Test
  void measuresTheKnowledgeBaseExamplesWhenThereIsNoFile() {
    InMemoryTerminal terminal = new InMemoryTerminal();

    int code = TestingCommandLine.run(command(), List.of("--iterations", "1"), terminal.terminal());

    assertEquals(ExitCodes.OK, code, terminal.err());
    assertTrue(terminal.out().contains("the knowledge base's example phrasings"), terminal.out());
  }

  private static final java.util.Set<String> KEYS =
      java.util.Set.of(
          "entries",
          "load_ms",
          "train_ms",
          "ready_ms",
          "heap_mb",
          "p50_us",
          "p99_us",
          "dev_exact",
          "cpu_p50_us",
          "cpu_p99_us",
          "redact_4kb_mean_us",
          "redact_4kb_p50_us",
          "schema_version",
          "redact_4kb_p99_us",
          "redact_4kb_secrets_mean_us",
          "redact_4kb_secrets_p50_us",
          "redact_4kb_secrets_p99_us");

  @Test
  void jsonGivesOneObjectWithTheBenchKeys() throws Exception {
    InMemoryTerminal terminal = new InMemoryTerminal();

    int code =
        TestingCommandLine.run(
            command(),
            List.of(EvalCommandTest.ARTICLES.toString(), "--iterations", "1", "--json"),
            terminal.terminal());

    assertEquals(ExitCodes.OK, code, terminal.err());
    com.fasterxml.jackson.databind.JsonNode row =
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(terminal.out());
    java.util.Set<String> keys = new java.util.HashSet<>();
    row.fieldNames().forEachRemaining(keys::add);
    assertEquals(KEYS, keys);
    JsonStyle.check(row, java.util.Set.of());
    assertEquals(24, row.get("entries").asInt());
    assertTrue(row.get("dev_exact").asDouble() > 0.5, terminal.out());
  }

  @Test
  void syntheticGivesOneRowPerSize() throws Exception {
    InMemoryTerminal terminal = new InMemoryTerminal();

    int code =
        TestingCommandLine.run(
            command(),
            List.of(
                EvalCommandTest.ARTICLES.toString(),
                "--iterations",
                "1",
                "--synthetic",
                "24,40",
                "--json"),
            terminal.terminal());

    assertEquals(ExitCodes.OK, code, terminal.err());
    String[] lines = terminal.out().strip().split("\n");
    assertEquals(2, lines.length, terminal.out());
    com.fasterxml.jackson.databind.ObjectMapper json =
        new com.fasterxml.jackson.databind.ObjectMapper();
    assertEquals(24, json.readTree(lines[0]).get("entries").asInt());
    assertEquals(40, json.readTree(lines[1]).get("entries").asInt());
    assertTrue(json.readTree(lines[1]).get("train_ms").asLong() > 0, lines[1]);
  }

  @Test
  void syntheticRefusesFewerEntriesThanShippedAndAKnowledgeDirectory() {
    InMemoryTerminal fewer = new InMemoryTerminal();
    InMemoryTerminal withDir = new InMemoryTerminal();

    int tooFew = TestingCommandLine.run(command(), List.of("--synthetic", "5"), fewer.terminal());
    int both =
        TestingCommandLine.run(
            command(),
            List.of("--synthetic", "48", "--knowledge", dir.toString()),
            withDir.terminal());

    assertEquals(ExitCodes.USAGE, tooFew);
    assertTrue(fewer.err().contains("24 shipped entries"), fewer.err());
    assertEquals(ExitCodes.USAGE, both);
    assertTrue(withDir.err().contains("--knowledge"), withDir.err());
  }

  @Test
  void rejectsABadIterationCount() {
    for (String bad : List.of("0", "-3", "many")) {
      InMemoryTerminal terminal = new InMemoryTerminal();

      int code =
          TestingCommandLine.run(command(), List.of("--iterations", bad), terminal.terminal());

      assertEquals(ExitCodes.USAGE, code, bad + terminal.err());
      assertTrue(terminal.err().contains("--iterations"), terminal.err());
    }
  }

  @Test
  void takesTheNearestRankPercentile() {
    long[] sorted = new long[100];
    for (int i = 0; i < sorted.length; i++) {
      sorted[i] = i + 1;
    }

    assertEquals(50, BenchCommand.percentile(sorted, 0.50));
    assertEquals(99, BenchCommand.percentile(sorted, 0.99));
    assertEquals(7, BenchCommand.percentile(new long[] {7}, 0.99));
  }
}
