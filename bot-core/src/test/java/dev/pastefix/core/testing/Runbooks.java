package dev.pastefix.core.testing;

import dev.pastefix.knowledge.Article;
import dev.pastefix.knowledge.Entry;
import dev.pastefix.knowledge.KnowledgeBase;
import dev.pastefix.knowledge.Source;
import dev.pastefix.knowledge.Step;
import dev.pastefix.knowledge.Symptom;
import dev.pastefix.knowledge.Translation;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Small runbooks written for tests that stand in for imported articles: entries with error texts, a
 * cause and steps but no example phrasings, as {@code kb import} writes them, under one article.
 */
public final class Runbooks {
  private Runbooks() {}

  /** An entry of the runbook {@code articleId}, learnt from its text alone. */
  public static Entry entry(
      String articleId,
      String id,
      String title,
      List<String> errors,
      String cause,
      List<Step> steps,
      Map<String, Translation> translations) {
    return new Entry(
        id,
        articleId,
        title,
        new Source(
            URI.create("https://runbooks.example.test/" + articleId + "#" + id),
            id,
            List.of(articleId + ".md"),
            "2024-05"),
        errors.stream().map(e -> Symptom.text("en", e)).toList(),
        cause,
        steps,
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        translations,
        Optional.empty());
  }

  /** As {@link #entry(String, String, String, List, String, List, Map)}, in English only. */
  public static Entry entry(
      String articleId,
      String id,
      String title,
      List<String> errors,
      String cause,
      List<Step> steps) {
    return entry(articleId, id, title, errors, cause, steps, Map.of());
  }

  /** The knowledge of one runbook titled {@code title}, holding {@code entries}. */
  public static KnowledgeBase knowledge(String articleId, String title, List<Entry> entries) {
    return new KnowledgeBase(
        List.of(
            new Article(
                articleId,
                title,
                URI.create("https://runbooks.example.test/" + articleId),
                List.of(),
                List.of())),
        entries);
  }
}
