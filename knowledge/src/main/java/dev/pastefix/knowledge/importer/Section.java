package dev.pastefix.knowledge.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.commonmark.node.Node;

/**
 * One heading of an article with the blocks up to the next heading and the headings nested under
 * it; level 0 is the text before the first heading.
 */
final class Section {
  private final int level;
  private final Bilingual title;
  private final String anchor;
  private final List<Node> blocks = new ArrayList<>();
  private final List<Section> children = new ArrayList<>();
  private final java.util.Set<String> aliases = new java.util.LinkedHashSet<>();

  Section(int level, Bilingual title, String anchor) {
    this.level = level;
    this.title = Objects.requireNonNull(title, "title");
    this.anchor = Objects.requireNonNull(anchor, "anchor");
  }

  int level() {
    return level;
  }

  Bilingual title() {
    return title;
  }

  String anchor() {
    return anchor;
  }

  List<Node> blocks() {
    return blocks;
  }

  List<Section> children() {
    return children;
  }

  /** Explicit {@code <a name>} targets that in-page links may use for this section. */
  java.util.Set<String> aliases() {
    return aliases;
  }

  /** The blocks of this section and of every section under it, in document order. */
  List<Node> allBlocks() {
    List<Node> all = new ArrayList<>(blocks);
    for (Section child : children) {
      all.addAll(child.allBlocks());
    }
    return all;
  }

  /** This section and every section under it, in document order. */
  List<Section> flatten() {
    List<Section> all = new ArrayList<>();
    all.add(this);
    for (Section child : children) {
      all.addAll(child.flatten());
    }
    return all;
  }

  @Override
  public String toString() {
    return "#".repeat(Math.max(level, 0)) + " " + title.en() + " {#" + anchor + "}";
  }
}
