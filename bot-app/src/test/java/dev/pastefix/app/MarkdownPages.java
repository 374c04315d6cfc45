package dev.pastefix.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * The repository's Markdown pages read with commonmark-java: their links, their headings' anchors
 * as GitHub makes them, their code blocks. No regular expression over raw Markdown.
 */
final class MarkdownPages {
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  private static final Parser PARSER =
      Parser.builder()
          .extensions(List.of(TablesExtension.create()))
          .includeSourceSpans(IncludeSourceSpans.BLOCKS)
          .build();

  private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:.*");

  private final Map<Path, Set<String>> anchorCache = new HashMap<>();

  /** A link on a page: where it points and the line it is on. */
  record PageLink(Path page, int line, String destination) {
    @Override
    public String toString() {
      return ROOT.relativize(page) + ":" + line + ": (" + destination + ")";
    }
  }

  /** Every documentation page: the README, docs/, knowledge/README.md and deploy/. */
  static List<Path> pages() {
    List<Path> pages = new ArrayList<>();
    pages.add(ROOT.resolve("README.md"));
    pages.add(ROOT.resolve("knowledge/README.md"));
    for (String dir : List.of("docs", "deploy")) {
      Path base = ROOT.resolve(dir);
      if (!Files.isDirectory(base)) {
        continue;
      }
      try (Stream<Path> walk = Files.walk(base)) {
        walk.filter(p -> p.toString().endsWith(".md"))
            .filter(p -> !p.toString().contains("/target/"))
            .sorted()
            .forEach(pages::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return pages;
  }

  static Node parse(Path page) {
    try {
      return PARSER.parse(Files.readString(page, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<PageLink> links(Path page) {
    List<PageLink> links = new ArrayList<>();
    parse(page)
        .accept(
            new AbstractVisitor() {
              @Override
              public void visit(Link link) {
                links.add(new PageLink(page, line(link), link.getDestination()));
                visitChildren(link);
              }

              @Override
              public void visit(Image image) {
                links.add(new PageLink(page, line(image), image.getDestination()));
                visitChildren(image);
              }
            });
    return links;
  }

  /** The line of a node: its own source span, else its nearest block's. */
  static int line(Node node) {
    for (Node n = node; n != null; n = n.getParent()) {
      if (!n.getSourceSpans().isEmpty()) {
        return n.getSourceSpans().get(0).getLineIndex() + 1;
      }
    }
    return 0;
  }

  /** The contents of the page's fenced code blocks. */
  static List<String> codeBlocks(Path page) {
    List<String> blocks = new ArrayList<>();
    parse(page)
        .accept(
            new AbstractVisitor() {
              @Override
              public void visit(FencedCodeBlock block) {
                blocks.add(block.getLiteral());
              }
            });
    return blocks;
  }

  /** The anchors GitHub gives the page's headings, repeats numbered {@code -1}, {@code -2}. */
  Set<String> anchors(Path page) {
    return anchorCache.computeIfAbsent(
        page,
        p -> {
          Set<String> anchors = new LinkedHashSet<>();
          Map<String, Integer> seen = new HashMap<>();
          parse(p)
              .accept(
                  new AbstractVisitor() {
                    @Override
                    public void visit(Heading heading) {
                      String slug = slug(text(heading));
                      int n = seen.merge(slug, 1, Integer::sum) - 1;
                      anchors.add(n == 0 ? slug : slug + "-" + n);
                    }
                  });
          return anchors;
        });
  }

  /** A heading's text as GitHub reads it: text and inline code, without markup. */
  static String text(Node node) {
    StringBuilder out = new StringBuilder();
    node.accept(
        new AbstractVisitor() {
          @Override
          public void visit(Text text) {
            out.append(text.getLiteral());
          }

          @Override
          public void visit(Code code) {
            out.append(code.getLiteral());
          }

          @Override
          public void visit(SoftLineBreak softLineBreak) {
            out.append(' ');
          }
        });
    return out.toString();
  }

  /**
   * GitHub's heading anchor: lower case; letters, digits, marks, '-' and '_' kept, other
   * punctuation dropped; each space a '-'.
   */
  static String slug(String heading) {
    StringBuilder out = new StringBuilder();
    heading
        .strip()
        .toLowerCase(Locale.ROOT)
        .codePoints()
        .forEach(
            c -> {
              int type = Character.getType(c);
              if (c == ' ') {
                out.append('-');
              } else if (Character.isLetterOrDigit(c)
                  || c == '-'
                  || c == '_'
                  || type == Character.NON_SPACING_MARK
                  || type == Character.COMBINING_SPACING_MARK
                  || type == Character.ENCLOSING_MARK) {
                out.appendCodePoint(c);
              }
            });
    return out.toString();
  }

  /** What is wrong with a link, if anything: a missing file, a missing anchor. */
  java.util.Optional<String> problem(PageLink link) {
    String destination = link.destination();
    if (destination.isEmpty()) {
      return java.util.Optional.of("empty link");
    }
    if (SCHEME.matcher(destination).matches()) {
      return java.util.Optional.empty(); // https:, mailto: ... are not files of the repository
    }
    int hash = destination.indexOf('#');
    String file = hash < 0 ? destination : destination.substring(0, hash);
    String fragment = hash < 0 ? "" : destination.substring(hash + 1);
    Path target =
        file.isEmpty()
            ? link.page()
            : link.page()
                .getParent()
                .resolve(URLDecoder.decode(file, StandardCharsets.UTF_8))
                .normalize();
    if (!target.startsWith(ROOT)) {
      return java.util.Optional.of("points outside the repository: " + target);
    }
    if (!Files.exists(target)) {
      return java.util.Optional.of("no such file: " + ROOT.relativize(target));
    }
    if (!fragment.isEmpty()) {
      if (!target.toString().endsWith(".md") || Files.isDirectory(target)) {
        return java.util.Optional.of("an anchor into a file that is not a Markdown page");
      }
      String anchor = URLDecoder.decode(fragment, StandardCharsets.UTF_8);
      if (!anchors(target).contains(anchor)) {
        return java.util.Optional.of(
            "no heading '#"
                + anchor
                + "' in "
                + ROOT.relativize(target)
                + "; it has "
                + anchors(target));
      }
    }
    return java.util.Optional.empty();
  }
}
