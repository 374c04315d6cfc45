package dev.pastefix.core.classify;

import dev.pastefix.knowledge.Entry;
import dev.pastefix.knowledge.Fact;
import dev.pastefix.knowledge.KnowledgeBase;
import dev.pastefix.knowledge.Step;
import dev.pastefix.knowledge.Symptom;
import dev.pastefix.knowledge.Translation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Field-weighted retrieval (BM25F) over the text of each entry: its title, error texts, cause and
 * steps (with their translations) and its article's title, words and general administrator
 * vocabulary alike. It ranks entries for a message written in an admin's own words when the entry
 * has no example phrasings to learn from, and says how much of the message the best entry explains.
 * A background document (ordinary channel chatter) competes like an entry, so chat ranks it first.
 * Immutable and thread-safe.
 */
public final class SectionIndex {
  /** BM25 saturation: a word said three times is not three times the evidence. */
  static final double K1 = 1.2;

  /** BM25 length normalisation within each field. */
  static final double B = 0.75;

  /** Field weights: a title or an error text names the problem; a cause or a step describes it. */
  static final double TITLE_WEIGHT = 3.0;

  static final double SYMPTOM_WEIGHT = 2.5;
  static final double CAUSE_WEIGHT = 1.0;
  static final double STEP_WEIGHT = 0.7;
  static final double ARTICLE_WEIGHT = 0.5;

  private static final double[] WEIGHTS = {
    TITLE_WEIGHT, SYMPTOM_WEIGHT, CAUSE_WEIGHT, STEP_WEIGHT, ARTICLE_WEIGHT
  };

  /** The pseudo-entry of ordinary chatter. */
  static final String BACKGROUND = CategoryModel.NONE;

  /** One ranked entry: its BM25F score and the share of the message's word weight it explains. */
  public record Ranked(String entryId, double score, double coverage) {}

  private final List<String> ids = new ArrayList<>();
  // term -> documents using it and their saturated, weighted term frequency
  private final Map<String, int[]> postingDocs = new HashMap<>();
  private final Map<String, float[]> postingTf = new HashMap<>();
  private final Map<String, Double> idf = new HashMap<>();
  private final double unknownIdf;
  private final Lexicon vocabulary;

  SectionIndex(KnowledgeBase kb, Lexicon vocabulary, List<String> background) {
    this.vocabulary = vocabulary;
    List<List<List<String>>> docs = new ArrayList<>();
    for (Entry entry : kb.entries()) {
      ids.add(entry.id());
      docs.add(fields(entry, kb));
    }
    ids.add(BACKGROUND);
    List<List<String>> chatter = new ArrayList<>();
    List<String> words = new ArrayList<>();
    for (String line : background) {
      words.addAll(terms(line));
    }
    for (int f = 0; f < WEIGHTS.length; f++) {
      chatter.add(f == 2 ? words : List.of());
    }
    docs.add(chatter);
    double[] avg = new double[WEIGHTS.length];
    for (List<List<String>> doc : docs) {
      for (int f = 0; f < WEIGHTS.length; f++) {
        avg[f] += doc.get(f).size();
      }
    }
    for (int f = 0; f < WEIGHTS.length; f++) {
      avg[f] = Math.max(1, avg[f] / docs.size());
    }
    Map<String, Map<Integer, Double>> tf = new LinkedHashMap<>();
    for (int d = 0; d < docs.size(); d++) {
      List<List<String>> doc = docs.get(d);
      for (int f = 0; f < WEIGHTS.length; f++) {
        double norm = 1 - B + B * doc.get(f).size() / avg[f];
        for (String term : doc.get(f)) {
          tf.computeIfAbsent(term, t -> new LinkedHashMap<>())
              .merge(d, WEIGHTS[f] / norm, Double::sum);
        }
      }
    }
    int n = docs.size();
    for (Map.Entry<String, Map<Integer, Double>> e : tf.entrySet()) {
      int[] ds = new int[e.getValue().size()];
      float[] ts = new float[ds.length];
      int k = 0;
      for (Map.Entry<Integer, Double> p : e.getValue().entrySet()) {
        ds[k] = p.getKey();
        double t = p.getValue();
        ts[k] = (float) (t * (K1 + 1) / (t + K1));
        k++;
      }
      postingDocs.put(e.getKey(), ds);
      postingTf.put(e.getKey(), ts);
      idf.put(e.getKey(), idf(n, ds.length));
    }
    this.unknownIdf = idf(n, 0);
  }

  private static double idf(int n, int df) {
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /**
   * Whether some entry's own text uses {@code term} (a form as {@link SectionText} makes it), the
   * background chatter left aside.
   */
  boolean printed(String term) {
    int[] docs = postingDocs.get(term);
    if (docs == null) {
      return false;
    }
    // The background document is the last one.
    int background = ids.size() - 1;
    for (int d : docs) {
      if (d != background) {
        return true;
      }
    }
    return false;
  }

  /** The inverse document frequency of a term; a term no entry uses weighs most. */
  double idf(String term) {
    return idf.getOrDefault(term, unknownIdf);
  }

  /** The index over {@code kb} with the shipped vocabulary and background corpus. */
  public static SectionIndex of(KnowledgeBase kb) {
    return new SectionIndex(
        kb, new Lexicon(Resources.lines("vocabulary.txt")), Resources.lines("background.txt"));
  }

  private List<List<String>> fields(Entry entry, KnowledgeBase kb) {
    List<String> title = new ArrayList<>(terms(entry.title()));
    List<String> symptoms = new ArrayList<>();
    for (Symptom s : entry.symptoms()) {
      symptoms.addAll(
          terms(s.literal() ? s.source() : String.join(" ", RegexAnchor.runs(s.source()))));
    }
    List<String> cause = new ArrayList<>(terms(entry.cause()));
    for (Fact fact : entry.facts()) {
      cause.addAll(terms(fact.name() + " " + fact.value()));
    }
    List<String> steps = new ArrayList<>();
    for (Step step : entry.steps()) {
      steps.addAll(terms(step.text()));
      for (String command : step.commands()) {
        steps.addAll(terms(command));
      }
    }
    for (Translation t : entry.translations().values()) {
      title.addAll(terms(t.title()));
      cause.addAll(terms(t.cause()));
      for (String step : t.steps()) {
        steps.addAll(terms(step));
      }
    }
    List<String> article =
        kb.article(entry.articleId()).map(a -> terms(a.title())).orElse(List.of());
    return List.of(title, symptoms, cause, steps, article);
  }

  /**
   * The retrieval terms of a text: content words, Korean syllable pairs and vocabulary concepts.
   */
  List<String> terms(String text) {
    List<String> out = new ArrayList<>();
    String lower = text.toLowerCase(Locale.ROOT);
    for (String concept : vocabulary.find(lower)) {
      out.add("c:" + concept);
    }
    for (SectionText.Token token : SectionText.tokens(text)) {
      if (token.variable()) {
        continue;
      }
      String form = token.form();
      if (SectionText.isHangul(form.charAt(0))) {
        out.add(form);
        for (int i = 0; i + 1 < form.length(); i++) {
          out.add("k:" + form.substring(i, i + 2));
        }
      } else if (!SectionText.STOP.contains(form) && form.length() > 1) {
        out.add(form);
      }
    }
    return out;
  }

  /** Entries by score, best first (the background document included), at most {@code limit}. */
  public List<Ranked> rank(String text, int limit) {
    List<String> query = terms(text);
    Set<String> unique = new java.util.LinkedHashSet<>(query);
    double[] scores = new double[ids.size()];
    double[] matched = new double[ids.size()];
    double total = 0;
    for (String term : unique) {
      Double w = idf.get(term);
      if (w == null) {
        // A word no entry uses: part of the message nothing here explains.
        total += term.startsWith("k:") ? unknownIdf * 0.25 : unknownIdf;
        continue;
      }
      total += w;
      int[] ds = postingDocs.get(term);
      float[] ts = postingTf.get(term);
      for (int k = 0; k < ds.length; k++) {
        scores[ds[k]] += w * ts[k];
        matched[ds[k]] += w;
      }
    }
    List<Ranked> ranked = new ArrayList<>();
    for (int d = 0; d < ids.size(); d++) {
      if (scores[d] > 0) {
        ranked.add(new Ranked(ids.get(d), scores[d], total > 0 ? matched[d] / total : 0));
      }
    }
    ranked.sort((x, y) -> Double.compare(y.score(), x.score()));
    return ranked.size() > limit ? List.copyOf(ranked.subList(0, limit)) : List.copyOf(ranked);
  }
}
