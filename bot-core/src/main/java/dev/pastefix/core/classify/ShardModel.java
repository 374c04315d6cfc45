package dev.pastefix.core.classify;

import java.util.Arrays;
import java.util.Map;
import opennlp.tools.ml.maxent.GISModel;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.model.EvalParameters;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.ml.model.UniformPrior;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One shard's trained MaxEnt model in the form it is kept in memory: OpenNLP's parameters, and its
 * predicates as 64-bit hashes in a sorted array instead of OpenNLP's map from predicate strings.
 *
 * <p>The map costs about 150 bytes per predicate (the string, its bytes and a map entry); with a
 * hundred shards of a large knowledge base that was over 150 MB. A hash costs 8 bytes. The
 * probabilities are OpenNLP's own: the predicates found become an index context for {@link
 * GISModel#eval(int[], double[], EvalParameters)} with OpenNLP's uniform prior, the same sums in
 * the same order as {@link MaxentModel#eval(String[])}. Two predicates of one shard sharing a
 * 64-bit hash is about as likely as one in 10<sup>11</sup> for a shard of ten thousand; should it
 * happen, the first is kept and a warning logged. Immutable and thread-safe.
 */
final class ShardModel {
  private static final Logger LOG = LoggerFactory.getLogger(ShardModel.class);

  private final EvalParameters parameters;
  // Sorted; predicates[i] is the hash of the predicate whose parameters are parameters[i].
  private final long[] predicates;
  private final String[] outcomes;
  private final UniformPrior prior = new UniformPrior();

  private ShardModel(Context[] contexts, long[] predicates, String[] outcomes) {
    this.parameters = new EvalParameters(contexts, outcomes.length);
    this.predicates = predicates;
    this.outcomes = outcomes;
    prior.setLabels(outcomes, null);
  }

  /** The compact form of a model OpenNLP trained or read; the model itself is not kept. */
  static ShardModel of(MaxentModel model) {
    Object[] data = ((AbstractModel) model).getDataStructures();
    @SuppressWarnings("unchecked")
    Map<String, Context> byPredicate = (Map<String, Context>) data[1];
    String[] outcomes = ((String[]) data[2]).clone();
    int n = byPredicate.size();
    long[] hashes = new long[n];
    Context[] contexts = new Context[n];
    Integer[] order = new Integer[n];
    int i = 0;
    for (Map.Entry<String, Context> predicate : byPredicate.entrySet()) {
      hashes[i] = hash(predicate.getKey());
      contexts[i] = predicate.getValue();
      order[i] = i;
      i++;
    }
    Arrays.sort(order, (a, b) -> Long.compare(hashes[a], hashes[b]));
    long[] sorted = new long[n];
    Context[] sortedContexts = new Context[n];
    int kept = 0;
    for (int k = 0; k < n; k++) {
      long h = hashes[order[k]];
      if (kept > 0 && sorted[kept - 1] == h) {
        LOG.warn("two predicates of one categorizer model share a hash; one is left out");
        continue;
      }
      sorted[kept] = h;
      sortedContexts[kept] = contexts[order[k]];
      kept++;
    }
    return new ShardModel(
        Arrays.copyOf(sortedContexts, kept), Arrays.copyOf(sorted, kept), outcomes);
  }

  /**
   * A 64-bit hash of a predicate: FNV-1a over its UTF-16 units, then the SplitMix64 finaliser so
   * that predicates differing in their last characters land far apart.
   */
  static long hash(String predicate) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < predicate.length(); i++) {
      h ^= predicate.charAt(i);
      h *= 0x100000001b3L;
    }
    h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
    h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
    return h ^ (h >>> 31);
  }

  /** The probability of each outcome for a text given as hashed predicates (see {@link #hash}). */
  double[] eval(long[] context) {
    int[] found = new int[context.length];
    int n = 0;
    for (long predicate : context) {
      int at = Arrays.binarySearch(predicates, predicate);
      if (at >= 0) {
        found[n++] = at;
      }
    }
    int[] indices = Arrays.copyOf(found, n);
    double[] distribution = new double[outcomes.length];
    prior.logPrior(distribution, indices);
    return GISModel.eval(indices, distribution, parameters);
  }

  int outcomeCount() {
    return outcomes.length;
  }

  String outcome(int index) {
    return outcomes[index];
  }

  /** The index of {@code name} among the outcomes, or -1. */
  int outcomeIndex(String name) {
    for (int i = 0; i < outcomes.length; i++) {
      if (outcomes[i].equals(name)) {
        return i;
      }
    }
    return -1;
  }

  /** Number of predicates the model knows. */
  int predicateCount() {
    return predicates.length;
  }

  /** The hash of the {@code index}-th predicate, in ascending order of hashes. */
  long predicate(int index) {
    return predicates[index];
  }

  /** The outcomes the {@code index}-th predicate has a parameter for. */
  int[] outcomesOf(int index) {
    return parameters.getParams()[index].getOutcomes();
  }
}
