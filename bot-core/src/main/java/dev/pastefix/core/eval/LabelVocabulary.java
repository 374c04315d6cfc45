package dev.pastefix.core.eval;

import dev.pastefix.knowledge.Entry;
import dev.pastefix.knowledge.KnowledgeBase;
import dev.pastefix.knowledge.importer.ArticleImporter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Names the bot's findings in the words of a labelled file. A file may label a message with an
 * entry id, or with {@code FILE#ANCHOR} (the article's file stem and the section's anchor), which
 * needs no knowledge of generated ids; a finding counts as that label when its entry was read from
 * that section. A label that is a shipped entry's id also names the entry read from the same
 * section (and table row) of the same article, so a file labelled for the shipped knowledge scores
 * knowledge imported from the articles alone.
 */
public final class LabelVocabulary implements UnaryOperator<String> {
  private final Map<String, String> labelById;

  private LabelVocabulary(Map<String, String> labelById) {
    this.labelById = labelById;
  }

  /**
   * The vocabulary of {@code labels} for the entries of {@code used}; {@code shipped}, when given,
   * maps shipped ids to the entries of {@code used} that share their section.
   */
  public static LabelVocabulary of(
      KnowledgeBase used, Optional<KnowledgeBase> shipped, Set<String> labels) {
    Map<String, String> labelById = new HashMap<>();
    for (Entry entry : used.entries()) {
      List<String> candidates = new ArrayList<>();
      candidates.add(entry.id());
      for (String file : entry.source().seeds()) {
        candidates.add(ArticleImporter.stem(file) + "#" + entry.source().anchor());
      }
      if (shipped.isPresent()) {
        for (Entry s : shipped.get().entries()) {
          if (s.source().anchor().equals(entry.source().anchor())
              && s.source().row().equals(entry.source().row())) {
            candidates.add(s.id());
          }
        }
      }
      for (String candidate : candidates) {
        if (labels.contains(candidate)) {
          labelById.put(entry.id(), candidate);
          break;
        }
      }
    }
    return new LabelVocabulary(labelById);
  }

  /** The label of a finding's entry id: the file's own word for it, or the id itself. */
  @Override
  public String apply(String entryId) {
    return labelById.getOrDefault(entryId, entryId);
  }
}
