package dev.pastefix.core.check;

/** The overall result of a check. */
public enum CheckStatus {
  /** Everything the check looks at is as it should be. */
  OK,
  /** The check found something to fix. */
  PROBLEM,
  /** The input was not what the check reads (not a domain name, not the command's output). */
  UNRECOGNISED
}
