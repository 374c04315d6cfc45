package dev.pastefix.discord;

import dev.pastefix.core.Engine;
import dev.pastefix.knowledge.KnowledgeLoader;

/** Builds the real engine over the shipped knowledge base, as the running bot does. */
final class ShippedEngine {
  private ShippedEngine() {}

  static Engine create() {
    try {
      return Engine.create(new KnowledgeLoader().loadShipped());
    } catch (Exception e) {
      throw new IllegalStateException("the shipped knowledge base does not load", e);
    }
  }
}
