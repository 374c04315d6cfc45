package dev.pastefix.teams;

import dev.pastefix.core.Engine;
import dev.pastefix.knowledge.KnowledgeBase;
import dev.pastefix.knowledge.KnowledgeLoader;

/** The real engine over the shipped knowledge base, as the running bot builds it, built once. */
final class ShippedEngine {
  private static KnowledgeBase knowledge;
  private static Engine engine;

  private ShippedEngine() {}

  static synchronized Engine get() {
    if (engine == null) {
      engine = Engine.create(knowledge());
    }
    return engine;
  }

  static synchronized KnowledgeBase knowledge() {
    if (knowledge == null) {
      try {
        knowledge = new KnowledgeLoader().loadShipped();
      } catch (Exception e) {
        throw new IllegalStateException("the shipped knowledge base does not load", e);
      }
    }
    return knowledge;
  }
}
