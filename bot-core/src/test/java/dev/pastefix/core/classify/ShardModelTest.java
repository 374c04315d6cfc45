package dev.pastefix.core.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pastefix.knowledge.Article;
import dev.pastefix.knowledge.Entry;
import dev.pastefix.knowledge.KnowledgeBase;
import dev.pastefix.knowledge.KnowledgeLoader;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import opennlp.tools.ml.maxent.io.BinaryGISModelReader;
import opennlp.tools.ml.model.MaxentModel;
import org.junit.jupiter.api.Test;

class ShardModelTest {
  private final Featurizer featurizer = new Featurizer(Lexicon.shipped());

  @Test
  void givesExactlyOpenNlpsProbabilitiesForTheShippedModel() throws Exception {
    KnowledgeBase shipped = new KnowledgeLoader().loadShipped();
    String print = Analyser.categoryModel(shipped, new ShippedModels()).fingerprints().get(0);
    byte[] bytes = new ShippedModels().read(print).orElseThrow();
    MaxentModel open =
        new BinaryGISModelReader(new DataInputStream(new ByteArrayInputStream(bytes))).getModel();
    ShardModel compact = ShardModel.of(open);

    List<String> texts = new ArrayList<>(Resources.lines("background.txt"));
    for (Entry entry : shipped.entries()) {
      texts.add(entry.title());
      texts.addAll(entry.examples());
      entry.translations().values().forEach(t -> texts.addAll(t.examples()));
    }
    texts.add("");
    texts.add("words the model never saw: zorblax quuxifier");
    texts.add("powershell powershell powershell session session limit");

    assertEquals(open.getNumOutcomes(), compact.outcomeCount());
    for (int i = 0; i < compact.outcomeCount(); i++) {
      assertEquals(open.getOutcome(i), compact.outcome(i));
    }
    for (String text : texts) {
      String[] features = featurizer.features(text);
      String[] labels = new String[features.length];
      long[] hashes = new long[features.length];
      for (int i = 0; i < features.length; i++) {
        labels[i] = "bow=" + features[i];
        hashes[i] = ShardModel.hash(labels[i]);
      }
      assertArrayEquals(open.eval(labels), compact.eval(hashes), 0.0, text);
    }
  }

  @Test
  void hashesOfTheShippedPredicatesAreDistinct() throws Exception {
    KnowledgeBase shipped = new KnowledgeLoader().loadShipped();
    Set<Long> hashes = new HashSet<>();
    Set<String> predicates = new HashSet<>();
    for (Entry entry : shipped.entries()) {
      for (String text : entry.examples()) {
        for (String feature : featurizer.features(text)) {
          if (predicates.add(feature)) {
            hashes.add(ShardModel.hash("bow=" + feature));
          }
        }
      }
    }
    assertEquals(predicates.size(), hashes.size());
    assertTrue(predicates.size() > 500, "enough predicates to mean something");
  }

  @Test
  void withManyShardsATextIsRankedByTheShardsThatShareItsWords() {
    // Five articles of twenty entries: five shards, more than rank one text.
    String[] products = {"gateway", "mailbox", "printer", "scanner", "firewall"};
    List<Article> articles = new ArrayList<>();
    List<Entry> entries = new ArrayList<>();
    for (String product : products) {
      articles.add(ModelCacheTest.article(product));
      for (int e = 0; e < 20; e++) {
        entries.add(
            ModelCacheTest.entry(
                product, product + "-e" + e, product + " fault" + e + " code" + e));
      }
    }
    CategoryModel model =
        new CategoryModel(
            new KnowledgeBase(articles, entries),
            featurizer,
            List.of("lunch at noon anyone", "happy friday"),
            ModelStore.none());

    assertEquals(5, model.shardCount());
    List<CategoryModel.Score> ranked = model.rank("the scanner shows fault7 code7 again");
    assertEquals("scanner-e7", ranked.get(0).category());
    assertTrue(
        ranked.stream()
            .map(CategoryModel.Score::category)
            .filter(c -> !c.equals(CategoryModel.NONE))
            .allMatch(c -> c.startsWith("scanner-")),
        "only the scanner's shard ranks it: " + ranked.subList(0, 5));
  }
}
