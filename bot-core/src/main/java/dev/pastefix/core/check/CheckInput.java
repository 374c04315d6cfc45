package dev.pastefix.core.check;

import dev.pastefix.core.text.MessageFacts;
import java.util.Optional;

/**
 * What a check takes from a paste when an answer offers it as a "Run check" button: declared by
 * each check, so that the answer never guesses from the check's name.
 */
public enum CheckInput {
  /** The domain of the sign-in address, such as {@code contoso.com} (the DNS check). */
  SIGN_IN_DOMAIN,

  /** The sign-in address itself (guided checks: it tells them nothing is pasted yet). */
  SIGN_IN_ADDRESS,

  /** Nothing: the button runs the check without an argument. */
  NOTHING;

  /** The argument for this input found in a message's facts; empty when the paste has none. */
  public Optional<String> from(MessageFacts facts) {
    switch (this) {
      case SIGN_IN_DOMAIN:
        return facts.signInDomain();
      case SIGN_IN_ADDRESS:
        return facts.signInAddress();
      case NOTHING:
        return Optional.empty();
      default:
        throw new IllegalStateException("unknown check input " + this);
    }
  }
}
