package dev.pastefix.knowledge.importer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableBody;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;

/**
 * Decides which sections of an article are problems. A section with Symptoms / Cause / Resolution
 * sub-headings is one problem; a table whose rows are causes, each with its resolution, is one
 * problem per row (a row whose resolution points to a section of the article joins that section); a
 * section whose heading or text names trouble and that says what to do is one; a table of contents,
 * an overview, "See also" and the like are not.
 */
final class ProblemFinder {
  private static final Pattern CMDLET = Pattern.compile("\\b[A-Z][a-z]+-[A-Z][A-Za-z]+\\b");

  private final HtmlText html;

  ProblemFinder(HtmlText html) {
    this.html = html;
  }

  /** The problems of the article, in document order. */
  List<FoundProblem> find(Outline outline) {
    Map<String, String> targets = new HashMap<>();
    Map<String, String> titles = new HashMap<>();
    for (Section s : outline.headings()) {
      targets.put(s.anchor(), s.anchor());
      String title = Headings.words(s.title().en());
      if (title.split(" ").length >= 2 && !Headings.notProblem(title)) {
        titles.putIfAbsent(title, s.anchor());
      }
      for (String alias : s.aliases()) {
        targets.putIfAbsent(alias, s.anchor());
        targets.putIfAbsent(alias.toLowerCase(Locale.ROOT), s.anchor());
      }
    }
    // Rows whose resolution points to another section of the article, by that section's anchor.
    Map<String, List<FoundProblem.TableRow>> pointed = new LinkedHashMap<>();
    Map<Section, List<FoundProblem.TableRow>> ownRows = new LinkedHashMap<>();
    for (Section s : outline.headings()) {
      for (Node block : s.blocks()) {
        for (FoundProblem.TableRow row : causeRows(block)) {
          // The section's problems are its table's rows, wherever they are answered.
          ownRows.computeIfAbsent(s, k -> new ArrayList<>());
          Optional<String> target =
              row.resolution()
                  .flatMap(cell -> pointsTo(cell, targets, titles))
                  .filter(a -> !a.equals(s.anchor()));
          if (target.isPresent()) {
            pointed.computeIfAbsent(target.get(), k -> new ArrayList<>()).add(row);
          } else {
            ownRows.computeIfAbsent(s, k -> new ArrayList<>()).add(row);
          }
        }
      }
    }
    // A row that repeats the error of a row pointing to a section is that section's problem too
    // (a table of common causes and a table of specific errors often list one problem twice).
    Map<String, Set<String>> targetsByText = new HashMap<>();
    pointed.forEach(
        (anchor, rows) -> {
          for (FoundProblem.TableRow row : rows) {
            for (String text : rowTexts(row)) {
              targetsByText.computeIfAbsent(text, k -> new LinkedHashSet<>()).add(anchor);
            }
          }
        });
    for (List<FoundProblem.TableRow> rows : ownRows.values()) {
      for (java.util.Iterator<FoundProblem.TableRow> it = rows.iterator(); it.hasNext(); ) {
        FoundProblem.TableRow row = it.next();
        Set<String> found = new LinkedHashSet<>();
        for (String text : rowTexts(row)) {
          found.addAll(targetsByText.getOrDefault(text, Set.of()));
        }
        if (found.size() == 1) {
          pointed.get(found.iterator().next()).add(row);
          it.remove();
        }
      }
    }
    List<FoundProblem> out = new ArrayList<>();
    for (Section top : outline.root().children()) {
      visit(top, false, pointed, ownRows, out);
    }
    return out;
  }

  private void visit(
      Section s,
      boolean inheritedCue,
      Map<String, List<FoundProblem.TableRow>> pointed,
      Map<Section, List<FoundProblem.TableRow>> ownRows,
      List<FoundProblem> out) {
    String title = s.title().en();
    if (Headings.notProblem(title)) {
      return;
    }
    boolean headingCue = Headings.problemWords(title);
    List<FoundProblem.TableRow> rowsHere = pointed.getOrDefault(s.anchor(), List.of());
    boolean partChildren =
        s.children().stream().anyMatch(c -> Headings.part(c.title().en()).isPresent());
    if (partChildren) {
      List<FoundProblem.PartBlock> parts = new ArrayList<>();
      for (Node block : meaningful(s.blocks())) {
        parts.add(new FoundProblem.PartBlock(Headings.Part.INTRO, block));
      }
      for (Section child : s.children()) {
        Optional<Headings.Part> part = Headings.part(child.title().en());
        if (part.isEmpty() && Headings.notProblem(child.title().en())) {
          continue;
        }
        Headings.Part p = part.orElse(Headings.Part.RESOLUTION);
        for (Node block : meaningful(child.allBlocks())) {
          parts.add(new FoundProblem.PartBlock(p, block));
        }
      }
      out.add(
          new FoundProblem(
              s.anchor(), Optional.empty(), s.title(), parts, rowsHere, headingCue, false));
      return;
    }
    List<FoundProblem.TableRow> rows = ownRows.getOrDefault(s, List.of());
    boolean causeTable = ownRows.containsKey(s);
    for (FoundProblem.TableRow row : rows) {
      out.add(
          new FoundProblem(
              s.anchor(),
              Optional.of(row.index()),
              s.title(),
              List.of(),
              List.of(row),
              false,
              false));
    }
    List<Node> own = meaningful(s.blocks());
    if (!causeTable && !own.isEmpty()) {
      boolean intro = s.level() == 1 && !s.children().isEmpty();
      boolean named = !rowsHere.isEmpty() || headingCue || inheritedCue;
      boolean problem =
          intro ? own.stream().anyMatch(this::alertWithCommand) : named || contentCue(own);
      if (problem && intro) {
        // An article's introduction is no problem; a note in it that names one and the cmdlet
        // for it is, titled by its sentence that names the trouble, not by the article's title.
        List<FoundProblem.PartBlock> parts = new ArrayList<>();
        Bilingual noteTitle = null;
        for (Node block : own) {
          if (alertWithCommand(block)) {
            parts.add(new FoundProblem.PartBlock(Headings.Part.INTRO, block));
            if (noteTitle == null) {
              noteTitle = troubleSentence(html.text(block));
            }
          }
        }
        out.add(
            new FoundProblem(
                s.anchor(), Optional.empty(), noteTitle, parts, rowsHere, true, false));
      } else if (problem) {
        List<FoundProblem.PartBlock> parts = new ArrayList<>();
        for (Node block : own) {
          parts.add(new FoundProblem.PartBlock(Headings.Part.INTRO, block));
        }
        out.add(
            new FoundProblem(
                s.anchor(), Optional.empty(), s.title(), parts, rowsHere, headingCue, !named));
      }
    } else if (!rowsHere.isEmpty()) {
      out.add(
          new FoundProblem(
              s.anchor(), Optional.empty(), s.title(), List.of(), rowsHere, false, false));
    }
    // The article's title names the article, not a problem its sections inherit.
    boolean childCue = s.level() > 1 && (inheritedCue || headingCue);
    for (Section child : s.children()) {
      visit(child, childCue, pointed, ownRows, out);
    }
  }

  /** The blocks worth reading: no tables of contents, no lone navigation links. */
  private List<Node> meaningful(List<Node> blocks) {
    List<Node> out = new ArrayList<>();
    for (Node block : blocks) {
      if (block instanceof ListBlock && tableOfContents((ListBlock) block)) {
        continue;
      }
      if (block instanceof Paragraph && onlyLink(block)) {
        continue;
      }
      if (html.text(block).isBlank()) {
        continue;
      }
      out.add(block);
    }
    return out;
  }

  private boolean tableOfContents(ListBlock list) {
    int items = 0;
    for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
      items++;
      Node first = item.getFirstChild();
      if (first == null || first.getNext() != null || !onlyLink(first)) {
        return false;
      }
    }
    return items >= 2;
  }

  /** A paragraph that holds one link and nothing else ("Back to top", a list of sections). */
  private boolean onlyLink(Node paragraph) {
    if (!(paragraph instanceof Paragraph)) {
      return false;
    }
    List<HtmlText.Anchor> links = html.links(paragraph);
    if (links.size() != 1) {
      return false;
    }
    String text = html.text(paragraph).en().strip();
    return text.equals(links.get(0).label().strip());
  }

  /** Text that names trouble and says what to do about it (a fix in words, steps or commands). */
  private boolean contentCue(List<Node> blocks) {
    boolean trouble = false;
    boolean fix = false;
    for (Node block : blocks) {
      if (block instanceof TableBlock) {
        // A table of data (versions, settings) names things; it is no account of trouble.
        continue;
      }
      String text = html.text(block).en();
      trouble |= TROUBLE.matcher(text).find();
      fix |=
          FIX_WORDS.matcher(text).find()
              || block instanceof org.commonmark.node.OrderedList
              || block instanceof org.commonmark.node.FencedCodeBlock
              || block instanceof org.commonmark.node.IndentedCodeBlock;
    }
    return trouble && fix;
  }

  /** Words of a text (not a heading) that name trouble; stricter than a heading's. */
  private static final Pattern TROUBLE =
      Pattern.compile(
          "(?i)\\b(errors?|fail(s|ed|ure|ures)?|cannot|can't|couldn't|could not|unable|denied"
              + "|invalid|exceed(s|ed)|time(s|d)? ?out|rejected|blocked|forbidden|stuck|crash(es|ed)?"
              + "|broken|corrupt(ed)?|(does not|doesn't|won't|isn't) (work|run|start|load|connect)"
              + "|not working)\\b");

  private static final Pattern FIX_WORDS =
      Pattern.compile(
          "(?i)\\b(to (resolve|fix|work around|avoid|prevent)|resolution|workaround|solution"
              + "|restart|reinstall|re-run|rerun|run the|make sure|ensure|verify|check that"
              + "|contact|collect|reset|remove|delete|update|install|enable|disable|configure)\\b");

  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?。])\\s+");

  /** The first sentence of a note that names trouble, with its translation when they pair up. */
  private static Bilingual troubleSentence(Bilingual note) {
    String[] en = SENTENCE_END.split(withoutAlertMarker(note.en()));
    String[] local = SENTENCE_END.split(withoutAlertMarker(note.local()));
    for (int i = 0; i < en.length; i++) {
      if (Headings.problemWords(en[i])) {
        String l = local.length == en.length ? local[i] : local[0];
        return new Bilingual(en[i].strip(), l.strip());
      }
    }
    return new Bilingual(en[0].strip(), local[0].strip());
  }

  private static String withoutAlertMarker(String text) {
    return DraftBuilder.oneLine(text.replaceFirst("^\\s*\\[![A-Za-z]+\\]", "")).strip();
  }

  /** An intro's note that names trouble and the cmdlet that deals with it. */
  private boolean alertWithCommand(Node block) {
    if (!(block instanceof BlockQuote)) {
      return false;
    }
    String text = html.text(block).en();
    if (!Headings.problemWords(text)) {
      return false;
    }
    for (String s : html.selected(block, "strong, b, code")) {
      if (CMDLET.matcher(s).find()) {
        return true;
      }
    }
    return false;
  }

  /** The cell roles of a table's header, by column. */
  private enum Role {
    ERROR,
    CAUSE,
    RESOLUTION,
    OTHER
  }

  private static Role role(String header) {
    String h = header.toLowerCase(Locale.ROOT);
    if (h.matches(".*\\b(resolution|solution|fix|workaround|action|what to do|remedy).*")) {
      return Role.RESOLUTION;
    }
    if (h.matches(".*\\b(cause|reason|problem|issue)s?\\b.*")) {
      return Role.CAUSE;
    }
    if (h.matches(".*\\b(error|message|symptom|code)s?\\b.*")) {
      return Role.ERROR;
    }
    return Role.OTHER;
  }

  /** The rows of a table of causes with resolutions; none for any other block. */
  List<FoundProblem.TableRow> causeRows(Node block) {
    if (!(block instanceof TableBlock)) {
      return List.of();
    }
    List<Role> roles = new ArrayList<>();
    List<List<TableCell>> body = new ArrayList<>();
    for (Node part = block.getFirstChild(); part != null; part = part.getNext()) {
      if (part instanceof TableHead) {
        Node headRow = part.getFirstChild();
        for (Node cell = headRow == null ? null : headRow.getFirstChild();
            cell != null;
            cell = cell.getNext()) {
          roles.add(role(html.text(cell).en()));
        }
      } else if (part instanceof TableBody) {
        for (Node row = part.getFirstChild(); row != null; row = row.getNext()) {
          List<TableCell> cells = new ArrayList<>();
          for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
            cells.add((TableCell) cell);
          }
          body.add(cells);
        }
      }
    }
    int resolution = roles.indexOf(Role.RESOLUTION);
    int cause = roles.indexOf(Role.CAUSE);
    int error = roles.indexOf(Role.ERROR);
    if (resolution < 0 || (cause < 0 && error < 0) || body.size() < 2) {
      return List.of();
    }
    List<FoundProblem.TableRow> rows = new ArrayList<>();
    for (int i = 0; i < body.size(); i++) {
      List<TableCell> cells = body.get(i);
      rows.add(
          new FoundProblem.TableRow(
              i + 1, cell(cells, error), cell(cells, cause), cell(cells, resolution)));
    }
    return rows;
  }

  private Optional<Node> cell(List<TableCell> cells, int index) {
    if (index < 0 || index >= cells.size() || html.text(cells.get(index)).isBlank()) {
      return Optional.empty();
    }
    return Optional.of(cells.get(index));
  }

  private List<String> rowTexts(FoundProblem.TableRow row) {
    List<String> texts = new ArrayList<>();
    row.error().ifPresent(c -> texts.add(Headings.words(html.text(c).en())));
    row.cause().ifPresent(c -> texts.add(Headings.words(html.text(c).en())));
    return texts;
  }

  /**
   * The section the cell points to: an in-page link, a link whose label is a section's title, or a
   * cell whose text names a section by its title ("Update DNS settings").
   */
  private Optional<String> pointsTo(
      Node cell, Map<String, String> targets, Map<String, String> titles) {
    for (HtmlText.Anchor link : html.links(cell)) {
      String byLabel = titles.get(Headings.words(link.label()));
      if (byLabel != null) {
        return Optional.of(byLabel);
      }
    }
    String text = Headings.words(html.text(cell).en().replace('\n', ' '));
    String named = titles.get(text);
    if (named != null) {
      return Optional.of(named);
    }
    for (HtmlText.Anchor link : html.links(cell)) {
      String href = link.href();
      int hash = href.indexOf('#');
      if (hash < 0) {
        continue;
      }
      String page = href.substring(0, hash);
      if (!page.isEmpty() && page.startsWith("http")) {
        continue;
      }
      String fragment = href.substring(hash + 1);
      String target = targets.get(fragment);
      if (target == null) {
        target = targets.get(fragment.toLowerCase(Locale.ROOT));
      }
      if (target != null) {
        return Optional.of(target);
      }
    }
    return Optional.empty();
  }
}
