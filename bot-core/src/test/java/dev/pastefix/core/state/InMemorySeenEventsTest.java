package dev.pastefix.core.state;

class InMemorySeenEventsTest extends SeenEventsContract {
  @Override
  protected SeenEvents store() {
    return new InMemorySeenEvents(clock);
  }
}
