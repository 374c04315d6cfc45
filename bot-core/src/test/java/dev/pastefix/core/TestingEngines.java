package dev.pastefix.core;

import dev.pastefix.knowledge.InvalidKnowledgeException;
import dev.pastefix.knowledge.KnowledgeBase;
import dev.pastefix.knowledge.KnowledgeLoader;

/** One engine over the shipped knowledge base, shared by the tests of this module. */
final class TestingEngines {
  private static KnowledgeBase kb;
  private static Engine engine;

  private TestingEngines() {}

  static synchronized KnowledgeBase knowledge() {
    if (kb == null) {
      try {
        kb = new KnowledgeLoader().loadShipped();
      } catch (InvalidKnowledgeException e) {
        throw new IllegalStateException(e);
      }
    }
    return kb;
  }

  static synchronized Engine shipped() {
    if (engine == null) {
      engine = Engine.create(knowledge());
    }
    return engine;
  }

  static Outcome direct(String text) {
    return shipped().handle(TestingMessages.of(text, Channel.DIRECT, "U1", "D1"));
  }

  static Outcome channel(String text) {
    return shipped().handle(TestingMessages.of(text, Channel.CHANNEL, "U1", "C1"));
  }

  static Outcome command(String text) {
    return shipped().handle(TestingMessages.of(text, Channel.COMMAND, "U1", "C1"));
  }
}
