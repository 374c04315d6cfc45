package dev.pastefix.core.classify;

import dev.pastefix.knowledge.InvalidKnowledgeException;
import dev.pastefix.knowledge.KnowledgeBase;
import dev.pastefix.knowledge.KnowledgeLoader;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Run by the build after compiling: trains the categorizer for the shipped knowledge and writes its
 * models where {@link ShippedModels} finds them on the classpath, so no start trains for the
 * knowledge pastefix ships with.
 */
public final class ShippedModelWriter {
  private ShippedModelWriter() {}

  /** {@code ShippedModelWriter CLASSES_DIR}: writes the models under the classes directory. */
  public static void main(String[] args) throws InvalidKnowledgeException, java.io.IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: ShippedModelWriter CLASSES_DIR");
    }
    Path dir = Path.of(args[0]).resolve(ShippedModels.FOLDER);
    Files.createDirectories(dir);
    try (var old = Files.list(dir)) {
      for (Path file : old.toList()) {
        Files.delete(file);
      }
    }
    KnowledgeBase kb = new KnowledgeLoader().loadShipped();
    // The directory is empty now, so every model is trained, and each is written as it is.
    CategoryModel model = Analyser.categoryModel(kb, new DirectoryModelStore(dir));
    System.out.println(
        "pastefix: "
            + model.shardCount()
            + " categorizer model(s) for the "
            + kb.entries().size()
            + " shipped entries written to "
            + dir);
  }
}
