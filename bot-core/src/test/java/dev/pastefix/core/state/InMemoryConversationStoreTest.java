package dev.pastefix.core.state;

class InMemoryConversationStoreTest extends ConversationStoreContract {
  @Override
  protected ConversationStore store() {
    return new InMemoryConversationStore(clock);
  }
}
