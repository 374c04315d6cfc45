package dev.pastefix.core.classify;

import dev.pastefix.knowledge.Entry;
import dev.pastefix.knowledge.KnowledgeBase;
import dev.pastefix.knowledge.Step;
import dev.pastefix.knowledge.Symptom;
import dev.pastefix.knowledge.Translation;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import opennlp.tools.doccat.BagOfWordsFeatureGenerator;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.ml.AbstractEventTrainer;
import opennlp.tools.ml.maxent.io.BinaryGISModelReader;
import opennlp.tools.ml.maxent.io.BinaryGISModelWriter;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;
import opennlp.tools.util.Version;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OpenNLP MaxEnt document categorizers over the knowledge base (titles, causes, steps, symptoms,
 * example phrasings and their translations) plus a hand-written background corpus labelled {@value
 * #NONE}, so that a model can say "not ours".
 *
 * <p>The entries are split into shards of whole articles ({@value #SHARD_ENTRIES} entries at most),
 * one model each, so that training and evaluation grow with the shard, not with the whole base: the
 * shipped knowledge is one shard, and a text is ranked by the few shards that share its distinctive
 * words. Each shard's model is keyed by a fingerprint of everything it was trained on and read from
 * a {@link ModelStore} when one holds it; only missing shards are trained. Immutable and
 * thread-safe.
 */
public final class CategoryModel {
  private static final Logger LOG = LoggerFactory.getLogger(CategoryModel.class);

  /** The category of messages that are none of the knowledge base's problems. */
  public static final String NONE = "none";

  /** GIS iterations; the corpus is small, so more buys nothing. */
  static final int ITERATIONS = 200;

  /** How many times an example phrasing counts: they are closest to what admins write. */
  static final int EXAMPLE_WEIGHT = 3;

  /** Most entries of one shard; an article with more is split. The shipped base fits in one. */
  static final int SHARD_ENTRIES = 32;

  /** Shards that rank one text once there are more than this many. */
  static final int SHARDS_PER_TEXT = 3;

  /**
   * A word found in the entries of more than this share of the shards says nothing about which
   * shard a text belongs to, so it does not vote.
   */
  static final double SHARED_WORD_SHARE = 0.5;

  /** Bumped when the way samples become a model changes in a way the fingerprint cannot see. */
  static final String FORMAT = "shards/1";

  /** The feature prefix of OpenNLP's bag-of-words generator, which the models were trained on. */
  private static final String BOW = "bow=";

  /** Classes whose code decides what a sample's features are; their bytes go into fingerprints. */
  private static final List<Class<?>> FEATURE_CODE =
      List.of(
          CategoryModel.class,
          Featurizer.class,
          Lexicon.class,
          TermScanner.class,
          RegexAnchor.class);

  /** One model over some entries, the fingerprint it was trained for, and its "none" outcome. */
  private record Shard(ShardModel model, int none, String fingerprint, boolean trained) {}

  /**
   * Which shards' entries use each distinctive word: the hashes of the words in ascending order,
   * and the shards of {@code words[i]} at {@code shards[offsets[i]]} up to {@code shards[offsets[i
   * + 1]]}, in ascending order. Arrays, not a map: a large base has a million words, and a map
   * entry per word cost over 60 MB.
   */
  private record Router(long[] words, int[] offsets, int[] shards) {
    static final Router NONE = new Router(new long[0], new int[] {0}, new int[0]);
  }

  /** A text a shard is trained on, before it becomes features. */
  private record Text(String category, String text) {}

  private final Featurizer featurizer;
  private final List<Shard> shards;
  // Distinctive word features -> the shards whose entries use them (see SHARED_WORD_SHARE).
  private final Router router;
  private final int samples;

  /** One score of the ranking. */
  public record Score(String category, double probability) {}

  /** Trains every shard of {@code kb}, keeping nothing (tests and one-off tools). */
  public CategoryModel(KnowledgeBase kb, Featurizer featurizer, List<String> background) {
    this(kb, featurizer, background, ModelStore.none());
  }

  /**
   * The categorizer for {@code kb}: each shard read from {@code store} when it holds that shard's
   * fingerprint and the model decodes, else trained (in parallel) and written to {@code store}.
   */
  public CategoryModel(
      KnowledgeBase kb, Featurizer featurizer, List<String> background, ModelStore store) {
    this.featurizer = featurizer;
    List<List<Entry>> groups = shards(kb);
    byte[] common = commonFingerprint(background);
    List<List<Text>> texts = new ArrayList<>();
    List<String> fingerprints = new ArrayList<>();
    int count = 0;
    for (List<Entry> group : groups) {
      List<Text> shardTexts = new ArrayList<>();
      for (Entry entry : group) {
        addEntry(entry, shardTexts);
      }
      for (String line : background) {
        shardTexts.add(new Text(NONE, line));
      }
      texts.add(shardTexts);
      fingerprints.add(fingerprint(common, shardTexts));
      count += shardTexts.size();
    }
    this.samples = count;
    Shard[] built = new Shard[groups.size()];
    // Shards are independent, so they are read or trained side by side; each is deterministic.
    IntStream.range(0, built.length)
        .parallel()
        .forEach(
            i -> {
              String fp = fingerprints.get(i);
              Optional<MaxentModel> stored = store.read(fp).flatMap(bytes -> decode(fp, bytes));
              if (stored.isPresent()) {
                built[i] = shard(stored.get(), fp, false);
                return;
              }
              Optional<MaxentModel> model = train(texts.get(i));
              model.ifPresent(m -> store.write(fp, encode(m)));
              built[i] = model.map(m -> shard(m, fp, true)).orElse(null);
            });
    this.shards = Arrays.stream(built).filter(s -> s != null).toList();
    this.router = router(shards);
  }

  /**
   * The entries in shards: whole articles, in knowledge-base order, packed while they fit in
   * {@value #SHARD_ENTRIES}; an article with more entries is cut into pieces of that size.
   */
  static List<List<Entry>> shards(KnowledgeBase kb) {
    Map<String, List<Entry>> byArticle = new LinkedHashMap<>();
    for (Entry entry : kb.entries()) {
      byArticle.computeIfAbsent(entry.articleId(), a -> new ArrayList<>()).add(entry);
    }
    List<List<Entry>> shards = new ArrayList<>();
    List<Entry> current = new ArrayList<>();
    for (List<Entry> article : byArticle.values()) {
      if (!current.isEmpty() && current.size() + article.size() > SHARD_ENTRIES) {
        shards.add(current);
        current = new ArrayList<>();
      }
      for (Entry entry : article) {
        if (current.size() == SHARD_ENTRIES) {
          shards.add(current);
          current = new ArrayList<>();
        }
        current.add(entry);
      }
    }
    if (!current.isEmpty()) {
      shards.add(current);
    }
    return shards;
  }

  private void addEntry(Entry entry, List<Text> texts) {
    String id = entry.id();
    texts.add(new Text(id, entry.title()));
    texts.add(new Text(id, entry.cause()));
    for (Step step : entry.steps()) {
      texts.add(new Text(id, step.text()));
    }
    for (Symptom symptom : entry.symptoms()) {
      if (symptom.literal()) {
        texts.add(new Text(id, symptom.source()));
      } else {
        // The literal words a pattern requires carry its wording (often French or Korean).
        texts.add(new Text(id, String.join(" ", RegexAnchor.runs(symptom.source()))));
      }
    }
    for (int i = 0; i < EXAMPLE_WEIGHT; i++) {
      for (String example : entry.examples()) {
        texts.add(new Text(id, example));
      }
    }
    for (String lang : entry.translations().keySet().stream().sorted().toList()) {
      Translation t = entry.translations().get(lang);
      texts.add(new Text(id, t.title()));
      texts.add(new Text(id, t.cause()));
      for (String step : t.steps()) {
        texts.add(new Text(id, step));
      }
      for (int i = 0; i < EXAMPLE_WEIGHT; i++) {
        for (String example : t.examples()) {
          texts.add(new Text(id, example));
        }
      }
    }
  }

  /**
   * What every shard's fingerprint starts with: the format, the OpenNLP version, the training
   * parameters, the background corpus, the shipped concept lexicon and the code that makes
   * features. A new pastefix build that changes any of them retrains.
   */
  private static byte[] commonFingerprint(List<String> background) {
    MessageDigest digest = ModelFile.digest();
    update(digest, FORMAT);
    update(digest, Version.currentVersion().toString());
    update(digest, ITERATIONS + "/" + EXAMPLE_WEIGHT + "/cutoff=1/GIS");
    update(digest, String.valueOf(background.size()));
    background.forEach(line -> update(digest, line));
    List<String> concepts = Resources.lines("concepts.txt");
    update(digest, String.valueOf(concepts.size()));
    concepts.forEach(line -> update(digest, line));
    for (Class<?> code : FEATURE_CODE) {
      String name = code.getSimpleName() + ".class";
      try (InputStream in = code.getResourceAsStream(name)) {
        update(digest, name);
        digest.update(in == null ? new byte[0] : in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + name, e);
      }
    }
    return digest.digest();
  }

  private static String fingerprint(byte[] common, List<Text> texts) {
    MessageDigest digest = ModelFile.digest();
    digest.update(common);
    update(digest, String.valueOf(texts.size()));
    for (Text t : texts) {
      update(digest, t.category());
      update(digest, t.text());
    }
    return ModelFile.hex(digest.digest());
  }

  /** Length-prefixed, so that ("ab", "c") and ("a", "bc") differ. */
  private static void update(MessageDigest digest, String s) {
    byte[] bytes = ModelFile.utf8(s);
    digest.update(
        new byte[] {
          (byte) (bytes.length >>> 24),
          (byte) (bytes.length >>> 16),
          (byte) (bytes.length >>> 8),
          (byte) bytes.length
        });
    digest.update(bytes);
  }

  private Optional<MaxentModel> train(List<Text> texts) {
    List<DocumentSample> training = new ArrayList<>();
    boolean anyEntry = false;
    for (Text t : texts) {
      String[] features = featurizer.features(t.text());
      if (features.length > 0) {
        training.add(new DocumentSample(t.category(), features));
        anyEntry |= !t.category().equals(NONE);
      }
    }
    if (!anyEntry) {
      return Optional.empty();
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
      return Optional.of(
          DocumentCategorizerME.train(
                  "mul", ObjectStreamUtils.createObjectStream(training), params, factory)
              .getMaxentModel());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot train the categorizer", e);
    }
  }

  private static byte[] encode(MaxentModel model) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      new BinaryGISModelWriter((AbstractModel) model, out).persist();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode the categorizer", e);
    }
    return bytes.toByteArray();
  }

  /** The model in {@code bytes}, or empty (and a warning) when they do not decode into one. */
  private static Optional<MaxentModel> decode(String fingerprint, byte[] bytes) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      MaxentModel model = new BinaryGISModelReader(in).getModel();
      if (model.getIndex(NONE) < 0 || model.getNumOutcomes() < 2) {
        throw new IOException("the model has no '" + NONE + "' category");
      }
      return Optional.of(model);
    } catch (IOException | RuntimeException e) {
      LOG.warn(
          "stored model {} does not decode ({}); training it again", fingerprint, e.toString());
      return Optional.empty();
    }
  }

  private static Shard shard(MaxentModel model, String fingerprint, boolean trained) {
    ShardModel compact = ShardModel.of(model);
    return new Shard(compact, compact.outcomeIndex(NONE), fingerprint, trained);
  }

  /** Which shards' entries use each word, for the words used by at most half of the shards. */
  private static Router router(List<Shard> shards) {
    if (shards.size() <= SHARDS_PER_TEXT) {
      return Router.NONE;
    }
    long[][] marking = new long[shards.size()][];
    int pairs = 0;
    for (int s = 0; s < shards.size(); s++) {
      marking[s] = markingWords(shards.get(s));
      pairs += marking[s].length;
    }
    long[] all = new long[pairs];
    int n = 0;
    for (long[] words : marking) {
      System.arraycopy(words, 0, all, n, words.length);
      n += words.length;
    }
    Arrays.sort(all);
    long[] words = distinct(all);
    int[] counts = new int[words.length];
    for (long[] shardWords : marking) {
      for (long word : shardWords) {
        counts[Arrays.binarySearch(words, word)]++;
      }
    }
    // Words used by more than the share of shards say nothing about where a text belongs.
    int limit = (int) (shards.size() * SHARED_WORD_SHARE);
    int[] kept = new int[words.length];
    int keptWords = 0;
    for (int w = 0; w < words.length; w++) {
      kept[w] = counts[w] <= limit ? keptWords++ : -1;
    }
    long[] keptHashes = new long[keptWords];
    int[] offsets = new int[keptWords + 1];
    for (int w = 0; w < words.length; w++) {
      if (kept[w] >= 0) {
        keptHashes[kept[w]] = words[w];
        offsets[kept[w] + 1] = offsets[kept[w]] + counts[w];
      }
    }
    int[] users = new int[offsets[keptWords]];
    int[] filled = Arrays.copyOf(offsets, keptWords);
    for (int s = 0; s < marking.length; s++) {
      for (long word : marking[s]) {
        int w = kept[Arrays.binarySearch(words, word)];
        if (w >= 0) {
          users[filled[w]++] = s;
        }
      }
    }
    return new Router(keptHashes, offsets, users);
  }

  /** The hashes of the words that mark one of the shard's entries (not only {@value #NONE}). */
  private static long[] markingWords(Shard shard) {
    ShardModel model = shard.model();
    long[] out = new long[model.predicateCount()];
    int n = 0;
    for (int p = 0; p < model.predicateCount(); p++) {
      if (marksEntry(model.outcomesOf(p), shard.none())) {
        out[n++] = model.predicate(p);
      }
    }
    return Arrays.copyOf(out, n);
  }

  /** The distinct values of a sorted array. */
  private static long[] distinct(long[] sorted) {
    int n = 0;
    for (int i = 0; i < sorted.length; i++) {
      if (i == 0 || sorted[i] != sorted[i - 1]) {
        sorted[n++] = sorted[i];
      }
    }
    return Arrays.copyOf(sorted, n);
  }

  private static boolean marksEntry(int[] outcomes, int none) {
    for (int outcome : outcomes) {
      if (outcome != none) {
        return true;
      }
    }
    return false;
  }

  private static boolean finite(double[] values) {
    for (double v : values) {
      if (!Double.isFinite(v)) {
        return false;
      }
    }
    return true;
  }

  /** Number of training samples the shards were built from (before featurizing). */
  public int samples() {
    return samples;
  }

  /** Number of shards (models) the entries are split into. */
  public int shardCount() {
    return shards.size();
  }

  /** Number of shards this instance had to train because no store held them. */
  public int trainedShards() {
    return (int) shards.stream().filter(Shard::trained).count();
  }

  /** Fingerprints of the shards, in order: what a store keeps them under. */
  public List<String> fingerprints() {
    return shards.stream().map(Shard::fingerprint).toList();
  }

  /** Every category with its probability, best first; empty text gives {@value #NONE} first. */
  public List<Score> rank(String text) {
    return rank(featurizer.features(text));
  }

  /** The ranking of normalised lower-case text whose concepts are already known. */
  public List<Score> rank(String lower, Set<String> concepts) {
    return rank(featurizer.features(lower, concepts));
  }

  /**
   * With one shard, its model's distribution. With several, the entries of the shards that rank the
   * text, each with its shard's probability, and {@value #NONE} with the lowest probability any of
   * them gave it: the shard most sure the text is one of its entries speaks for "not ours".
   */
  private List<Score> rank(String[] features) {
    List<Score> scores = new ArrayList<>();
    if (features.length == 0 || shards.isEmpty()) {
      scores.add(new Score(NONE, 1.0));
      return scores;
    }
    long[] context = new long[features.length];
    for (int i = 0; i < features.length; i++) {
      context[i] = ShardModel.hash(BOW + features[i]);
    }
    double none = 1.0;
    for (int s : chosen(context)) {
      Shard shard = shards.get(s);
      double[] probabilities = shard.model().eval(context);
      if (!finite(probabilities)) {
        // The exponentials overflowed: this shard cannot say anything about this text.
        continue;
      }
      for (int i = 0; i < probabilities.length; i++) {
        if (i == shard.none()) {
          none = Math.min(none, probabilities[i]);
        } else {
          scores.add(new Score(shard.model().outcome(i), probabilities[i]));
        }
      }
    }
    scores.add(new Score(NONE, none));
    scores.sort(
        Comparator.comparingDouble(Score::probability).reversed().thenComparing(Score::category));
    return scores;
  }

  /**
   * The shards that rank a text: all of them when there are few; otherwise up to {@value
   * #SHARDS_PER_TEXT} of those whose entries share distinctive words with it, most first (a word
   * counts {@code 1/n} for each of the {@code n} shards using it), earlier shards first on a tie.
   */
  private int[] chosen(long[] context) {
    int n = shards.size();
    if (n <= SHARDS_PER_TEXT) {
      return IntStream.range(0, n).toArray();
    }
    double[] votes = new double[n];
    for (long word : context) {
      int w = Arrays.binarySearch(router.words(), word);
      if (w >= 0) {
        int from = router.offsets()[w];
        int to = router.offsets()[w + 1];
        for (int u = from; u < to; u++) {
          votes[router.shards()[u]] += 1.0 / (to - from);
        }
      }
    }
    int[] best = new int[SHARDS_PER_TEXT];
    int found = 0;
    for (int s = 0; s < n; s++) {
      if (votes[s] <= 0) {
        continue;
      }
      for (int k = 0; k < best.length; k++) {
        if (k == found || votes[s] > votes[best[k]]) {
          System.arraycopy(best, k, best, k + 1, best.length - k - 1);
          best[k] = s;
          found = Math.min(best.length, found + 1);
          break;
        }
      }
    }
    // Without a distinctive word, the first shard (the shipped knowledge) ranks the text alone:
    // a shard asked about a text it shares no word with still spreads its mass over its entries.
    return found == 0 ? new int[] {0} : Arrays.copyOf(best, found);
  }
}
