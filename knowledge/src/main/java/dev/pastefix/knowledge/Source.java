package dev.pastefix.knowledge;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where an entry comes from: the public URL of the article section (with its anchor), the row of
 * the section's table when the entry is one row of a table of causes, the files (seeds) it was read
 * from and the date of the text used.
 */
public record Source(
    URI url, String anchor, Optional<Integer> row, List<String> seeds, String textDate) {
  public Source {
    Objects.requireNonNull(url, "url");
    Checks.text(anchor, "anchor");
    Objects.requireNonNull(row, "row");
    row.ifPresent(
        r -> {
          if (r < 1) {
            throw new IllegalArgumentException("row must be 1 or more");
          }
        });
    seeds = Checks.list(seeds, "seeds");
    Checks.text(textDate, "textDate");
  }

  /** A source that is a whole section. */
  public Source(URI url, String anchor, List<String> seeds, String textDate) {
    this(url, anchor, Optional.empty(), seeds, textDate);
  }
}
