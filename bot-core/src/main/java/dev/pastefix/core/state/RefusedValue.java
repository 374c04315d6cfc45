package dev.pastefix.core.state;

/**
 * A value the state refuses, such as one too long for its column: the request was wrong, the store
 * is fine. Never taken for an outage, so one bad request cannot send everyone's state to memory.
 */
public final class RefusedValue extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public RefusedValue(String message, Throwable cause) {
    super(message, cause);
  }

  public RefusedValue(String message) {
    super(message);
  }
}
