package dev.pastefix.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pastefix.knowledge.KnowledgeLoader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {
  private static final String RESTRICTED =
      "\r\n        Scope ExecutionPolicy\r\n        ----- ---------------\r\n"
          + "MachinePolicy       Undefined\r\n   UserPolicy       Undefined\r\n"
          + "      Process       Undefined\r\n  CurrentUser       Undefined\r\n"
          + " LocalMachine      Restricted\r\n\r\n";

  private static final String REMOTE_SIGNED =
      RESTRICTED.replace("     Restricted", "   RemoteSigned");

  @TempDir Path dir;

  private final Main main =
      new Main(
          List.of(
              new CheckCommand(
                  new KnowledgeLoader(),
                  Clock.fixed(Instant.parse("2026-11-22T05:00:00Z"), ZoneOffset.UTC))),
          new Launcher(new Startup(), Clock.systemUTC()));

  /** Runs the command line with {@code stdin} and returns the exit code, stdout and stderr. */
  private Run run(String stdin, Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Terminal terminal =
        new Terminal(
            new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            env);
    int code = main.run(List.of(args), terminal);
    return new Run(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private record Run(int code, String out, String err) {}

  @Test
  void listsTheChecksWithNoName() {
    Run run = run("", Map.of(), "check");

    assertEquals(0, run.code());
    for (String id :
        List.of(
            "dns",
            "execution-policy",
            "powershell-version",
            "winrm",
            "signin-assistant",
            "sessions",
            "clock")) {
      assertTrue(run.out().contains(id), id + " in " + run.out());
    }
  }

  @Test
  void readsAnOutputFileAndExitsOneOnAProblem() throws Exception {
    Path file = dir.resolve("policy.txt");
    Files.writeString(file, RESTRICTED);

    Run run = run("", Map.of(), "check", "execution-policy", "--output", file.toString());

    assertEquals(1, run.code(), run.err());
    assertTrue(run.out().startsWith("check execution-policy: PROBLEM"), run.out());
    assertTrue(run.out().contains("Set-ExecutionPolicy RemoteSigned"));
    assertTrue(run.out().contains("Why ("), "cause from the knowledge base: " + run.out());
  }

  @Test
  void readsStandardInputAndExitsZeroWhenHealthy() {
    Run run = run(REMOTE_SIGNED, Map.of(), "check", "execution-policy", "--output", "-");

    assertEquals(0, run.code(), run.out() + run.err());
    assertTrue(run.out().startsWith("check execution-policy: OK"));
  }

  @Test
  void readsAUtf16FileThatPowerShellOutFileWrites() throws Exception {
    Path file = dir.resolve("out-file.txt");
    byte[] body = RESTRICTED.getBytes(StandardCharsets.UTF_16LE);
    byte[] withBom = new byte[body.length + 2];
    withBom[0] = (byte) 0xFF;
    withBom[1] = (byte) 0xFE;
    System.arraycopy(body, 0, withBom, 2, body.length);
    Files.write(file, withBom);

    assertEquals(1, run("", Map.of(), "check", "execution-policy", "--output=" + file).code());
  }

  @Test
  void exitsTwoOnOutputOfAnotherCommand() throws Exception {
    Path file = dir.resolve("junk.bin");
    Files.write(file, new byte[] {0, 1, 2, (byte) 0xC3, 0x28, 10, 'h', 'i'});

    Run run = run("", Map.of(), "check", "winrm", "--output", file.toString());

    assertEquals(2, run.code());
    assertTrue(
        run.out().contains("does not look like the output of winrm get winrm/config/client/auth"));
  }

  @Test
  void exitsTwoOnUsageMistakes() {
    assertEquals(2, run("", Map.of(), "check", "nosuch").code());
    assertEquals(2, run("", Map.of(), "check", "winrm", "--output").code());
    assertEquals(2, run("", Map.of(), "check", "winrm", "--output", "/no/such/file").code());
    assertEquals(2, run("", Map.of(), "check", "dns").code());
    assertEquals(2, run("", Map.of(), "check", "dns", "a.test", "b.test").code());
    Run instructions = run("", Map.of(), "check", "sessions");
    assertEquals(2, instructions.code());
    assertTrue(instructions.out().contains("Get-PSSession"));
  }

  @Test
  void refusesABadDomainWithExitTwoBeforeAnyLookup() {
    Run run =
        run("", Map.of("PASTEFIX_DNS_RESOLVER", "127.0.0.1:9"), "check", "dns", "not_a domain");

    assertEquals(2, run.code());
    assertTrue(run.out().contains("I can only check a domain name"), run.out());
  }

  @Test
  void reportsAnInvalidResolverSetting() {
    Run run =
        run("", Map.of("PASTEFIX_DNS_RESOLVER", "udp://1.1.1.1"), "check", "dns", "contoso.test");

    assertEquals(ExitCodes.CONFIG, run.code());
    assertTrue(run.err().contains("PASTEFIX_DNS_RESOLVER"));
  }

  @Test
  void takesTheOutputAsWordsToo() {
    assertEquals(1, run("", Map.of(), "check", "execution-policy", "Restricted").code());
  }
}
