package dev.pastefix.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.pastefix.knowledge.Entry;
import dev.pastefix.knowledge.InvalidKnowledgeException;
import dev.pastefix.knowledge.KnowledgeBase;
import dev.pastefix.knowledge.KnowledgeLoader;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The try-it paths of the docs (docs/slack.md, docs/teams.md, docs/discord.md), each script run as
 * the pages say, with bash from the project root against the packaged jar, on ports picked free for
 * the run: what each prints shows that the bot answered, with the entry the sample text is about.
 */
class TryItScriptsIT {
  private static final Path ROOT = MarkdownPages.ROOT;
  private static final Path JAR =
      Path.of(
          System.getProperty(
              "pastefix.jar", ROOT.resolve("bot-app/target/pastefix.jar").toString()));
  private static final long TIMEOUT_SECONDS = 240;
  private static final KnowledgeBase SHIPPED = shipped();

  @TempDir Path tmp;

  @Test
  void slackScriptGetsAReplyInTheThreadOfTheMessageItSent() throws Exception {
    assumeTools("python3", "openssl", "curl");
    Run run =
        run(
            "docs/try/slack.sh",
            Map.of(
                "TRY_SLACK_API_PORT", freePort(),
                "PASTEFIX_HTTP_PORT", freePort()));
    assertEquals(0, run.code, run.output);
    Matcher sent =
        Pattern.compile(
                "^sent a signed channel message \\(ts (\\d+\\.\\d+)\\): HTTP/1.1 200",
                Pattern.MULTILINE)
            .matcher(run.output);
    assertTrue(sent.find(), "the signed message was accepted:\n" + run.output);
    String ts = sent.group(1);
    // In the channel the message was pasted in, under that very message.
    assertTrue(
        run.output.contains("POST chat.postMessage channel=C0LOCAL thread_ts=" + ts + "\n"),
        "a reply in the thread of " + ts + ":\n" + run.output);
    String title = title("max-shells-tenant");
    assertTrue(
        run.output.contains("headers: ['" + title + "']"),
        "the reply's card is about '" + title + "':\n" + run.output);
  }

  @Test
  void teamsScriptGetsAReplyToBothSamplesInTheirConversations() throws Exception {
    assumeTools("python3", "openssl", "curl");
    Run run =
        run(
            "docs/try/teams.sh",
            Map.of(
                "TRY_BOT_FRAMEWORK_PORT", freePort(),
                "PASTEFIX_TEAMS_PORT", freePort()));
    assertEquals(0, run.code, run.output);
    assertTrue(run.output.contains("posted channel-mention.json: HTTP 200\n"), run.output);
    assertTrue(run.output.contains("posted personal-message.json: HTTP 200\n"), run.output);
    // The connector's path names the conversation: the personal chat, and the channel thread of
    // the mention; after it, the reply's card title.
    assertReply(
        run.output, "a%3Apersonal-chat-1", title("max-shells-tenant"), "the personal-chat paste");
    assertReply(
        run.output,
        "19%3Ageneral%40thread.tacv2%3Bmessageid%3D1700000001002",
        title("execution-policy"),
        "the channel mention");
  }

  @Test
  void discordScriptGetsTheEntryWithItsCauseFromTheBuiltClasspath() throws Exception {
    Path classpath = ROOT.resolve("discord-adapter/target/try-classpath.txt");
    assertTrue(
        Files.isRegularFile(classpath),
        classpath + " is written by the build of discord-adapter (process-test-classes)");
    String entries = Files.readString(classpath, StandardCharsets.UTF_8).strip();
    assertTrue(entries.contains("JDA"), "the fake's test classpath: " + entries);
    for (String entry : entries.split(File.pathSeparator)) {
      assertTrue(Files.exists(Path.of(entry)), "a classpath entry that resolves: " + entry);
    }
    FileTime written = Files.getLastModifiedTime(classpath);

    Run run = run("docs/try/discord.sh", Map.of());
    assertEquals(0, run.code, run.output);
    assertEquals(
        written,
        Files.getLastModifiedTime(classpath),
        "the script used the build's list as it was (no Maven run)");
    Entry entry = SHIPPED.entry("execution-policy").orElseThrow();
    assertTrue(
        run.output.contains("pastefix replied: " + entry.title() + "\n"),
        "the reply names '" + entry.title() + "':\n" + run.output);
    assertTrue(
        run.output.contains("**Cause: **" + entry.cause()),
        "the reply gives the entry's cause:\n" + run.output);
  }

  private static void assertReply(String output, String conversation, String title, String what) {
    String prefix = "POST /connector/v3/conversations/" + conversation + "/activities/";
    List<String> replies = output.lines().filter(line -> line.startsWith(prefix)).toList();
    assertEquals(1, replies.size(), "one reply to " + what + ":\n" + output);
    assertTrue(
        replies.get(0).endsWith(": " + title),
        "the reply to " + what + " is '" + title + "': " + replies.get(0));
  }

  private static KnowledgeBase shipped() {
    try {
      return new KnowledgeLoader().loadShipped();
    } catch (InvalidKnowledgeException e) {
      throw new IllegalStateException("the shipped knowledge does not load", e);
    }
  }

  private static String title(String id) {
    return SHIPPED.entry(id).orElseThrow(() -> new AssertionError("no entry " + id)).title();
  }

  private record Run(int code, String output) {}

  /** bash SCRIPT from the project root, the test's java first on the PATH, the jar as built. */
  private Run run(String script, Map<String, String> settings) throws Exception {
    assertTrue(Files.isRegularFile(JAR), JAR + " is packaged before the integration tests");
    Path out = tmp.resolve("output.txt");
    Path scratch = Files.createDirectories(tmp.resolve("scratch"));
    ProcessBuilder builder = new ProcessBuilder("bash", script).directory(ROOT.toFile());
    Map<String, String> env = builder.environment();
    env.clear();
    Path java = Path.of(ProcessHandle.current().info().command().orElseThrow());
    env.put(
        "PATH",
        java.getParent() + File.pathSeparator + System.getenv().getOrDefault("PATH", "/usr/bin"));
    env.put("HOME", tmp.toString());
    env.put("TMPDIR", scratch.toString());
    env.put("PASTEFIX_JAR", JAR.toString());
    env.putAll(settings);
    builder.redirectErrorStream(true);
    builder.redirectOutput(out.toFile());
    Process process = builder.start();
    try {
      boolean done = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      String output = Files.readString(out, StandardCharsets.UTF_8);
      assertTrue(done, script + " did not finish within " + TIMEOUT_SECONDS + " s:\n" + output);
      if (process.exitValue() != 0) {
        // A failed run keeps its logs (TRY_KEEP): they go with the failure.
        return new Run(process.exitValue(), output + logs(scratch));
      }
      try (Stream<Path> left = Files.list(scratch)) {
        assertEquals(List.of(), left.toList(), script + " removes its scratch directory");
      }
      return new Run(0, output);
    } finally {
      // Whatever the script started and left running (a timeout), by the ids of this run only.
      List<ProcessHandle> started = new ArrayList<>(process.descendants().toList());
      started.forEach(ProcessHandle::destroy);
      process.destroy();
      for (ProcessHandle p : started) {
        if (!p.onExit().completeOnTimeout(p, 10, TimeUnit.SECONDS).join().isAlive()) {
          continue;
        }
        p.destroyForcibly();
      }
      process.destroyForcibly();
    }
  }

  private static String logs(Path scratch) throws IOException {
    StringBuilder text = new StringBuilder();
    try (Stream<Path> files = Files.walk(scratch)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".log")).sorted().toList()) {
        text.append("\n--- ").append(file.getFileName()).append('\n');
        text.append(Files.readString(file, StandardCharsets.UTF_8));
      }
    }
    return text.toString();
  }

  private static void assumeTools(String... tools) {
    List<String> path = List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator));
    for (String tool : tools) {
      boolean found =
          path.stream().anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, tool)));
      assumeTrue(found, () -> "skipped: the script needs " + tool + ", which is not on the PATH");
    }
  }

  private static String freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return Integer.toString(socket.getLocalPort());
    }
  }
}
