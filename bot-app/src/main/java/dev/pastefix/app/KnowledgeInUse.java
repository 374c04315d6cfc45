package dev.pastefix.app;

import dev.pastefix.knowledge.KnowledgeBase;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The knowledge base the engine answering now was built from: replaced by every reload that is
 * swapped in, read by the entries metric and the readiness check.
 */
final class KnowledgeInUse {
  private final AtomicReference<KnowledgeBase> current;

  KnowledgeInUse(KnowledgeBase initial) {
    this.current = new AtomicReference<>(Objects.requireNonNull(initial, "initial"));
  }

  KnowledgeBase current() {
    return current.get();
  }

  int entries() {
    return current.get().entries().size();
  }

  void replace(KnowledgeBase next) {
    current.set(Objects.requireNonNull(next, "next"));
  }
}
