package dev.pastefix.core.state;

class InMemoryPendingCheckStoreTest extends PendingCheckStoreContract {
  @Override
  protected PendingCheckStore store() {
    return new InMemoryPendingCheckStore(clock);
  }
}
