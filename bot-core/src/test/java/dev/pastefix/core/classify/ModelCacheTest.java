package dev.pastefix.core.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pastefix.knowledge.Article;
import dev.pastefix.knowledge.Entry;
import dev.pastefix.knowledge.KnowledgeBase;
import dev.pastefix.knowledge.Source;
import dev.pastefix.knowledge.Step;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelCacheTest {
  @TempDir Path dir;

  private static final List<String> BACKGROUND =
      List.of("lunch at noon anyone", "the printer on floor two is out of paper", "happy friday");

  /** An entry of {@code article} with a title, cause and step made from its id. */
  static Entry entry(String article, String id, String... examples) {
    return new Entry(
        id,
        article,
        "Problem " + id.replace('-', ' '),
        new Source(
            URI.create("https://learn.example.test/" + article + "#" + id),
            id,
            List.of(),
            "2021-03"),
        List.of(),
        "The cause of " + id.replace('-', ' ') + " is documented.",
        List.of(new Step("Fix the " + id.replace('-', ' ') + " setting.", List.of())),
        List.of(),
        List.of(),
        List.of(examples),
        List.of(),
        List.of(),
        Map.of(),
        Optional.empty());
  }

  static Article article(String id) {
    return new Article(
        id, "Article " + id, URI.create("https://learn.example.test/" + id), List.of(), List.of());
  }

  private static KnowledgeBase knowledge(String clockExample) {
    return new KnowledgeBase(
        List.of(article("sign-in")),
        List.of(
            entry("sign-in", "clock-skew", clockExample, "time differs from the server"),
            entry(
                "sign-in",
                "execution-policy",
                "running scripts is disabled on this system",
                "Set-ExecutionPolicy RemoteSigned")));
  }

  private static CategoryModel model(KnowledgeBase kb, ModelStore store) {
    return new CategoryModel(kb, new Featurizer(Lexicon.shipped()), BACKGROUND, store);
  }

  private List<Path> files() throws IOException {
    return modelFiles(dir);
  }

  private static List<Path> modelFiles(Path dir) throws IOException {
    try (var listing = Files.list(dir)) {
      return listing.filter(p -> p.toString().endsWith(".model")).sorted().toList();
    }
  }

  @Test
  void trainsOnceThenReadsTheSameModelFromTheCache() {
    KnowledgeBase kb = knowledge("sign-in fails because the clock is wrong");
    DirectoryModelStore store = new DirectoryModelStore(dir);

    CategoryModel trained = model(kb, store);
    CategoryModel cached = model(kb, store);

    assertEquals(1, trained.trainedShards());
    assertEquals(0, cached.trainedShards());
    String text = "my laptop clock is wrong and sign-in fails";
    assertEquals(trained.rank(text), cached.rank(text));
  }

  @Test
  void createsItsDirectoryAndFilesForTheBotsUserAlone() throws IOException {
    Path models = dir.resolve("data").resolve("models");
    DirectoryModelStore store = new DirectoryModelStore(models);

    model(knowledge("sign-in fails because the clock is wrong"), store);

    assertEquals(
        "rwx------",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(models)),
        "a model holds words of an administrator's own knowledge");
    for (Path file : modelFiles(models)) {
      assertEquals(
          "rw-------",
          PosixFilePermissions.toString(Files.getPosixFilePermissions(file)),
          file.toString());
    }
    assertEquals(1, modelFiles(models).size());
  }

  @Test
  void aModelCachedForOtherKnowledgeIsNotUsed() throws IOException {
    DirectoryModelStore store = new DirectoryModelStore(dir);
    CategoryModel first = model(knowledge("sign-in fails because the clock is wrong"), store);
    KnowledgeBase changed = knowledge("the clock of the pc is five minutes late");

    CategoryModel second = model(changed, store);

    assertEquals(1, second.trainedShards(), "a changed example means a new model");
    assertNotEquals(first.fingerprints(), second.fingerprints());
    assertEquals(2, files().size());
  }

  @Test
  void aCacheFileUnderAnotherKnowledgesNameIsNotTrusted() throws IOException {
    DirectoryModelStore store = new DirectoryModelStore(dir);
    KnowledgeBase original = knowledge("sign-in fails because the clock is wrong");
    KnowledgeBase changed = knowledge("the clock of the pc is five minutes late");
    String originalPrint = model(original, store).fingerprints().get(0);
    String changedPrint = model(changed, ModelStore.none()).fingerprints().get(0);
    // The original's model, copied to where the changed knowledge's model would be.
    Files.copy(store.file(originalPrint), store.file(changedPrint));

    CategoryModel again = model(changed, store);

    assertEquals(1, again.trainedShards());
    assertTrue(store.read(changedPrint).isPresent(), "rewritten for the right knowledge");
  }

  @Test
  void aCorruptCacheIsRebuilt() throws IOException {
    DirectoryModelStore store = new DirectoryModelStore(dir);
    KnowledgeBase kb = knowledge("sign-in fails because the clock is wrong");
    String print = model(kb, store).fingerprints().get(0);
    Path file = store.file(print);
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length / 2] ^= 0x5A;
    Files.write(file, bytes);

    CategoryModel rebuilt = model(kb, store);
    CategoryModel afterwards = model(kb, store);

    assertEquals(1, rebuilt.trainedShards(), "a damaged file is trained again");
    assertEquals(0, afterwards.trainedShards(), "and the rewritten file is read");
  }

  @Test
  void aTruncatedOrEmptyCacheIsRebuilt() throws IOException {
    DirectoryModelStore store = new DirectoryModelStore(dir);
    KnowledgeBase kb = knowledge("sign-in fails because the clock is wrong");
    String print = model(kb, store).fingerprints().get(0);
    Path file = store.file(print);
    byte[] bytes = Files.readAllBytes(file);

    Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 100));
    assertEquals(1, model(kb, store).trainedShards());
    Files.write(file, new byte[0]);
    assertEquals(1, model(kb, store).trainedShards());
  }

  @Test
  void anIntactFileWhoseModelDoesNotDecodeIsRebuilt() throws IOException {
    DirectoryModelStore store = new DirectoryModelStore(dir);
    KnowledgeBase kb = knowledge("sign-in fails because the clock is wrong");
    String print = model(kb, store).fingerprints().get(0);
    // Right header and checksum, but the bytes are not a model.
    Files.write(store.file(print), ModelFile.wrap(print, "not a model".getBytes()));

    assertEquals(1, model(kb, store).trainedShards());
    assertEquals(0, model(kb, store).trainedShards());
  }

  @Test
  void theShippedKnowledgesModelsAreInTheBuild() throws Exception {
    KnowledgeBase shipped = new dev.pastefix.knowledge.KnowledgeLoader().loadShipped();

    CategoryModel model = Analyser.categoryModel(shipped, new ShippedModels());

    assertEquals(0, model.trainedShards(), "process-classes writes them; see bot-core/pom.xml");
  }

  @Test
  void packsWholeArticlesIntoShards() {
    List<Article> articles = new ArrayList<>();
    List<Entry> entries = new ArrayList<>();
    int[] sizes = {20, 10, 5, 40};
    for (int a = 0; a < sizes.length; a++) {
      articles.add(article("a" + a));
      for (int e = 0; e < sizes[a]; e++) {
        entries.add(entry("a" + a, "a" + a + "-e" + e, "example " + e));
      }
    }

    List<List<Entry>> shards = CategoryModel.shards(new KnowledgeBase(articles, entries));

    int[] shardSizes = shards.stream().mapToInt(List::size).toArray();
    assertArrayEquals(new int[] {30, 5, 32, 8}, shardSizes);
  }
}
