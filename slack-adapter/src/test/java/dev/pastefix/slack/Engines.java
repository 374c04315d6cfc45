package dev.pastefix.slack;

import dev.pastefix.core.Engine;
import dev.pastefix.knowledge.KnowledgeBase;
import dev.pastefix.knowledge.KnowledgeLoader;

/** The real engine over the shipped knowledge base, built once for all tests of a JVM. */
final class Engines {
  private static Engine engine;

  private Engines() {}

  static synchronized Engine shipped() {
    if (engine == null) {
      try {
        engine = Engine.create(new KnowledgeLoader().loadShipped());
      } catch (Exception e) {
        throw new IllegalStateException("the shipped knowledge base does not load", e);
      }
    }
    return engine;
  }

  static KnowledgeBase knowledge() {
    return shipped().knowledge();
  }

  /** The title of a shipped entry: what a reply about it shows. */
  static String title(String entryId) {
    return knowledge().entry(entryId).orElseThrow().title();
  }
}
