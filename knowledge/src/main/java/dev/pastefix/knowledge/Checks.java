package dev.pastefix.knowledge;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Small guards shared by the records' compact constructors. */
final class Checks {
  private Checks() {}

  static String text(String value, String field) {
    Objects.requireNonNull(value, field + " is required");
    if (value.isBlank()) {
      throw new IllegalArgumentException(field + " must not be blank");
    }
    return value;
  }

  static <T> List<T> list(List<T> values, String field) {
    Objects.requireNonNull(values, field + " is required");
    return List.copyOf(values);
  }

  static <K, V> Map<K, V> map(Map<K, V> values, String field) {
    Objects.requireNonNull(values, field + " is required");
    return Map.copyOf(values);
  }
}
