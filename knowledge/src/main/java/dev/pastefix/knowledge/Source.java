package dev.pastefix.knowledge;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * Where an entry comes from: the public URL of the article section (with its anchor), the seed
 * files it was read from and the date of the text used.
 */
public record Source(URI url, String anchor, List<String> seeds, String textDate) {
  public Source {
    Objects.requireNonNull(url, "url");
    Checks.text(anchor, "anchor");
    seeds = Checks.list(seeds, "seeds");
    Checks.text(textDate, "textDate");
  }
}
