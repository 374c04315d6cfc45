package dev.pastefix.knowledge.importer;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.commonmark.node.Node;

/**
 * A problem found in an article: the section (and table row) it is read from, and its blocks by
 * part. A section that a table row's resolution points to carries that row too, so the row's error
 * text and cause join the section's steps.
 *
 * @param row the 1-based row of the section's table, for a problem that is one row of it
 * @param parts the section's blocks, each with the part it belongs to
 * @param rows table rows read as this problem (its own row, or rows that point to the section)
 * @param weak whether only the section's text (not its heading, a parent's or a table) says it is a
 *     problem: its code and emphasis are then examples rather than its own error texts
 */
record FoundProblem(
    String anchor,
    Optional<Integer> row,
    Bilingual title,
    List<PartBlock> parts,
    List<TableRow> rows,
    boolean headingNamesProblem,
    boolean weak) {
  FoundProblem {
    Objects.requireNonNull(anchor, "anchor");
    Objects.requireNonNull(row, "row");
    Objects.requireNonNull(title, "title");
    parts = List.copyOf(parts);
    rows = List.copyOf(rows);
  }

  /** A block of the section and the part of the problem it belongs to. */
  record PartBlock(Headings.Part part, Node node) {
    PartBlock {
      Objects.requireNonNull(part, "part");
      Objects.requireNonNull(node, "node");
    }
  }

  /** One row of a table of causes: its cells by role (the error, the cause, the resolution). */
  record TableRow(
      int index, Optional<Node> error, Optional<Node> cause, Optional<Node> resolution) {}

  /** The key that identifies this problem across versions of the article. */
  String key() {
    return anchor + row.map(r -> "#row" + r).orElse("");
  }
}
