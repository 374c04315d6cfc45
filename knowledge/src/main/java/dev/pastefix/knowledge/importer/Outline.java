package dev.pastefix.knowledge.importer;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Document;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;

/**
 * The heading tree of one Markdown article, parsed by commonmark-java with GFM tables. Anchors are
 * computed as learn.microsoft.com computes them (see {@link #anchor(String)}); a localized version
 * keeps the anchor that its {@code <a name>} carries over from the English original, since its
 * visible headings are translations.
 */
final class Outline {
  private static final Parser PARSER =
      Parser.builder().extensions(List.of(TablesExtension.create())).build();

  private final Section root;
  private final boolean localized;

  private Outline(Section root, boolean localized) {
    this.root = root;
    this.localized = localized;
  }

  /** The text before the first heading, with every heading under it. */
  Section root() {
    return root;
  }

  /** Whether the article pairs translated text with the English original. */
  boolean localized() {
    return localized;
  }

  /** Every heading in document order (the root not included). */
  List<Section> headings() {
    List<Section> all = root.flatten();
    return all.subList(1, all.size());
  }

  static Outline parse(String markdown, HtmlText html) {
    Document document = (Document) PARSER.parse(markdown);
    boolean localized = false;
    for (Node n = document.getFirstChild(); n != null && !localized; n = n.getNext()) {
      localized = html.localized(n);
    }
    Section root = new Section(0, Bilingual.of(""), "");
    Deque<Section> open = new ArrayDeque<>();
    open.push(root);
    Map<String, Integer> seen = new HashMap<>();
    Node node = document.getFirstChild();
    while (node != null) {
      Node next = node.getNext();
      if (node instanceof Heading) {
        Heading heading = (Heading) node;
        Bilingual title = html.text(heading).map(t -> t.replace('\n', ' '));
        String computed = anchor(title.en());
        Optional<String> carried = localized ? html.explicitAnchor(heading) : Optional.empty();
        String base = carried.filter(Outline::looksComputed).orElse(computed);
        String anchor = unique(base, seen);
        Section section = new Section(heading.getLevel(), title, anchor);
        html.explicitAnchor(heading).ifPresent(section.aliases()::add);
        while (open.peek().level() >= heading.getLevel()) {
          open.pop();
        }
        open.peek().children().add(section);
        open.push(section);
      } else if (!(node instanceof HtmlBlock) || !html.text(node).isBlank()) {
        open.peek().blocks().add(node);
      } else {
        // An HTML block with no text is an <a name> marker or a comment: nothing to read, but
        // in-page links may point to the marker's name.
        html.explicitAnchor(node).ifPresent(open.peek().aliases()::add);
      }
      node = next;
    }
    return new Outline(root, localized);
  }

  /**
   * The anchor of a heading: its visible text in lower case, each space a hyphen, every other
   * character that is not a letter, a digit or a hyphen dropped.
   */
  static String anchor(String visible) {
    StringBuilder sb = new StringBuilder();
    String lower = visible.strip().toLowerCase(Locale.ROOT);
    lower
        .codePoints()
        .forEach(
            c -> {
              if (c == ' ') {
                sb.append('-');
              } else if (c == '-' || Character.isLetterOrDigit(c)) {
                sb.appendCodePoint(c);
              }
            });
    return sb.toString();
  }

  private static boolean looksComputed(String anchor) {
    return !anchor.isEmpty() && anchor.equals(anchor(anchor));
  }

  /** A repeated anchor gets -1, -2, ... in document order. */
  private static String unique(String base, Map<String, Integer> seen) {
    Integer count = seen.get(base);
    if (count == null) {
      seen.put(base, 0);
      return base;
    }
    String candidate;
    do {
      count++;
      candidate = base + "-" + count;
    } while (seen.containsKey(candidate));
    seen.put(base, count);
    seen.put(candidate, 0);
    return candidate;
  }
}
