package dev.pastefix.core.check;

import java.util.Objects;

/** One row of a check's table: what was looked at, what was found, and whether it is right. */
public record CheckLine(String label, String value, CheckStatus status) {
  public CheckLine {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(status, "status");
    if (label.isBlank()) {
      throw new IllegalArgumentException("label must not be blank");
    }
  }

  public static CheckLine ok(String label, String value) {
    return new CheckLine(label, value, CheckStatus.OK);
  }

  public static CheckLine problem(String label, String value) {
    return new CheckLine(label, value, CheckStatus.PROBLEM);
  }
}
