package dev.pastefix.discord;

import dev.pastefix.core.Engine;
import dev.pastefix.knowledge.KnowledgeLoader;

/**
 * The real engine over the shipped knowledge base, built once per test JVM (training takes a
 * moment).
 */
final class ShippedEngine {
  private static Engine engine;

  private ShippedEngine() {}

  static synchronized Engine get() {
    if (engine == null) {
      try {
        engine = Engine.create(new KnowledgeLoader().loadShipped());
      } catch (Exception e) {
        throw new IllegalStateException("the shipped knowledge base does not load", e);
      }
    }
    return engine;
  }
}
