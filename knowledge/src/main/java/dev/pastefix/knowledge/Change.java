package dev.pastefix.knowledge;

/**
 * What changed between versions of the article for this entry, with the seed or date where the
 * newer text appears: the newest text wins and the older one is kept as history.
 */
public record Change(String since, String text) {
  public Change {
    Checks.text(since, "since");
    Checks.text(text, "text");
  }
}
