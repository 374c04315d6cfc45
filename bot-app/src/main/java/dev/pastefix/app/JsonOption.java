package dev.pastefix.app;

import picocli.CommandLine.Option;

/** {@code --json}: one JSON object (snake_case keys, a {@code schema_version}) instead of text. */
final class JsonOption {
  /**
   * The version of every command's {@code --json} form, raised when a key changes meaning or goes
   * away (new keys do not raise it).
   */
  static final int SCHEMA_VERSION = 1;

  static final String SCHEMA_VERSION_KEY = "schema_version";

  @Option(
      names = "--json",
      description = "print one JSON object instead of text (snake_case keys, with schema_version)")
  private boolean json;

  boolean on() {
    return json;
  }
}
