package dev.pastefix.knowledge;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A named fact an answer can show, such as "sessions per tenant: 20", with the project's own
 * translations of it ({@code ours}, by language code) where the seeds give none.
 */
public record Fact(String name, String value, Map<String, Local> ours) {
  /** The fact in another language; without a value of its own it keeps the English value. */
  public record Local(String name, Optional<String> value) {
    public Local {
      Checks.text(name, "name");
      Objects.requireNonNull(value, "value");
    }
  }

  public Fact {
    Checks.text(name, "name");
    Checks.text(value, "value");
    ours = Checks.map(ours, "ours");
  }

  /** A fact without translations. */
  public Fact(String name, String value) {
    this(name, value, Map.of());
  }

  /** The name in {@code lang}, or the English name when there is no translation. */
  public String name(String lang) {
    Local local = ours.get(lang);
    return local == null ? name : local.name();
  }

  /** The value in {@code lang}, or the English value when there is no translation. */
  public String value(String lang) {
    Local local = ours.get(lang);
    return local == null ? value : local.value().orElse(value);
  }
}
