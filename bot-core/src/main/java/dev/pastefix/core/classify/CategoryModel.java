package dev.pastefix.core.classify;

import dev.pastefix.knowledge.Entry;
import dev.pastefix.knowledge.KnowledgeBase;
import dev.pastefix.knowledge.Step;
import dev.pastefix.knowledge.Symptom;
import dev.pastefix.knowledge.Translation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import opennlp.tools.doccat.BagOfWordsFeatureGenerator;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.ml.AbstractEventTrainer;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;

/**
 * An OpenNLP MaxEnt document categorizer trained at start-up from the knowledge base itself
 * (titles, causes, steps, symptoms, example phrasings and their translations) plus a hand-written
 * background corpus labelled {@value #NONE}, so that the model can say "not ours". Training takes a
 * few hundred milliseconds. {@link DocumentCategorizerME} is not thread-safe, so each thread gets
 * its own over the shared, immutable model.
 */
public final class CategoryModel {
  /** The category of messages that are none of the knowledge base's problems. */
  public static final String NONE = "none";

  /** GIS iterations; the corpus is small, so more buys nothing. */
  static final int ITERATIONS = 200;

  /** How many times an example phrasing counts: they are closest to what admins write. */
  static final int EXAMPLE_WEIGHT = 3;

  private final Featurizer featurizer;

  /** Empty when the knowledge base has no entries: then everything is "none". */
  private final java.util.Optional<DoccatModel> model;

  private final ThreadLocal<DocumentCategorizerME> categorizers;
  private final int samples;

  /** One score of the ranking. */
  public record Score(String category, double probability) {}

  public CategoryModel(KnowledgeBase kb, Featurizer featurizer, List<String> background) {
    this.featurizer = featurizer;
    List<DocumentSample> training = new ArrayList<>();
    for (Entry entry : kb.entries()) {
      addEntry(entry, training);
    }
    for (String line : background) {
      add(NONE, line, training);
    }
    this.samples = training.size();
    boolean anyEntry = training.stream().anyMatch(d -> !d.getCategory().equals(NONE));
    if (!anyEntry) {
      this.model = java.util.Optional.empty();
      this.categorizers = ThreadLocal.withInitial(() -> null);
      return;
    }
    try {
      TrainingParameters params = new TrainingParameters();
      params.put(TrainingParameters.ALGORITHM_PARAM, "MAXENT");
      params.put(TrainingParameters.CUTOFF_PARAM, 1);
      params.put(TrainingParameters.ITERATIONS_PARAM, ITERATIONS);
      params.put(TrainingParameters.THREADS_PARAM, 1);
      // In memory: the default two-pass indexer writes the events to a temporary file.
      params.put(
          AbstractEventTrainer.DATA_INDEXER_PARAM,
          AbstractEventTrainer.DATA_INDEXER_ONE_PASS_VALUE);
      DoccatFactory factory =
          new DoccatFactory(new FeatureGenerator[] {new BagOfWordsFeatureGenerator()});
      this.model =
          java.util.Optional.of(
              DocumentCategorizerME.train(
                  "mul", ObjectStreamUtils.createObjectStream(training), params, factory));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot train the categorizer", e);
    }
    DoccatModel trained = model.get();
    this.categorizers = ThreadLocal.withInitial(() -> new DocumentCategorizerME(trained));
  }

  private void addEntry(Entry entry, List<DocumentSample> training) {
    String id = entry.id();
    add(id, entry.title(), training);
    add(id, entry.cause(), training);
    for (Step step : entry.steps()) {
      add(id, step.text(), training);
    }
    for (Symptom symptom : entry.symptoms()) {
      if (symptom.literal()) {
        add(id, symptom.source(), training);
      } else {
        // The literal words a pattern requires carry its wording (often French or Korean).
        add(id, String.join(" ", RegexAnchor.runs(symptom.source())), training);
      }
    }
    for (int i = 0; i < EXAMPLE_WEIGHT; i++) {
      for (String example : entry.examples()) {
        add(id, example, training);
      }
    }
    for (String lang : entry.translations().keySet().stream().sorted().toList()) {
      Translation t = entry.translations().get(lang);
      add(id, t.title(), training);
      add(id, t.cause(), training);
      for (String step : t.steps()) {
        add(id, step, training);
      }
      for (int i = 0; i < EXAMPLE_WEIGHT; i++) {
        for (String example : t.examples()) {
          add(id, example, training);
        }
      }
    }
  }

  private void add(String category, String text, List<DocumentSample> training) {
    String[] features = featurizer.features(text);
    if (features.length > 0) {
      training.add(new DocumentSample(category, features));
    }
  }

  private static boolean finite(double[] values) {
    for (double v : values) {
      if (!Double.isFinite(v)) {
        return false;
      }
    }
    return true;
  }

  /** Number of training samples the model was built from. */
  public int samples() {
    return samples;
  }

  /** Every category with its probability, best first; empty text gives {@value #NONE} first. */
  public List<Score> rank(String text) {
    return rank(featurizer.features(text));
  }

  /** The ranking of normalised lower-case text whose concepts are already known. */
  public List<Score> rank(String lower, java.util.Set<String> concepts) {
    return rank(featurizer.features(lower, concepts));
  }

  private List<Score> rank(String[] features) {
    List<Score> scores = new ArrayList<>();
    if (features.length == 0) {
      scores.add(new Score(NONE, 1.0));
      return scores;
    }
    if (model.isEmpty()) {
      scores.add(new Score(NONE, 1.0));
      return scores;
    }
    DocumentCategorizerME categorizer = categorizers.get();
    double[] probabilities = categorizer.categorize(features);
    if (!finite(probabilities)) {
      // The exponentials overflowed: the model cannot say anything about this text.
      scores.add(new Score(NONE, 1.0));
      return scores;
    }
    for (int i = 0; i < probabilities.length; i++) {
      scores.add(new Score(categorizer.getCategory(i), probabilities[i]));
    }
    scores.sort(
        Comparator.comparingDouble(Score::probability).reversed().thenComparing(Score::category));
    return scores;
  }
}
