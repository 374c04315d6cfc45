package dev.pastefix.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.commonmark.ext.gfm.tables.TableBody;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.CustomNode;
import org.commonmark.node.Node;
import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md lists every environment variable the code reads, and nothing else: the main
 * sources of every module are scanned for the names, the page's table is parsed.
 */
class ConfigurationReferenceTest {
  static final Path PAGE = MarkdownPages.ROOT.resolve("docs/configuration.md");

  /** A string literal that is a whole variable name (a bare prefix such as "SLACK_" is not). */
  private static final Pattern NAME =
      Pattern.compile("\"((?:PASTEFIX|SLACK|DISCORD|TEAMS)_[A-Z0-9_]*[A-Z0-9])\"");

  static Set<String> namesInTheCode() throws IOException {
    Set<String> names = new TreeSet<>();
    try (Stream<Path> walk = Files.walk(MarkdownPages.ROOT)) {
      for (Path file :
          (Iterable<Path>)
              walk.filter(p -> p.toString().endsWith(".java"))
                      .filter(p -> p.toString().contains("/src/main/java/"))
                  ::iterator) {
        Matcher m = NAME.matcher(Files.readString(file, StandardCharsets.UTF_8));
        while (m.find()) {
          names.add(m.group(1));
        }
      }
    }
    // Secrets are also read from NAME_FILE, a name made from the secret's.
    for (String secret : SecretFiles.SECRETS) {
      names.add(secret + SecretFiles.SUFFIX);
    }
    return names;
  }

  /** The names in the first column of the page's tables. */
  static Set<String> namesOnThePage() {
    Set<String> names = new TreeSet<>();
    MarkdownPages.parse(PAGE)
        .accept(
            new AbstractVisitor() {
              @Override
              public void visit(CustomNode node) {
                if (node instanceof TableRow && node.getParent() instanceof TableBody) {
                  Node first = node.getFirstChild();
                  if (first instanceof TableCell) {
                    for (Node n = first.getFirstChild(); n != null; n = n.getNext()) {
                      if (n instanceof Code) {
                        names.add(((Code) n).getLiteral());
                      }
                    }
                  }
                  return;
                }
                visitChildren(node);
              }
            });
    return names;
  }

  @Test
  void listsExactlyTheVariablesTheCodeReads() throws Exception {
    Set<String> code = namesInTheCode();
    Set<String> page = namesOnThePage();
    Set<String> missing = new TreeSet<>(code);
    missing.removeAll(page);
    Set<String> extra = new TreeSet<>(page);
    extra.removeAll(code);

    assertTrue(code.size() > 30, "names found in the code: " + code);
    assertEquals(Set.of(), missing, "read by the code but not in docs/configuration.md");
    assertEquals(Set.of(), extra, "in docs/configuration.md but read nowhere");
  }

  @Test
  void findsNamesOnlyAsWholeStringLiterals() {
    Matcher m = NAME.matcher("env.get(\"PASTEFIX_LOG_LEVEL\") + \"SLACK_\" + PASTEFIX_X");
    assertTrue(m.find());
    assertEquals("PASTEFIX_LOG_LEVEL", m.group(1));
    assertTrue(!m.find(), "a bare prefix or an identifier is no variable name");
  }
}
