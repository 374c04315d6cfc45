package dev.pastefix.app;

/** Exit codes of the command line, documented in the README. */
public final class ExitCodes {
  /** Success (for {@code diagnose}: an answer was found). */
  public static final int OK = 0;

  /** The command ran, but the result is negative (no finding, invalid knowledge, failed check). */
  public static final int NEGATIVE = 1;

  /** Wrong usage: unknown command, missing argument, unreadable file. */
  public static final int USAGE = 2;

  /** Settings or start-up problem (missing tokens, platform unreachable). */
  public static final int CONFIG = 3;

  private ExitCodes() {}
}
