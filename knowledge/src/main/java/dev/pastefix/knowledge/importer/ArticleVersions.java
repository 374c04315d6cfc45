package dev.pastefix.knowledge.importer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The versions of one article (English and localized, older and newer), newest first: by the front
 * matter's dates, an undated version after every dated one, and on a tie the English text before a
 * translation.
 */
record ArticleVersions(List<Version> newestFirst) {
  ArticleVersions {
    newestFirst = List.copyOf(newestFirst);
    if (newestFirst.isEmpty()) {
      throw new IllegalArgumentException("an article needs at least one version");
    }
  }

  /** One file of the article and the drafts it gives, by problem key in document order. */
  record Version(ArticleFile file, List<Draft> drafts) {
    Version {
      drafts = List.copyOf(drafts);
    }

    Optional<Draft> draft(String key) {
      return drafts.stream().filter(d -> d.key().equals(key)).findFirst();
    }
  }

  static final Comparator<Version> NEWEST_FIRST =
      Comparator.<Version, LocalDate>comparing(
              v -> v.file().date().orElse(LocalDate.MIN), Comparator.reverseOrder())
          .thenComparing(v -> v.file().lang().equals("en") ? 0 : 1)
          .thenComparing(v -> v.file().name());

  static ArticleVersions of(List<Version> versions) {
    List<Version> sorted = new ArrayList<>(versions);
    sorted.sort(NEWEST_FIRST);
    return new ArticleVersions(sorted);
  }

  Version newest() {
    return newestFirst.get(0);
  }

  /** The file that names the article: the English original when there is one. */
  ArticleFile naming() {
    return newestFirst.stream()
        .map(Version::file)
        .filter(f -> f.lang().equals("en") && !f.outline().localized())
        .findFirst()
        .orElse(newest().file());
  }

  /** Every problem key of every version: the newest version's order, then the others'. */
  List<String> keys() {
    List<String> keys = new ArrayList<>();
    for (Version v : newestFirst) {
      for (Draft d : v.drafts()) {
        if (!keys.contains(d.key())) {
          keys.add(d.key());
        }
      }
    }
    return keys;
  }
}
