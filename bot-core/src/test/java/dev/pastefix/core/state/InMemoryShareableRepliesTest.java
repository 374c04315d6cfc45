package dev.pastefix.core.state;

class InMemoryShareableRepliesTest extends ShareableRepliesContract {
  @Override
  protected ShareableReplies store() {
    return new InMemoryShareableReplies(clock);
  }
}
