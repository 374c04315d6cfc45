package dev.pastefix.discord;

/**
 * Discord could not be started: a refused token, an unreachable platform, a gateway that never got
 * ready.
 */
public final class DiscordStartException extends Exception {
  private static final long serialVersionUID = 1L;

  DiscordStartException(String message) {
    super(message);
  }

  DiscordStartException(String message, Throwable cause) {
    super(message, cause);
  }
}
