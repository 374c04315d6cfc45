package dev.pastefix.knowledge;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * One source article: where it is published, which seed files hold its versions, and the lifecycle
 * notes that apply to every entry taken from it.
 */
public record Article(
    String id, String title, URI url, List<SeedFile> seeds, List<LifecycleNote> lifecycle) {
  public Article {
    Checks.text(id, "id");
    Checks.text(title, "title");
    Objects.requireNonNull(url, "url");
    seeds = Checks.list(seeds, "seeds");
    lifecycle = Checks.list(lifecycle, "lifecycle");
  }
}
