package dev.pastefix.core.state;

class InMemoryTrustedEndpointsTest extends TrustedEndpointsContract {
  @Override
  protected TrustedEndpoints store() {
    return new InMemoryTrustedEndpoints(clock);
  }
}
