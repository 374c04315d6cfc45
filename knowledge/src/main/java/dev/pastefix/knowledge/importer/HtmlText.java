package dev.pastefix.knowledge.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Node;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The text of parsed Markdown nodes, read through their HTML: the Markdown parser leaves inline
 * HTML (localization spans, {@code <br/>}, {@code <em>}) as raw tags, so each node is rendered and
 * the HTML read with jsoup. A localized version pairs every sentence as {@code <span
 * data-ttu-id>translation</span><span class="sxs-lookup">English</span>}: the English text drops
 * the first span of each pair, the local text the second.
 */
final class HtmlText {
  private final HtmlRenderer renderer =
      HtmlRenderer.builder().extensions(List.of(TablesExtension.create())).softbreak("\n").build();

  /** The node as a jsoup tree, in English and in the version's own language. */
  record Html(Element en, Element local) {}

  Html html(Node node) {
    Element body = Jsoup.parseBodyFragment(renderer.render(node)).body();
    Element en = body.clone();
    for (Element span : en.select("span[data-ttu-id]")) {
      Element next = span.nextElementSibling();
      if (next != null && next.hasClass("sxs-lookup")) {
        span.remove();
      }
    }
    Element local = body.clone();
    local.select("span.sxs-lookup").remove();
    return new Html(en, local);
  }

  /** The node's text, one line per line break, blank lines and {@code :::} markers dropped. */
  Bilingual text(Node node) {
    Html html = html(node);
    return new Bilingual(plain(html.en()), plain(html.local()));
  }

  /** The value of the first {@code <a name="...">} inside the node. */
  Optional<String> explicitAnchor(Node node) {
    Element body = Jsoup.parseBodyFragment(renderer.render(node)).body();
    Element a = body.selectFirst("a[name]");
    return a == null ? Optional.empty() : Optional.of(a.attr("name").strip());
  }

  /** Whether the node holds localization spans. */
  boolean localized(Node node) {
    return !Jsoup.parseBodyFragment(renderer.render(node))
        .body()
        .select("span.sxs-lookup")
        .isEmpty();
  }

  /** The English text of every element of the node that {@code cssQuery} selects. */
  List<String> selected(Node node, String cssQuery) {
    List<String> out = new ArrayList<>();
    for (Element e : html(node).en().select(cssQuery)) {
      String text = plain(e);
      if (!text.isBlank()) {
        out.add(text);
      }
    }
    return out;
  }

  /**
   * The English text of the emphasis ({@code strong}, {@code em}, {@code b}, {@code i}) the node's
   * text starts with: an inline label such as "**Error**:", also inside localization spans.
   */
  Optional<String> leadingEmphasis(Node node) {
    return leadingEmphasis(html(node).en());
  }

  /** The local-language text of the emphasis the node's translated text starts with. */
  Optional<String> leadingLocalEmphasis(Node node) {
    return leadingEmphasis(html(node).local());
  }

  private static Optional<String> leadingEmphasis(Element en) {
    Element first = en.selectFirst("strong, b, em, i");
    if (first == null) {
      return Optional.empty();
    }
    String lead = plain(first);
    return !lead.isEmpty() && plain(en).startsWith(lead) ? Optional.of(lead) : Optional.empty();
  }

  /** A link of the node: its label and its target as written. */
  record Anchor(String label, String href) {}

  List<Anchor> links(Node node) {
    List<Anchor> out = new ArrayList<>();
    for (Element a : html(node).en().select("a[href]")) {
      String label = plain(a);
      String href = a.attr("href").strip();
      if (!href.isEmpty()) {
        out.add(new Anchor(label.isBlank() ? href : label, href));
      }
    }
    return out;
  }

  static String plain(Element root) {
    StringBuilder sb = new StringBuilder();
    NodeTraversor.traverse(
        new NodeVisitor() {
          @Override
          public void head(org.jsoup.nodes.Node n, int depth) {
            if (n instanceof TextNode) {
              sb.append(((TextNode) n).getWholeText());
            } else if (n instanceof Element) {
              Element e = (Element) n;
              if (e.normalName().equals("br") || (e.isBlock() && sb.length() > 0)) {
                sb.append('\n');
              }
            }
          }

          @Override
          public void tail(org.jsoup.nodes.Node n, int depth) {
            if (n instanceof Element
                && ((Element) n).isBlock()
                && !((Element) n).normalName().equals("br")) {
              sb.append('\n');
            }
          }
        },
        root);
    List<String> lines = new ArrayList<>();
    for (String line : sb.toString().split("\n")) {
      String clean = collapse(line);
      // ":::image", ":::zone", ":::row" and the like are layout markers of docs-as-code
      // Markdown, never text a reader needs.
      if (!clean.isEmpty() && !clean.startsWith(":::")) {
        lines.add(clean);
      }
    }
    return String.join("\n", lines);
  }

  /** Whitespace runs (non-breaking spaces too) as one space, trimmed. */
  static String collapse(String text) {
    StringBuilder sb = new StringBuilder(text.length());
    boolean space = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || c == '\u00a0' || c == '\u200b') {
        space = sb.length() > 0;
      } else {
        if (space) {
          sb.append(' ');
          space = false;
        }
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
