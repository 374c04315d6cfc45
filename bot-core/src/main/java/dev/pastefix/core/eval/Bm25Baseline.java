package dev.pastefix.core.eval;

import dev.pastefix.core.Channel;
import dev.pastefix.core.Finding;
import dev.pastefix.core.Inbound;
import dev.pastefix.core.Outcome;
import dev.pastefix.core.Turn;
import dev.pastefix.core.pipeline.Pipeline;
import dev.pastefix.core.reply.Reply;
import dev.pastefix.knowledge.Entry;
import dev.pastefix.knowledge.KnowledgeBase;
import dev.pastefix.knowledge.Step;
import dev.pastefix.knowledge.Symptom;
import dev.pastefix.knowledge.Translation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The yardstick for answering from article text: a plain BM25 search over the same sections (each
 * entry's title, error texts, cause and steps with their translations as one document, lower-case
 * words without stop-words, no stemming, no vocabulary, no error-text matching). Addressed, it
 * always answers with its best section; in a channel it answers only when the best score reaches
 * {@link #CHANNEL_MIN_SCORE}. A step that answers everything itself ({@link #bot()} is a pipeline
 * of it alone). Immutable and thread-safe.
 */
public final class Bm25Baseline implements dev.pastefix.core.pipeline.Step {
  /** BM25 saturation and length normalisation, the usual defaults. */
  static final double K1 = 1.2;

  static final double B = 0.75;

  /**
   * The best score from which the baseline speaks in a channel: tuned on the curated knowledge's
   * labelled messages with its example phrasings removed, then used unchanged on other articles.
   */
  public static final double CHANNEL_MIN_SCORE = 14.0;

  private static final Set<String> STOP =
      Set.of(
          "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is",
          "it", "no", "not", "of", "on", "or", "such", "that", "the", "their", "then", "there",
          "these", "they", "this", "to", "was", "will", "with");

  private final List<String> ids = new ArrayList<>();
  private final List<Map<String, Integer>> docs = new ArrayList<>();
  private final int[] lengths;
  private final Map<String, Integer> df = new HashMap<>();
  private final double avgLength;

  public Bm25Baseline(KnowledgeBase kb) {
    for (Entry e : kb.entries()) {
      StringBuilder text = new StringBuilder(e.title()).append('\n').append(e.cause());
      for (Symptom s : e.symptoms()) {
        text.append('\n').append(s.source());
      }
      for (Step s : e.steps()) {
        text.append('\n').append(s.text());
        s.commands().forEach(c -> text.append('\n').append(c));
      }
      for (Translation t : e.translations().values()) {
        text.append('\n').append(t.title()).append('\n').append(t.cause());
        t.steps().forEach(s -> text.append('\n').append(s));
      }
      Map<String, Integer> tf = new HashMap<>();
      for (String w : words(text.toString())) {
        tf.merge(w, 1, Integer::sum);
      }
      ids.add(e.id());
      docs.add(tf);
      tf.keySet().forEach(w -> df.merge(w, 1, Integer::sum));
    }
    lengths = docs.stream().mapToInt(d -> d.values().stream().mapToInt(i -> i).sum()).toArray();
    double total = 0;
    for (int l : lengths) {
      total += l;
    }
    avgLength = lengths.length == 0 ? 1 : Math.max(1, total / lengths.length);
  }

  static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (!w.isEmpty() && !STOP.contains(w)) {
        out.add(w);
      }
    }
    return out;
  }

  /** The best section and its score, or empty when no word is shared. */
  record Best(String entryId, double score) {}

  Best best(String text) {
    double[] scores = new double[ids.size()];
    int n = ids.size();
    for (String w : new LinkedHashSet<>(words(text))) {
      Integer d = df.get(w);
      if (d == null) {
        continue;
      }
      double idf = Math.log(1 + (n - d + 0.5) / (d + 0.5));
      for (int i = 0; i < n; i++) {
        Integer tf = docs.get(i).get(w);
        if (tf != null) {
          scores[i] += idf * tf * (K1 + 1) / (tf + K1 * (1 - B + B * lengths[i] / avgLength));
        }
      }
    }
    int top = -1;
    for (int i = 0; i < n; i++) {
      if (scores[i] > 0 && (top < 0 || scores[i] > scores[top])) {
        top = i;
      }
    }
    return top < 0 ? new Best("", 0) : new Best(ids.get(top), scores[top]);
  }

  /** The baseline as a bot, to be scored like the engine. */
  public Pipeline bot() {
    return new Pipeline(List.of(this), ids::contains);
  }

  @Override
  public Turn apply(Inbound message, Chain next) {
    return Turn.of(message, answer(message));
  }

  private Outcome answer(Inbound message) {
    Best best = best(message.text());
    boolean speaks =
        !best.entryId().isEmpty()
            && (message.channel() != Channel.CHANNEL || best.score() >= CHANNEL_MIN_SCORE);
    if (!speaks) {
      return message.channel() == Channel.CHANNEL
          ? new Outcome.Silent("baseline below its threshold")
          : new Outcome.Unknown(
              List.of(), new Reply("no section shares a word", List.of(), List.of()));
    }
    return new Outcome.Answer(
        List.of(new Finding(best.entryId(), 1.0, List.of("BM25 " + best.score()))),
        new Reply(best.entryId(), List.of(), List.of()));
  }
}
