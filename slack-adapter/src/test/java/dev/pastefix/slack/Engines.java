package dev.pastefix.slack;

import dev.pastefix.core.testing.TestingPipelines;

/** What the replies of the shipped knowledge show, for assertions on posts. */
final class Engines {
  private Engines() {}

  /** The title of a shipped entry: what a reply about it shows. */
  static String title(String entryId) {
    return TestingPipelines.knowledge().entry(entryId).orElseThrow().title();
  }
}
