package dev.pastefix.knowledge;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The loaded, validated knowledge base: the articles and their entries in file order. */
public final class KnowledgeBase {
  private final List<Article> articles;
  private final List<Entry> entries;
  private final Map<String, Entry> byId;
  private final Map<String, Article> articlesById;
  // Built on first use: the engine matches symptoms through its own index, and thousands of
  // compiled patterns would otherwise sit in memory unused.
  private volatile SymptomMatcher symptomMatcher;

  public KnowledgeBase(List<Article> articles, List<Entry> entries) {
    this.articles = List.copyOf(articles);
    this.entries = List.copyOf(entries);
    Map<String, Entry> index = new LinkedHashMap<>();
    for (Entry entry : this.entries) {
      if (index.putIfAbsent(entry.id(), entry) != null) {
        throw new IllegalArgumentException("duplicate entry id: " + entry.id());
      }
    }
    // Not Map.copyOf: ids that differ in a suffix have dense hash codes, which its table does
    // not spread, so its probes would grow with the number of entries.
    this.byId = Collections.unmodifiableMap(index);
    Map<String, Article> articleIndex = new LinkedHashMap<>();
    for (Article article : this.articles) {
      articleIndex.put(article.id(), article);
    }
    this.articlesById = Collections.unmodifiableMap(articleIndex);
  }

  public List<Article> articles() {
    return articles;
  }

  public List<Entry> entries() {
    return entries;
  }

  public Optional<Entry> entry(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  public Optional<Article> article(String id) {
    return Optional.ofNullable(articlesById.get(id));
  }

  /**
   * Up to {@code limit} entry ids closest to a mistyped or partial id: ids containing it (or
   * sharing its words) first, then by edit distance.
   */
  public List<String> closestIds(String query, int limit) {
    String q = query.strip().toLowerCase(java.util.Locale.ROOT);
    java.util.Set<String> words = java.util.Set.of(q.split("[^a-z0-9]+"));
    return entries.stream()
        .map(Entry::id)
        .sorted(
            java.util.Comparator.<String>comparingInt(
                    id -> {
                      int score = KnowledgeFileReader.distance(q, id);
                      if (!q.isEmpty() && (id.contains(q) || q.contains(id))) {
                        score -= 100;
                      }
                      for (String word : id.split("-")) {
                        if (words.contains(word)) {
                          score -= 10;
                        }
                      }
                      return score;
                    })
                .thenComparing(java.util.Comparator.naturalOrder()))
        .limit(limit)
        .toList();
  }

  /** The symptoms of every entry, compiled once, on the first call. */
  public SymptomMatcher symptomMatcher() {
    SymptomMatcher matcher = symptomMatcher;
    if (matcher == null) {
      // Two threads may both build one; they are equal and either may be kept.
      matcher = new SymptomMatcher(entries);
      symptomMatcher = matcher;
    }
    return matcher;
  }

  /** The article an entry comes from. */
  public Article articleOf(Entry entry) {
    Article article = articlesById.get(entry.articleId());
    if (article == null) {
      throw new IllegalStateException(
          "entry " + entry.id() + " names unknown article " + entry.articleId());
    }
    return article;
  }
}
