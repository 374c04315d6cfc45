package dev.pastefix.slack;

import dev.pastefix.core.Bot;
import dev.pastefix.core.Outcome;

/** The bot behind the loopback tests. */
final class Engines {
  private Engines() {}

  /** Until the engine lands: a stand-in that recognises one paste. */
  static Bot shipped() {
    return message -> {
      if (message.text().contains("concurrent shells for this tenant")) {
        return SampleReplies.answer("max-shells-tenant", title("max-shells-tenant"));
      }
      if (message.text().startsWith("check ")) {
        return SampleReplies.answer("dns", "DNS check");
      }
      return new Outcome.Silent("not sure");
    };
  }

  static String title(String entryId) {
    return "Title of " + entryId;
  }
}
