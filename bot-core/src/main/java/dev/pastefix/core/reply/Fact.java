package dev.pastefix.core.reply;

import java.util.Objects;

/** A name/value pair shown in a {@link Block.Facts} block. */
public record Fact(String name, String value) {
  public Fact {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
  }
}
