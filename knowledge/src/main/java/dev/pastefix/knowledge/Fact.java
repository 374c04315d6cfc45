package dev.pastefix.knowledge;

/** A named fact an answer can show, such as "sessions per tenant: 20". */
public record Fact(String name, String value) {
  public Fact {
    Checks.text(name, "name");
    Checks.text(value, "value");
  }
}
