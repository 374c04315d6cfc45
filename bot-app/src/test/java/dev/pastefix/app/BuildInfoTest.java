package dev.pastefix.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BuildInfoTest {
  @Test
  void recordsTheProjectVersionAndTheCommitOrSaysUnknown() {
    BuildInfo build = BuildInfo.current();

    assertTrue(build.version().matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"), build.version());
    // A checkout gives the commit; a source archive without .git gives "unknown".
    assertTrue(
        build.commit().matches("[0-9a-f]{12}") || build.commit().equals(BuildInfo.UNKNOWN),
        build.commit());
  }

  @Test
  void anExpressionTheBuildDidNotFillInReadsAsUnknown() {
    BuildInfo build = new BuildInfo("${project.version}", "${buildNumber}");

    assertEquals(new BuildInfo("unknown", "unknown"), build);
    assertEquals("pastefix unknown (commit unknown)", build.describe());
  }

  @Test
  void versionOptionPrintsVersionAndCommit() {
    InMemoryTerminal terminal = new InMemoryTerminal();

    int code = Main.standard().run(List.of("--version"), terminal.terminal());

    assertEquals(ExitCodes.OK, code);
    assertEquals(BuildInfo.current().describe() + System.lineSeparator(), terminal.out());
  }

  @Test
  void metricsCarryTheBuildInfo() throws Exception {
    Startup.Ready ready = new Startup().start(Optional.empty());
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    RunningBot bot =
        RunningBot.start(
            Settings.from(Map.of("PASTEFIX_MANAGEMENT_PORT", "0")),
            ready,
            List.of(),
            registry,
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    try {
      BuildInfo build = BuildInfo.current();
      String metrics = registry.scrape();

      assertTrue(
          metrics.contains(
              "pastefix_build_info{commit=\""
                  + build.commit()
                  + "\",version=\""
                  + build.version()
                  + "\"} 1"),
          metrics);
    } finally {
      bot.stop();
    }
  }
}
