package dev.pastefix.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real bot process with {@code PASTEFIX_LOG_FORMAT=json}, started, answering one Slack event and
 * stopped with SIGTERM: every line it wrote on standard output and standard error is one JSON
 * object, its start-up and stop lines included, and the libraries' INFO chatter is not there.
 */
class JsonLogIT {
  private static final String SECRET = "json-log-signing-secret";

  @TempDir Path dir;

  @Test
  void everyLineOfAStartAndStopIsOneJsonObject() throws Exception {
    Path out = dir.resolve("stdout");
    Path err = dir.resolve("stderr");
    int slackPort = freePort();
    int managementPort = freePort();
    Path data = Files.createDirectories(dir.resolve("data"));
    try (FakeSlackWebApi api = new FakeSlackWebApi(Duration.ZERO)) {
      ProcessBuilder builder =
          new ProcessBuilder(
              ProcessHandle.current().info().command().orElse("java"),
              "-Dfile.encoding=UTF-8",
              "-cp",
              System.getProperty("java.class.path"),
              Main.class.getName());
      Map<String, String> env = builder.environment();
      env.clear();
      env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
      env.put("HOME", dir.toString());
      env.put("PASTEFIX_LOG_FORMAT", "json");
      // Real H2 files, so the pool and the migrations start and would log.
      env.put("PASTEFIX_DATA_DIR", data.toString());
      env.put("SLACK_BOT_TOKEN", "xoxb-json-log-0000");
      env.put("SLACK_SIGNING_SECRET", SECRET);
      env.put("SLACK_API_URL", api.apiUrl().toString());
      env.put("PASTEFIX_HTTP_HOST", "127.0.0.1");
      env.put("PASTEFIX_HTTP_PORT", Integer.toString(slackPort));
      env.put("PASTEFIX_MANAGEMENT_HOST", "127.0.0.1");
      env.put("PASTEFIX_MANAGEMENT_PORT", Integer.toString(managementPort));
      builder.redirectOutput(out.toFile());
      builder.redirectError(err.toFile());
      Process bot = builder.start();
      try {
        awaitReady(managementPort, bot);
        int status =
            new SignedSlackEvents(slackPort, SECRET, Duration.ofSeconds(10))
                .send(
                    SignedSlackEvents.channelMessage(
                        "EvJson1", "C0JSON", "1700000000.000001", SignedSlackEvents.PASTE),
                    0)
                .get(30, TimeUnit.SECONDS)
                .statusCode();
        assertEquals(200, status);
        assertTrue(api.awaitReplies(1, Duration.ofSeconds(30)), "the event was answered");
        bot.destroy();
        assertTrue(bot.waitFor(60, TimeUnit.SECONDS), "stopped on SIGTERM");
        assertEquals(0, bot.exitValue());
      } finally {
        bot.destroyForcibly();
      }
    }
    List<JsonNode> lines = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    for (Path stream : List.of(out, err)) {
      for (String line : Files.readAllLines(stream, StandardCharsets.UTF_8)) {
        JsonNode node = json.readTree(line);
        assertTrue(node.isObject(), stream.getFileName() + ": not one JSON object: " + line);
        assertTrue(node.hasNonNull("message") && node.hasNonNull("level"), line);
        lines.add(node);
      }
    }
    String messages =
        String.join("\n", lines.stream().map(n -> n.get("message").asText()).toList());
    assertTrue(messages.contains("state in "), messages);
    assertTrue(messages.contains("ready in "), messages);
    assertTrue(messages.contains("management endpoints on http://127.0.0.1:"), messages);
    assertTrue(messages.contains("stopped"), messages);
    assertTrue(
        lines.stream().anyMatch(n -> n.get("logger_name").asText().equals("pastefix.handled")),
        "the handled event is logged at INFO: " + messages);
    for (JsonNode line : lines) {
      String logger = line.path("logger_name").asText();
      boolean library = !logger.startsWith("dev.pastefix") && !logger.startsWith("pastefix");
      assertFalse(
          library && line.get("level").asText().equals("INFO"), "a library's INFO line: " + line);
    }
  }

  private static void awaitReady(int port, Process bot) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (System.nanoTime() < deadline && bot.isAlive()) {
      try {
        HttpResponse<String> response =
            http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/readyz")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // Not listening yet.
      }
      Thread.sleep(200);
    }
    throw new AssertionError("the bot did not get ready (alive: " + bot.isAlive() + ")");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
