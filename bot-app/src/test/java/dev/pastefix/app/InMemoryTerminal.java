package dev.pastefix.app;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A terminal on in-memory streams: scripted input bytes, captured output and error text. */
final class InMemoryTerminal {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final Terminal terminal;

  InMemoryTerminal(byte[] input, Map<String, String> env) {
    this(input, env, false);
  }

  /** A terminal whose output claims to be an interactive terminal when {@code interactive}. */
  InMemoryTerminal(byte[] input, Map<String, String> env, boolean interactive) {
    terminal =
        new Terminal(
            new ByteArrayInputStream(input),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            env,
            interactive);
  }

  InMemoryTerminal(String input) {
    this(input.getBytes(StandardCharsets.UTF_8), Map.of());
  }

  InMemoryTerminal() {
    this("");
  }

  Terminal terminal() {
    return terminal;
  }

  String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  String err() {
    return err.toString(StandardCharsets.UTF_8);
  }
}
