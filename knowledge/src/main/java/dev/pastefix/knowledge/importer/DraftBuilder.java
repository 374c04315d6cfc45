package dev.pastefix.knowledge.importer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableBody;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.ThematicBreak;

/**
 * Turns a found problem into a draft entry: the title, the cause, the steps with their commands
 * kept apart from the prose, the literal error texts the section shows (from quotes, code output,
 * emphasised phrases, quoted strings, error codes and table cells), links made absolute and the
 * limits the text states.
 */
final class DraftBuilder {
  /** Texts longer than this are cut at a sentence or word boundary. */
  static final int MAX_TEXT = 700;

  static final int MAX_STEPS = 15;

  /** The text of a step that is only a command. */
  static final String RUN = "Run: ";

  static final int MAX_SYMPTOMS = 10;
  static final int MAX_LINKS = 8;
  static final int MAX_FACTS = 4;

  private static final Pattern ERROR_WORDS =
      Pattern.compile(
          "(?i)\\b(errors?|exceptions?|fail(s|ed|ure)?|cannot|can't|can not|could ?n[o']t"
              + "|unable|denied|not found|not supported|invalid|unauthori[sz]ed|forbidden"
              + "|timed? ?out|exceeded|rejected|refused|disabled|unexpected|incompatible"
              + "|not available|unavailable|not allowed|not enabled|no connection|problem"
              + "|went wrong|ambiguous|locked|corrupt\\w*|missing|aborted?|blocked|not running"
              + "|returned \\w+|hresult|aadsts\\d+)\\b|0x[0-9a-f]{6,}");
  private static final Pattern CODE_TOKEN =
      Pattern.compile("(?i)\\b(0x[0-9a-f]{6,}|[a-z]{2,}\\d{4,}|\\d{4,})\\b");
  private static final Pattern IDENTIFIER = Pattern.compile("^[A-Z][a-z]+(?:[A-Z][a-z0-9]+){1,}$");
  private static final Pattern COMMAND_START =
      Pattern.compile(
          "^(?:[A-Z][a-z]+-[A-Z][A-Za-z0-9]+|\\$\\w+\\s*=|Import-Module|cd |sudo |[a-z]+\\.exe\\b"
              + "|kubectl |git |npm |pip |mvn |docker |systemctl |net |reg |winrm |sc |icacls )");
  private static final Pattern PROMPT =
      Pattern.compile("^(?:PS(?: [A-Za-z]:[^>]*)?>|\\$ |C:\\\\[^>]*>)\\s*");
  private static final Pattern PLACEHOLDER =
      Pattern.compile(
          "<[^<>]{1,40}>|\\[[A-Za-z _-]{1,30}\\]|\\{[A-Za-z _-]{1,30}\\}|\\.\\.\\.|…"
              + "|\\b[A-Z][a-z]+_[A-Z][a-z]+\\b|\\bxx+\\b");

  /**
   * Error phrases that every product prints: alone they name no problem, so they are never a
   * signature (a longer text that holds one still is).
   */
  private static final Set<String> COMMONPLACE =
      Set.of(
          "something went wrong",
          "an error occurred",
          "an error has occurred",
          "an unexpected error occurred",
          "an unexpected error has occurred",
          "unexpected error",
          "unknown error",
          "access is denied",
          "access denied",
          "permission denied",
          "file not found",
          "internal server error",
          "bad request",
          "request failed",
          "operation failed",
          "the operation failed",
          "please try again later",
          "try again later",
          "the request failed",
          "the operation timed out",
          "connection refused",
          "we ran into a problem",
          "an internal error occurred");

  private static final Pattern QUOTED = Pattern.compile("[\"“]([^\"“”]{6,200})[\"”]");
  private static final Pattern LIMIT =
      Pattern.compile(
          "(?i)\\b(up to|at most|a maximum of|maximum of|limit of|no more than|at least|after|more than"
              + "|less than|default(?:s)? (?:is|to|of)|by default,? [a-z ]{0,30}?)\\s+(\\d[\\d,.]*)\\s*"
              + "(minutes?|hours?|days?|seconds?|weeks?|months?|sessions?|connections?|shells?|users?"
              + "|items?|characters?|MB|GB|KB|TB|percent|%|times|results|jobs|instances|entries)\\b");
  private static final Pattern NAME_VALUE =
      Pattern.compile("^([A-Z][\\w ()/-]{2,40}):\\s+(\\S.{0,40})$");
  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=[A-Z\"'(])");

  private final HtmlText html;
  private final LinkResolver links;

  DraftBuilder(HtmlText html, LinkResolver links) {
    this.html = html;
    this.links = links;
  }

  /** The section's content as units, each with the part it belongs to. */
  private record Unit(Headings.Part part, Node node) {}

  Optional<Draft> build(FoundProblem problem) {
    List<Unit> units = units(problem.parts());
    Bilingual title = problem.title();
    List<Draft.StepDraft> steps = new ArrayList<>();
    List<Draft.FactDraft> facts = new ArrayList<>();
    Set<String> symptoms = new LinkedHashSet<>();
    // Candidates that name the problem (its heading, a row's cause) rather than quote an error.
    Set<String> named = new LinkedHashSet<>();
    List<Bilingual> causes = new ArrayList<>();

    // A row of a table of causes: its own cells first.
    for (FoundProblem.TableRow row : problem.rows()) {
      row.error().ifPresent(cell -> symptomsOfCell(cell, true, symptoms));
      row.cause()
          .ifPresent(
              cell -> {
                Set<String> texts = new LinkedHashSet<>();
                symptomsOfCell(cell, row.error().isEmpty(), texts);
                if (row.error().isEmpty()) {
                  named.addAll(texts);
                }
                symptoms.addAll(texts);
              });
      row.resolution().ifPresent(cell -> symptomsOfCell(cell, false, symptoms));
      row.cause().ifPresent(cell -> causes.add(html.text(cell).map(DraftBuilder::oneLine)));
      if (problem.row().isPresent()) {
        row.resolution().ifPresent(cell -> steps.addAll(stepsOfCell(cell)));
        Node titleCell = row.error().orElse(row.cause().orElse(null));
        if (titleCell != null) {
          title = html.text(titleCell).map(DraftBuilder::oneLine).map(DraftBuilder::shortTitle);
        }
      }
    }
    if (problem.headingNamesProblem() || problem.row().isEmpty()) {
      Set<String> described = new LinkedHashSet<>();
      headingSymptoms(problem.title().en(), symptoms, described, problem.headingNamesProblem());
      described.removeAll(symptoms);
      named.addAll(described);
      symptoms.addAll(described);
    }

    boolean hasResolution = units.stream().anyMatch(u -> u.part() == Headings.Part.RESOLUTION);
    boolean hasCause = units.stream().anyMatch(u -> u.part() == Headings.Part.CAUSE);
    List<Unit> rest = new ArrayList<>();
    // A section that only its text calls a problem shows examples, not its own error texts.
    Set<String> found = problem.weak() ? new LinkedHashSet<>() : symptoms;
    Node previous = null;
    for (Unit unit : units) {
      if (problem.weak() && shownAfterLeadIn(previous, unit.node())) {
        // "Users see:" and a code block or quote: the text itself says this is what is shown.
        symptomsOf(unit.node(), true, symptoms);
      }
      previous = unit.node();
      switch (unit.part()) {
        case SYMPTOM:
          symptomsOf(unit.node(), true, found);
          break;
        case CAUSE:
          symptomsOf(unit.node(), false, found);
          if (unit.node() instanceof Paragraph || unit.node() instanceof BlockQuote) {
            causes.add(html.text(unit.node()).map(DraftBuilder::oneLine));
          } else {
            rest.add(unit);
          }
          break;
        case RESOLUTION:
          symptomsOf(unit.node(), false, found);
          steps.addAll(steps(unit.node(), facts));
          break;
        default:
          symptomsOf(unit.node(), true, found);
          rest.add(unit);
      }
    }
    // Without Cause and Resolution parts, the first paragraph explains and the rest is the fix.
    boolean causeTaken = hasCause || !causes.isEmpty();
    List<Node> leftover = new ArrayList<>();
    for (Unit unit : rest) {
      if (!causeTaken && unit.node() instanceof Paragraph) {
        causes.add(html.text(unit.node()).map(DraftBuilder::oneLine));
        causeTaken = true;
        continue;
      }
      leftover.add(unit.node());
    }
    if (!hasResolution) {
      for (Node node : leftover) {
        steps.addAll(steps(node, facts));
      }
      if (steps.isEmpty() && !causes.isEmpty() && problem.row().isEmpty() && rest.size() == 1) {
        // A one-paragraph section: the paragraph is both what happens and what to do.
        steps.add(new Draft.StepDraft(causes.get(0), List.of()));
      }
    } else {
      for (Node node : leftover) {
        if (node instanceof ListBlock || node instanceof ListItem) {
          // Lists before the resolution hold facts ("Error code: 403") more often than steps.
          steps(node, facts);
        }
      }
    }
    Bilingual cause =
        causes.isEmpty() ? title.map(t -> t.endsWith(".") ? t : t + ".") : joinCause(causes);

    List<Draft.StepDraft> cleanSteps = new ArrayList<>();
    for (Draft.StepDraft step : steps) {
      if (step.text().en().isBlank()) {
        continue;
      }
      int last = cleanSteps.size() - 1;
      if (step.text().en().startsWith(RUN)
          && last >= 0
          && cleanSteps.get(last).commands().isEmpty()) {
        // A code block after its lead-in ("run the following command:") belongs to that step.
        cleanSteps.set(last, new Draft.StepDraft(cleanSteps.get(last).text(), step.commands()));
        continue;
      }
      if (cleanSteps.size() < MAX_STEPS) {
        cleanSteps.add(new Draft.StepDraft(step.text().map(DraftBuilder::cut), step.commands()));
      }
    }
    if (cleanSteps.isEmpty()) {
      return Optional.empty();
    }
    String allText =
        cause.en() + "\n" + String.join("\n", cleanSteps.stream().map(s -> s.text().en()).toList());
    facts.addAll(limits(allText));

    List<Draft.SymptomDraft> symptomDrafts = new ArrayList<>();
    for (String text : symptoms) {
      for (Draft.SymptomDraft sig : signatures(text)) {
        symptomDrafts.add(named.contains(text) ? sig.asNamed() : sig);
      }
    }
    List<Draft.SymptomDraft> unique = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (Draft.SymptomDraft s : symptomDrafts) {
      if (seen.add(s.literal() + norm(s.text())) && unique.size() < MAX_SYMPTOMS) {
        unique.add(s);
      }
    }
    List<Draft.LinkDraft> linkDrafts = links(problem, units);
    Map<String, Draft.FactDraft> factByName = new LinkedHashMap<>();
    for (Draft.FactDraft fact : facts) {
      if (factByName.size() < MAX_FACTS) {
        factByName.putIfAbsent(fact.name().toLowerCase(Locale.ROOT), fact);
      }
    }
    return Optional.of(
        new Draft(
            problem.anchor(),
            problem.row(),
            title.map(DraftBuilder::shortTitle),
            cause.map(DraftBuilder::cut),
            cleanSteps,
            unique,
            linkDrafts,
            List.copyOf(factByName.values())));
  }

  private static final Pattern LEAD_IN =
      Pattern.compile(
          "(?i)\\b(see|sees|receive|receives|get|gets|shows?|displays?|returns?|prints?|logs?"
              + "|errors?|messages?|fails? with|says?)\\b[^.]*:$");

  /** Whether {@code node} is a code block or quote that the paragraph before introduces. */
  private boolean shownAfterLeadIn(Node previous, Node node) {
    if (!(previous instanceof Paragraph)
        || !(node instanceof FencedCodeBlock
            || node instanceof IndentedCodeBlock
            || node instanceof BlockQuote)) {
      return false;
    }
    return LEAD_IN.matcher(html.text(previous).en().strip()).find();
  }

  // ---- parts ----

  /** Blocks, with inline labels (**Cause**, "- **Error**: ...", "Suggested actions:") applied. */
  private List<Unit> units(List<FoundProblem.PartBlock> parts) {
    List<Unit> units = new ArrayList<>();
    Headings.Part labelled = null;
    for (FoundProblem.PartBlock pb : parts) {
      Node node = pb.node();
      Headings.Part part = pb.part();
      if (part == Headings.Part.INTRO && labelled != null) {
        part = labelled;
      }
      Optional<Headings.Part> label = label(node);
      if (label.isPresent() && node instanceof Paragraph && labelOnly(node)) {
        if (pb.part() == Headings.Part.INTRO) {
          labelled = label.get();
        }
        continue;
      }
      if (node instanceof ListBlock && pb.part() == Headings.Part.INTRO) {
        boolean any = false;
        for (Node item = node.getFirstChild(); item != null; item = item.getNext()) {
          any |= label(item.getFirstChild()).isPresent();
        }
        if (any) {
          for (Node item = node.getFirstChild(); item != null; item = item.getNext()) {
            units.add(new Unit(label(item.getFirstChild()).orElse(part), item));
          }
          continue;
        }
      }
      units.add(new Unit(label.filter(l -> pb.part() == Headings.Part.INTRO).orElse(part), node));
    }
    return units;
  }

  /**
   * The part a paragraph's leading bold label names ("**Error**:", also inside localization spans),
   * or its whole text ending in ':', or a plain "Resolution: ..." prefix.
   */
  private Optional<Headings.Part> label(Node node) {
    if (!(node instanceof Paragraph)) {
      return Optional.empty();
    }
    Optional<String> lead = html.leadingEmphasis(node);
    if (lead.isPresent()) {
      Optional<Headings.Part> part = Headings.part(lead.get());
      if (part.isPresent()) {
        return part;
      }
    }
    String text = html.text(node).en();
    if (text.endsWith(":") && !text.contains("\n")) {
      return Headings.part(text);
    }
    return labelPrefix(text).flatMap(Headings::part);
  }

  /** The words before a leading colon, when they are few enough to be a label ("Error: ..."). */
  private static Optional<String> labelPrefix(String text) {
    int colon = text.indexOf(':');
    if (colon <= 0 || colon > 30) {
      return Optional.empty();
    }
    String prefix = text.substring(0, colon).strip();
    return words(prefix) <= 3 ? Optional.of(prefix) : Optional.empty();
  }

  /** The text after a paragraph's leading label ("Error: X" gives X), if it has one. */
  private Optional<String> afterLabel(Node node) {
    if (label(node).isEmpty()) {
      return Optional.empty();
    }
    String text = html.text(node).en();
    Optional<String> lead = html.leadingEmphasis(node);
    String rest =
        lead.filter(l -> Headings.part(l).isPresent())
            .map(l -> text.substring(l.length()))
            .orElse(text);
    rest = rest.strip();
    if (rest.startsWith(":")) {
      rest = rest.substring(1);
    } else if (lead.isEmpty() || Headings.part(lead.get()).isEmpty()) {
      int colon = rest.indexOf(':');
      rest = colon >= 0 ? rest.substring(colon + 1) : rest;
    }
    rest = rest.strip();
    return rest.isEmpty() ? Optional.empty() : Optional.of(rest);
  }

  /**
   * The paragraph's text without its leading label ("Resolution: X" gives X), in both languages.
   */
  private Bilingual unlabelled(Node node) {
    Bilingual text = html.text(node).map(DraftBuilder::oneLine);
    if (!(node instanceof Paragraph) || label(node).isEmpty() || labelOnly(node)) {
      return text;
    }
    return new Bilingual(
        withoutLead(text.en(), html.leadingEmphasis(node)),
        withoutLead(text.local(), html.leadingLocalEmphasis(node)));
  }

  private static String withoutLead(String text, Optional<String> lead) {
    String rest = text;
    if (lead.isPresent() && text.startsWith(lead.get()) && words(lead.get()) <= 3) {
      rest = text.substring(lead.get().length()).strip();
      rest = rest.startsWith(":") ? rest.substring(1) : rest;
    } else {
      Optional<String> prefix = labelPrefix(text);
      if (prefix.isPresent()) {
        rest = text.substring(text.indexOf(':') + 1);
      }
    }
    rest = rest.strip();
    return rest.isEmpty() ? text : rest;
  }

  private boolean labelOnly(Node paragraph) {
    return Headings.part(html.text(paragraph).en()).isPresent();
  }

  // ---- steps ----

  private List<Draft.StepDraft> steps(Node node, List<Draft.FactDraft> facts) {
    List<Draft.StepDraft> out = new ArrayList<>();
    if (node instanceof ListBlock) {
      for (Node item = node.getFirstChild(); item != null; item = item.getNext()) {
        out.addAll(item((ListItem) item, facts));
      }
    } else if (node instanceof ListItem) {
      out.addAll(item((ListItem) node, facts));
    } else if (node instanceof FencedCodeBlock || node instanceof IndentedCodeBlock) {
      CodeLines code = code(node);
      if (!code.commands().isEmpty()) {
        out.add(
            new Draft.StepDraft(Bilingual.of(firstLine(code.commands().get(0))), code.commands()));
      }
    } else if (node instanceof TableBlock) {
      for (Node part = node.getFirstChild(); part != null; part = part.getNext()) {
        if (part instanceof TableBody) {
          for (Node row = part.getFirstChild(); row != null; row = row.getNext()) {
            List<String> en = new ArrayList<>();
            List<String> local = new ArrayList<>();
            for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
              Bilingual t = html.text(cell).map(DraftBuilder::oneLine);
              if (!t.isBlank()) {
                en.add(t.en());
                local.add(t.local());
              }
            }
            if (!en.isEmpty()) {
              out.add(
                  new Draft.StepDraft(
                      new Bilingual(String.join(" — ", en), String.join(" — ", local)), List.of()));
            }
          }
        }
      }
    } else if (node instanceof ThematicBreak) {
      return out;
    } else {
      Bilingual text = unlabelled(node);
      if (!text.isBlank()) {
        out.add(new Draft.StepDraft(text, List.of()));
      }
    }
    return out;
  }

  private List<Draft.StepDraft> item(ListItem item, List<Draft.FactDraft> facts) {
    List<Draft.StepDraft> out = new ArrayList<>();
    List<String> en = new ArrayList<>();
    List<String> local = new ArrayList<>();
    List<String> commands = new ArrayList<>();
    List<Draft.StepDraft> nested = new ArrayList<>();
    for (Node child = item.getFirstChild(); child != null; child = child.getNext()) {
      if (child instanceof ListBlock) {
        nested.addAll(steps(child, facts));
      } else if (child instanceof FencedCodeBlock || child instanceof IndentedCodeBlock) {
        commands.addAll(code(child).commands());
      } else {
        Bilingual t =
            en.isEmpty() ? unlabelled(child) : html.text(child).map(DraftBuilder::oneLine);
        if (!t.isBlank()) {
          en.add(t.en());
          local.add(t.local());
        }
      }
    }
    Bilingual text = new Bilingual(String.join(" ", en), String.join(" ", local));
    Matcher nameValue = NAME_VALUE.matcher(text.en());
    boolean label = text.en().endsWith(":") && Headings.part(text.en()).isPresent();
    if (nested.isEmpty() && commands.isEmpty() && nameValue.matches()) {
      facts.add(new Draft.FactDraft(nameValue.group(1).strip(), trimEnd(nameValue.group(2))));
      return out;
    }
    if (!text.isBlank() && !label) {
      out.add(new Draft.StepDraft(text, commands));
    } else if (!commands.isEmpty()) {
      out.add(new Draft.StepDraft(Bilingual.of(firstLine(commands.get(0))), commands));
    }
    out.addAll(nested);
    return out;
  }

  private List<Draft.StepDraft> stepsOfCell(Node cell) {
    List<Draft.StepDraft> out = new ArrayList<>();
    Bilingual text = html.text(cell);
    String[] en = text.en().split("\n");
    String[] local = text.local().split("\n");
    for (int i = 0; i < en.length; i++) {
      String e = en[i].strip();
      String l = en.length == local.length ? local[i].strip() : e;
      if (!e.isEmpty()) {
        out.add(new Draft.StepDraft(new Bilingual(e, l.isEmpty() ? e : l), List.of()));
      }
    }
    return out;
  }

  /** The commands of a code block and the output lines it shows. */
  private record CodeLines(List<String> commands, List<String> output) {}

  private static CodeLines code(Node node) {
    String literal =
        node instanceof FencedCodeBlock
            ? ((FencedCodeBlock) node).getLiteral()
            : ((IndentedCodeBlock) node).getLiteral();
    String info =
        node instanceof FencedCodeBlock && ((FencedCodeBlock) node).getInfo() != null
            ? ((FencedCodeBlock) node).getInfo().strip().toLowerCase(Locale.ROOT)
            : "";
    List<String> lines = new ArrayList<>();
    for (String line : literal.split("\n")) {
      if (!line.isBlank()) {
        lines.add(line.stripTrailing());
      }
    }
    if (lines.isEmpty()) {
      return new CodeLines(List.of(), List.of());
    }
    boolean prompts = lines.stream().anyMatch(l -> PROMPT.matcher(l.strip()).find());
    if (prompts) {
      List<String> commands = new ArrayList<>();
      List<String> output = new ArrayList<>();
      for (String line : lines) {
        Matcher m = PROMPT.matcher(line.strip());
        if (m.find()) {
          String command = line.strip().substring(m.end()).strip();
          if (!command.isEmpty()) {
            commands.add(command);
          }
        } else {
          output.add(line.strip());
        }
      }
      return new CodeLines(commands, output);
    }
    boolean outputLike =
        info.matches("(output|console|text|txt|log|none|plaintext)")
            || (!COMMAND_START.matcher(lines.get(0).strip()).find()
                && ERROR_WORDS.matcher(String.join("\n", lines)).find());
    if (outputLike) {
      List<String> output = new ArrayList<>();
      for (String line : lines) {
        output.add(line.strip());
      }
      return new CodeLines(List.of(), output);
    }
    return new CodeLines(List.of(String.join("\n", lines).strip()), List.of());
  }

  // ---- symptoms ----

  private void symptomsOf(Node node, boolean symptomPart, Set<String> out) {
    if (node instanceof FencedCodeBlock || node instanceof IndentedCodeBlock) {
      for (String line : code(node).output()) {
        if (ERROR_WORDS.matcher(line).find()) {
          out.add(line);
        }
      }
      return;
    }
    if (node instanceof HtmlBlock || node instanceof ThematicBreak) {
      return;
    }
    boolean alert = node instanceof BlockQuote && alert(node);
    if (node instanceof BlockQuote && !alert && symptomPart) {
      for (String line : html.text(node).en().split("\n")) {
        out.add(line);
      }
    }
    if (node instanceof ListBlock || node instanceof ListItem || node instanceof BlockQuote) {
      for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
        if (!(node instanceof BlockQuote) || alert) {
          symptomsOf(child, symptomPart, out);
        } else if (child instanceof FencedCodeBlock || child instanceof IndentedCodeBlock) {
          symptomsOf(child, symptomPart, out);
        }
      }
      return;
    }
    if (node instanceof TableBlock) {
      for (String cell : html.selected(node, "td strong, td em, td b, td i")) {
        if (ERROR_WORDS.matcher(cell).find() || words(cell) >= 4) {
          out.add(cell);
        }
      }
      return;
    }
    if (!symptomPart) {
      return;
    }
    if (label(node).filter(p -> p == Headings.Part.SYMPTOM).isPresent()) {
      // "Error: <the message>": the label says what follows is the message, whatever its words.
      afterLabel(node).ifPresent(out::add);
    }
    for (String emphasised : html.selected(node, "em, strong, i, b")) {
      if (Headings.part(emphasised).isPresent()) {
        continue;
      }
      if (ERROR_WORDS.matcher(emphasised).find()) {
        out.add(emphasised);
      }
    }
    String text = html.text(node).en();
    Matcher quoted = QUOTED.matcher(text);
    while (quoted.find()) {
      if (words(quoted.group(1)) >= 2) {
        out.add(quoted.group(1));
      }
    }
    for (String code : html.selected(node, "code")) {
      String c = code.strip();
      if ((IDENTIFIER.matcher(c).matches() && ERROR_WORDS.matcher(splitCamel(c)).find())
          || CODE_TOKEN.matcher(c).matches()
          || (words(c) >= 3 && ERROR_WORDS.matcher(c).find() && !COMMAND_START.matcher(c).find())) {
        out.add(c);
      }
    }
  }

  private void symptomsOfCell(Node cell, boolean wholeCell, Set<String> out) {
    if (wholeCell) {
      for (String line : html.text(cell).en().split("\n")) {
        out.add(line);
      }
    }
    for (String emphasised : html.selected(cell, "strong, em, b, i")) {
      if (ERROR_WORDS.matcher(emphasised).find() || words(emphasised) >= 4) {
        out.add(emphasised);
      }
    }
    Matcher quoted = QUOTED.matcher(html.text(cell).en());
    while (quoted.find()) {
      if (words(quoted.group(1)) >= 3) {
        out.add(quoted.group(1));
      }
    }
  }

  /**
   * The error a heading names: "Error: X" gives X; a leading code gives the phrase after it (both
   * into {@code out}, as the product prints them); a heading that only describes the trouble goes
   * into {@code described}, a signature only while the section quotes no error of its own.
   */
  private static void headingSymptoms(
      String heading, Set<String> out, Set<String> described, boolean namesProblem) {
    String h = heading.strip();
    String lower = h.toLowerCase(Locale.ROOT);
    if (lower.startsWith("error:") || lower.startsWith("error -")) {
      out.add(h.substring(h.indexOf(lower.startsWith("error:") ? ':' : '-') + 1).strip());
      return;
    }
    if (CODE_TOKEN.matcher(h).find() && (ERROR_WORDS.matcher(h).find() || words(h) <= 3)) {
      out.add(h);
    }
    String[] words = h.split(" ");
    int i = 0;
    while (i < words.length && words[i].matches("\\d+")) {
      i++;
    }
    if (i > 0 && words.length - i >= 3) {
      out.add(String.join(" ", java.util.Arrays.asList(words).subList(i, words.length)));
      out.add(h);
    } else if (namesProblem && ERROR_WORDS.matcher(h).find() && words.length >= 4) {
      described.add(h);
    }
  }

  private boolean alert(Node quote) {
    String text = html.text(quote).en();
    return text.startsWith("[!");
  }

  /**
   * A candidate text as signatures: one for a short text; for a long message each of its sentences
   * that is specific enough, since which of them another section's message shares too is only known
   * once the article is read ({@link ArticleImporter} drops those).
   */
  static List<Draft.SymptomDraft> signatures(String candidate) {
    String s = stripEnds(oneLine(candidate));
    if (s.length() <= MAX_SIGNATURE) {
      return signature(s).map(List::of).orElse(List.of());
    }
    List<Draft.SymptomDraft> out = new ArrayList<>();
    Optional<String> lead = Optional.empty();
    for (String sentence : SENTENCE_END.split(s)) {
      String t = stripEnds(sentence);
      if (t.length() > MAX_SIGNATURE || REFERENCE.matcher(t).find()) {
        // A pointer to more reading ("For more information, see ...") is no part of the error.
        continue;
      }
      Optional<Draft.SymptomDraft> sig = signature(t);
      if (sig.isEmpty()) {
        continue;
      }
      if (lead.isEmpty()) {
        lead = Optional.of(SignatureOwnership.key(sig.get().text()));
        out.add(sig.get());
      } else {
        out.add(sig.get().following(lead.get()));
      }
    }
    return out;
  }

  /** Texts longer than this are split into sentences before they are signatures. */
  static final int MAX_SIGNATURE = 240;

  private static final Pattern REFERENCE =
      Pattern.compile("(?i)^(for (more|further) (information|details)|for details|see |https?:)");

  /**
   * A candidate text as a signature: trimmed of quotes and end punctuation, long and specific
   * enough, and a pattern where it shows a placeholder ("[Time]", "{GUID}", "...").
   */
  static Optional<Draft.SymptomDraft> signature(String candidate) {
    // A phrase that wraps in the source (an emphasis over a line break) is one line of text.
    String s = oneLine(candidate);
    s = stripEnds(s);
    if (s.length() > MAX_SIGNATURE) {
      return Optional.empty();
    }
    if (s.length() < 8 || s.startsWith("http") || s.startsWith("[!")) {
      return Optional.empty();
    }
    if (COMMONPLACE.contains(norm(s))) {
      return Optional.empty();
    }
    boolean specific = words(s) >= 3 || CODE_TOKEN.matcher(s).find() || s.contains("::");
    if (!specific) {
      return Optional.empty();
    }
    if (COMMAND_START.matcher(s).find()
        && s.matches(".*\\s-[A-Za-z]+.*")
        && !ERROR_WORDS.matcher(s).find()) {
      return Optional.empty();
    }
    Matcher placeholder = PLACEHOLDER.matcher(s);
    if (!placeholder.find()) {
      return Optional.of(new Draft.SymptomDraft(s, true));
    }
    StringBuilder regex = new StringBuilder();
    int at = 0;
    int longest = 0;
    placeholder.reset();
    while (placeholder.find()) {
      String literal = s.substring(at, placeholder.start());
      longest = Math.max(longest, literal.strip().length());
      regex.append(quote(literal)).append(".{0,80}?");
      at = placeholder.end();
    }
    String tail = s.substring(at);
    longest = Math.max(longest, tail.strip().length());
    regex.append(quote(tail));
    String pattern = regex.toString();
    while (pattern.endsWith(".{0,80}?")) {
      pattern = pattern.substring(0, pattern.length() - ".{0,80}?".length());
    }
    while (pattern.startsWith(".{0,80}?")) {
      pattern = pattern.substring(".{0,80}?".length());
    }
    if (longest < 8 || pattern.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(new Draft.SymptomDraft(pattern, false));
  }

  /** RE2 source matching {@code literal}, with any run of whitespace as {@code \s*}. */
  private static String quote(String literal) {
    StringBuilder sb = new StringBuilder();
    boolean space = false;
    for (int i = 0; i < literal.length(); i++) {
      char c = literal.charAt(i);
      if (Character.isWhitespace(c)) {
        space = true;
        continue;
      }
      if (space && sb.length() > 0) {
        sb.append("\\s*");
      }
      space = false;
      if (c < 0x80 && !Character.isLetterOrDigit(c)) {
        sb.append('\\');
      }
      sb.append(c);
    }
    return sb.toString();
  }

  private static String stripEnds(String text) {
    String s = text.strip();
    boolean changed = true;
    while (changed && !s.isEmpty()) {
      changed = false;
      char first = s.charAt(0);
      char last = s.charAt(s.length() - 1);
      if ("\"'“”‘’*_`«»".indexOf(first) >= 0) {
        s = s.substring(1).strip();
        changed = true;
      } else if ("\"'“”‘’*_`«».;:,".indexOf(last) >= 0) {
        s = s.substring(0, s.length() - 1).strip();
        changed = true;
      }
    }
    return s;
  }

  private static String splitCamel(String identifier) {
    return identifier.replaceAll("([a-z0-9])([A-Z])", "$1 $2");
  }

  private static int words(String text) {
    String s = text.strip();
    return s.isEmpty() ? 0 : s.split("\\s+").length;
  }

  // ---- links and facts ----

  private List<Draft.LinkDraft> links(FoundProblem problem, List<Unit> units) {
    Map<String, Draft.LinkDraft> out = new LinkedHashMap<>();
    List<Node> nodes = new ArrayList<>();
    for (Unit unit : units) {
      nodes.add(unit.node());
    }
    for (FoundProblem.TableRow row : problem.rows()) {
      row.cause().ifPresent(nodes::add);
      row.resolution().ifPresent(nodes::add);
    }
    for (Node node : nodes) {
      for (HtmlText.Anchor a : html.links(node)) {
        links
            .resolve(a.href())
            .ifPresent(
                uri -> {
                  if (out.size() < MAX_LINKS) {
                    out.putIfAbsent(uri.toString(), new Draft.LinkDraft(oneLine(a.label()), uri));
                  }
                });
      }
    }
    return List.copyOf(out.values());
  }

  static List<Draft.FactDraft> limits(String text) {
    List<Draft.FactDraft> out = new ArrayList<>();
    Matcher m = LIMIT.matcher(text);
    while (m.find()) {
      int start = Math.max(0, text.lastIndexOf('.', m.start()) + 1);
      int nl = text.lastIndexOf('\n', m.start());
      start = Math.max(start, nl + 1);
      String before = text.substring(start, m.start()).strip();
      String[] w = before.isEmpty() ? new String[0] : before.split("\\s+");
      String lead =
          String.join(" ", java.util.Arrays.asList(w).subList(Math.max(0, w.length - 5), w.length));
      String name = (lead + " " + m.group(1)).strip();
      name = stripEnds(name);
      if (name.isEmpty()) {
        continue;
      }
      out.add(new Draft.FactDraft(name, m.group(2) + " " + m.group(3)));
    }
    return out;
  }

  // ---- text ----

  private static Bilingual joinCause(List<Bilingual> causes) {
    List<String> en = new ArrayList<>();
    List<String> local = new ArrayList<>();
    for (Bilingual c : causes.subList(0, Math.min(3, causes.size()))) {
      en.add(c.en());
      local.add(c.local());
    }
    return new Bilingual(String.join(" ", en), String.join(" ", local));
  }

  static String oneLine(String text) {
    return HtmlText.collapse(text.replace('\n', ' '));
  }

  private static String firstLine(String text) {
    String line = text.strip();
    int nl = line.indexOf('\n');
    line = nl < 0 ? line : line.substring(0, nl);
    return RUN + (line.length() > 120 ? line.substring(0, 117) + "..." : line);
  }

  private static String trimEnd(String text) {
    return stripEnds(text);
  }

  static String shortTitle(String title) {
    String t = oneLine(title);
    if (t.length() <= 160) {
      return t;
    }
    return cut(t, 160);
  }

  static String cut(String text) {
    return cut(text, MAX_TEXT);
  }

  private static String cut(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int end = text.lastIndexOf(". ", max);
    if (end > max / 2) {
      return text.substring(0, end + 1);
    }
    int space = text.lastIndexOf(' ', max - 1);
    return text.substring(0, space > 0 ? space : max - 1) + "…";
  }

  static String norm(String text) {
    return oneLine(text).toLowerCase(Locale.ROOT);
  }
}
