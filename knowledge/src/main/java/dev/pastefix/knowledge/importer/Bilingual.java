package dev.pastefix.knowledge.importer;

import java.util.Objects;

/**
 * One piece of article text in English and in the language of the version it was read from; both
 * are the same text for an English version.
 */
record Bilingual(String en, String local) {
  Bilingual {
    Objects.requireNonNull(en, "en");
    Objects.requireNonNull(local, "local");
  }

  static Bilingual of(String text) {
    return new Bilingual(text, text);
  }

  boolean isBlank() {
    return en.isBlank() && local.isBlank();
  }

  Bilingual map(java.util.function.UnaryOperator<String> f) {
    return new Bilingual(f.apply(en), f.apply(local));
  }
}
