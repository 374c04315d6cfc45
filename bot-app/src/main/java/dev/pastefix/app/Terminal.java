package dev.pastefix.app;

import dev.pastefix.core.reply.PlainTextRenderer;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/**
 * What a command may use of the outside world: standard streams, the environment, and whether
 * standard output is an interactive terminal (only then may text be set in ANSI bold).
 */
public record Terminal(
    InputStream in,
    PrintStream out,
    PrintStream err,
    Map<String, String> env,
    boolean outIsTerminal) {
  /** The variable that turns colours and bold off (https://no-color.org). */
  static final String NO_COLOR = "NO_COLOR";

  public Terminal {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(err, "err");
    env = Map.copyOf(env);
  }

  /** Streams that are not a terminal (a file, a pipe, a test). */
  public Terminal(InputStream in, PrintStream out, PrintStream err, Map<String, String> env) {
    this(in, out, err, env, false);
  }

  /** The process's own streams (UTF-8) and environment. */
  public static Terminal system() {
    return new Terminal(
        System.in,
        new PrintStream(System.out, true, StandardCharsets.UTF_8),
        new PrintStream(System.err, true, StandardCharsets.UTF_8),
        System.getenv(),
        System.console() != null);
  }

  /** The same terminal with another environment. */
  public Terminal withEnv(Map<String, String> other) {
    return new Terminal(in, out, err, other, outIsTerminal);
  }

  /**
   * ANSI bold only on an interactive terminal without {@code NO_COLOR}; plain text otherwise, so
   * files and pipes never receive escape sequences or markdown asterisks.
   */
  public PlainTextRenderer.Emphasis emphasis() {
    String noColor = env.getOrDefault(NO_COLOR, "");
    return outIsTerminal && noColor.isEmpty()
        ? PlainTextRenderer.Emphasis.ANSI_BOLD
        : PlainTextRenderer.Emphasis.PLAIN;
  }

  public BufferedReader reader() {
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
  }
}
