package dev.pastefix.slack;

/** A request body as it may appear in a DEBUG log: what was pasted is replaced, only the size stays. */
final class BodyRedaction {
  private BodyRedaction() {}

  static String redact(String body) {
    return "<" + body.length() + " characters redacted>";
  }
}
