package dev.pastefix.knowledge;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Validates one knowledge file against the format of {@code knowledge/README.md} and builds its
 * records. Every problem is collected with its file, line, entry id and field path; a file with any
 * problem yields no records.
 */
final class KnowledgeFileReader {
  /** Larger files are refused unread: a knowledge file is a few hundred kilobytes at most. */
  static final int MAX_FILE_BYTES = 2 * 1024 * 1024;

  static final java.util.regex.Pattern ID =
      java.util.regex.Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  static final java.util.regex.Pattern LANG = java.util.regex.Pattern.compile("[a-z]{2}");
  static final java.util.regex.Pattern CHECK = java.util.regex.Pattern.compile("[a-z-]+");

  private static final Set<String> ROOT_FIELDS = Set.of("article", "entries");
  private static final Set<String> ARTICLE_FIELDS =
      Set.of("id", "title", "url", "seeds", "lifecycle");
  private static final Set<String> SEED_FIELDS = Set.of("file", "lang", "date");
  private static final Set<String> LIFECYCLE_FIELDS = Set.of("severity", "text", "link", "ours");
  private static final Set<String> ENTRY_FIELDS =
      Set.of(
          "id",
          "title",
          "source",
          "symptoms",
          "cause",
          "steps",
          "links",
          "facts",
          "examples",
          "changes",
          "lifecycle",
          "check",
          "translations");
  private static final Set<String> SOURCE_FIELDS =
      Set.of("url", "anchor", "row", "seeds", "textDate");
  private static final Set<String> SYMPTOM_FIELDS = Set.of("lang", "text", "pattern");
  private static final Set<String> STEP_FIELDS = Set.of("text", "commands");
  private static final Set<String> LINK_FIELDS = Set.of("label", "url");
  private static final Set<String> FACT_FIELDS = Set.of("name", "value", "ours");
  private static final Set<String> OUR_FACT_FIELDS = Set.of("name", "value");
  private static final Set<String> CHANGE_FIELDS = Set.of("since", "text", "seeds", "ours");

  /** A seed file's name ("002_a1dd14b3f0dbb564.txt"): provenance, never text for a reader. */
  static final java.util.regex.Pattern SEED_NAME =
      java.util.regex.Pattern.compile("\\d{3}_[0-9a-f]{16}\\.txt");

  /** The version a change holds from: a year, or a year and month. */
  static final java.util.regex.Pattern SINCE =
      java.util.regex.Pattern.compile("\\d{4}(-(0[1-9]|1[0-2]))?");

  private static final Set<String> TRANSLATION_FIELDS =
      Set.of("title", "cause", "steps", "examples");

  /** A validated file: its article and its entries with the line each starts on. */
  record ParsedFile(String file, Article article, int articleLine, List<ParsedEntry> entries) {
    ParsedFile {
      entries = List.copyOf(entries);
    }
  }

  /** A validated entry and where it is. */
  record ParsedEntry(Entry entry, String file, int line) {}

  private final YamlTreeReader yaml;

  KnowledgeFileReader(YamlTreeReader yaml) {
    this.yaml = yaml;
  }

  /** Validates one file's bytes; problems go to {@code problems}. */
  Optional<ParsedFile> read(String file, byte[] bytes, List<Problem> problems) {
    if (bytes.length > MAX_FILE_BYTES) {
      problems.add(
          Problem.ofFile(
              file,
              0,
              "is "
                  + bytes.length
                  + " bytes; a knowledge file may hold at most "
                  + MAX_FILE_BYTES));
      return Optional.empty();
    }
    Optional<String> text = decode(file, bytes, problems);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    Optional<YamlNode> root = yaml.read(file, text.get(), problems);
    if (root.isEmpty()) {
      return Optional.empty();
    }
    int before = problems.size();
    Optional<ParsedFile> parsed;
    try {
      parsed = new FileScope(file, problems).file(root.get());
    } catch (RuntimeException e) {
      // A validator bug must not hide the other files' problems or crash the command line.
      problems.add(Problem.ofFile(file, 0, "cannot be validated: " + e));
      parsed = Optional.empty();
    }
    // Report a file's problems top to bottom, whatever order the checks ran in.
    problems.subList(before, problems.size()).sort(Comparator.comparingInt(Problem::line));
    return parsed;
  }

  private static Optional<String> decode(String file, byte[] bytes, List<Problem> problems) {
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      problems.add(Problem.ofFile(file, 0, "is not UTF-8 text (a binary file?)"));
      return Optional.empty();
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    int line = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        line++;
      } else if (c < 0x20 && c != '\t' && c != '\r' || c == 0x7f) {
        problems.add(
            Problem.ofFile(
                file,
                line,
                String.format(
                    "holds the control character U+%04X; is it a binary file?", (int) c)));
        return Optional.empty();
      }
    }
    return Optional.of(text);
  }

  /** Where a problem is: the entry (when inside one) and the prefix of field paths. */
  private record Where(Optional<String> entryId, String prefix) {
    String path(String name) {
      return prefix + name;
    }

    Where child(String name) {
      return new Where(entryId, prefix + name + ".");
    }

    Where item(String name, int index) {
      return new Where(entryId, prefix + name + "[" + index + "].");
    }
  }

  /** Validation of one file; holds the file name and the shared problem list. */
  private static final class FileScope {
    private final String file;
    private final List<Problem> problems;

    FileScope(String file, List<Problem> problems) {
      this.file = file;
      this.problems = problems;
    }

    private void problem(Where where, String field, int line, String message) {
      problems.add(new Problem(file, line, where.entryId(), Optional.of(field), message));
    }

    Optional<ParsedFile> file(YamlNode root) {
      int before = problems.size();
      if (!(root instanceof YamlNode.Mapping)) {
        problems.add(
            Problem.ofFile(
                file,
                root.line(),
                "must be a mapping with 'article' and 'entries', found " + root.kind()));
        return Optional.empty();
      }
      YamlNode.Mapping top = (YamlNode.Mapping) root;
      Where none = new Where(Optional.empty(), "");
      known(top, none, ROOT_FIELDS);
      Optional<Article> article = Optional.empty();
      int articleLine = top.line();
      Optional<YamlNode.Member> articleMember = top.member("article");
      if (articleMember.isEmpty()) {
        problem(
            none, "article", top.line(), "is required (id, title and url of the source article)");
      } else {
        articleLine = articleMember.get().keyLine();
        article = mapping(articleMember.get().value(), none, "article").flatMap(m -> article(m));
      }
      String articleId = article.map(Article::id).orElse("?");
      Set<String> seedFiles = new TreeSet<>();
      article.ifPresent(a -> a.seeds().forEach(seed -> seedFiles.add(seed.file())));
      List<ParsedEntry> entries = new ArrayList<>();
      Optional<List<YamlNode>> items = list(top, "entries", none, true, true);
      if (items.isPresent()) {
        for (int i = 0; i < items.get().size(); i++) {
          YamlNode item = items.get().get(i);
          entry(item, i, articleId, seedFiles)
              .ifPresent(entry -> entries.add(new ParsedEntry(entry, file, item.line())));
        }
      }
      if (problems.size() != before || article.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(new ParsedFile(file, article.get(), articleLine, entries));
    }

    private Optional<Article> article(YamlNode.Mapping m) {
      int before = problems.size();
      Where where = new Where(Optional.empty(), "article.");
      known(m, where, ARTICLE_FIELDS);
      Optional<String> id = id(m, where);
      Optional<String> title = requiredText(m, "title", where);
      Optional<URI> url = url(m, "url", where, true, true);
      List<SeedFile> seeds = new ArrayList<>();
      List<YamlNode> seedNodes = list(m, "seeds", where, false, false).orElse(List.of());
      for (int i = 0; i < seedNodes.size(); i++) {
        Where at = where.item("seeds", i);
        String path = where.path("seeds[" + i + "]");
        mapping(seedNodes.get(i), where, path)
            .ifPresent(
                s -> {
                  known(s, at, SEED_FIELDS);
                  Optional<String> seedFile = requiredText(s, "file", at);
                  Optional<String> lang = lang(s, "lang", at);
                  Optional<String> date = requiredText(s, "date", at);
                  if (seedFile.isPresent() && lang.isPresent() && date.isPresent()) {
                    seeds.add(new SeedFile(seedFile.get(), lang.get(), date.get()));
                  }
                });
      }
      List<LifecycleNote> lifecycle = lifecycle(m, where);
      if (problems.size() != before) {
        return Optional.empty();
      }
      return Optional.of(new Article(id.get(), title.get(), url.get(), seeds, lifecycle));
    }

    private Optional<Entry> entry(
        YamlNode node, int index, String articleId, Set<String> articleSeeds) {
      int before = problems.size();
      Where anonymous = new Where(Optional.empty(), "entries[" + index + "].");
      Optional<YamlNode.Mapping> mapping = mapping(node, anonymous, "entries[" + index + "]");
      if (mapping.isEmpty()) {
        return Optional.empty();
      }
      YamlNode.Mapping m = mapping.get();
      Where where = rawId(m).isPresent() ? new Where(rawId(m), "") : anonymous;
      known(m, where, ENTRY_FIELDS);
      Optional<String> id = id(m, where);
      Optional<String> title = requiredText(m, "title", where);
      Optional<Source> source =
          member(m, "source", where, true)
              .flatMap(n -> mapping(n, where, where.path("source")))
              .flatMap(s -> source(s, where.child("source"), articleSeeds));
      List<Symptom> symptoms = symptoms(m, where);
      Optional<String> cause = requiredText(m, "cause", where);
      List<Step> steps = steps(m, where);
      List<Link> links = links(m, where);
      List<Fact> facts = facts(m, where);
      List<String> examples = texts(m, "examples", where);
      List<Change> changes = changes(m, where);
      List<LifecycleNote> lifecycle = lifecycle(m, where);
      Optional<String> check = check(m, where);
      Map<String, Translation> translations = translations(m, where, steps.size());
      if (problems.size() != before) {
        return Optional.empty();
      }
      try {
        return Optional.of(
            new Entry(
                id.get(),
                articleId,
                title.get(),
                source.get(),
                symptoms,
                cause.get(),
                steps,
                links,
                facts,
                examples,
                changes,
                lifecycle,
                translations,
                check));
      } catch (RuntimeException e) {
        problem(where, where.path("id"), m.line(), "cannot be built: " + e.getMessage());
        return Optional.empty();
      }
    }

    /** The entry's id as written, before it is validated: it names the entry in problems. */
    private static Optional<String> rawId(YamlNode.Mapping m) {
      return m.member("id")
          .map(YamlNode.Member::value)
          .filter(v -> v instanceof YamlNode.Scalar && !((YamlNode.Scalar) v).isNull())
          .map(v -> ((YamlNode.Scalar) v).text().trim())
          .filter(s -> !s.isEmpty());
    }

    private List<Link> links(YamlNode.Mapping m, Where where) {
      List<Link> links = new ArrayList<>();
      eachMapping(
          m,
          "links",
          where,
          (link, at) -> {
            known(link, at, LINK_FIELDS);
            Optional<String> label = requiredText(link, "label", at);
            Optional<URI> url = url(link, "url", at, true);
            if (label.isPresent() && url.isPresent()) {
              links.add(new Link(label.get(), url.get()));
            }
          });
      return links;
    }

    private List<Fact> facts(YamlNode.Mapping m, Where where) {
      List<Fact> facts = new ArrayList<>();
      eachMapping(
          m,
          "facts",
          where,
          (fact, at) -> {
            known(fact, at, FACT_FIELDS);
            Optional<String> name = requiredText(fact, "name", at);
            Optional<String> value = requiredText(fact, "value", at);
            Map<String, Fact.Local> ours = ourFacts(fact, at);
            if (name.isPresent() && value.isPresent()) {
              facts.add(new Fact(name.get(), value.get(), ours));
            }
          });
      return facts;
    }

    private List<Change> changes(YamlNode.Mapping m, Where where) {
      List<Change> changes = new ArrayList<>();
      eachMapping(
          m,
          "changes",
          where,
          (change, at) -> {
            known(change, at, CHANGE_FIELDS);
            Optional<String> since = requiredText(change, "since", at);
            since.ifPresent(
                v -> {
                  if (!SINCE.matcher(v).matches()) {
                    problem(
                        where,
                        at.path("since"),
                        change.member("since").get().value().line(),
                        "'"
                            + v
                            + "' is not a version date; give the year or year-month of the"
                            + " article version (such as 2021-03) and list seed files under seeds");
                  }
                });
            Optional<String> text = requiredText(change, "text", at);
            List<String> seeds = texts(change, "seeds", at);
            Map<String, String> ours = ourTexts(change, at);
            if (since.isPresent() && text.isPresent()) {
              changes.add(new Change(since.get(), text.get(), seeds, ours));
            }
          });
      return changes;
    }

    /** The optional id of the check that verifies the entry. */
    private Optional<String> check(YamlNode.Mapping m, Where where) {
      Optional<String> check = optionalText(m, "check", where);
      check.ifPresent(
          c -> {
            if (!CHECK.matcher(c).matches()) {
              problem(
                  where,
                  where.path("check"),
                  m.member("check").get().value().line(),
                  "'" + c + "' is not a check id (lower-case letters and '-')");
            }
          });
      return check;
    }

    private Optional<Source> source(YamlNode.Mapping m, Where where, Set<String> articleSeeds) {
      int before = problems.size();
      known(m, where, SOURCE_FIELDS);
      Optional<URI> url = url(m, "url", where, true, true);
      Optional<String> anchor = requiredText(m, "anchor", where);
      if (url.isPresent() && anchor.isPresent()) {
        String fragment = url.get().getFragment();
        if (fragment != null && !fragment.equals(anchor.get())) {
          problem(
              where,
              where.path("anchor"),
              m.member("anchor").get().value().line(),
              "'" + anchor.get() + "' differs from the url's anchor '#" + fragment + "'");
        }
      }
      List<String> seeds = texts(m, "seeds", where);
      if (!articleSeeds.isEmpty()) {
        for (int i = 0; i < seeds.size(); i++) {
          if (!articleSeeds.contains(seeds.get(i))) {
            problem(
                where,
                where.path("seeds[" + i + "]"),
                m.member("seeds").get().value().line(),
                "'" + seeds.get(i) + "' is not one of the article's seeds " + articleSeeds);
          }
        }
      }
      Optional<String> textDate = requiredText(m, "textDate", where);
      Optional<Integer> row = row(m, where);
      if (problems.size() != before) {
        return Optional.empty();
      }
      return Optional.of(new Source(url.get(), anchor.get(), row, seeds, textDate.get()));
    }

    /** The optional 1-based row of the section's table an entry is read from. */
    private Optional<Integer> row(YamlNode.Mapping m, Where where) {
      Optional<String> text = optionalText(m, "row", where);
      if (text.isEmpty()) {
        return Optional.empty();
      }
      try {
        int row = Integer.parseInt(text.get());
        if (row >= 1) {
          return Optional.of(row);
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      problem(
          where,
          where.path("row"),
          m.member("row").get().value().line(),
          "'" + text.get() + "' is not a row number (1 for the table's first row)");
      return Optional.empty();
    }

    private List<Symptom> symptoms(YamlNode.Mapping m, Where where) {
      List<Symptom> symptoms = new ArrayList<>();
      List<YamlNode> items = list(m, "symptoms", where, true, true).orElse(List.of());
      for (int i = 0; i < items.size(); i++) {
        Where at = where.item("symptoms", i);
        String path = where.path("symptoms[" + i + "]");
        Optional<YamlNode.Mapping> mapping = mapping(items.get(i), where, path);
        if (mapping.isEmpty()) {
          continue;
        }
        YamlNode.Mapping s = mapping.get();
        known(s, at, SYMPTOM_FIELDS);
        Optional<String> lang = lang(s, "lang", at);
        boolean hasText = s.member("text").isPresent();
        boolean hasPattern = s.member("pattern").isPresent();
        if (hasText && hasPattern) {
          problem(where, path, s.line(), "has both 'text' and 'pattern'; give one of them");
          continue;
        }
        if (!hasText && !hasPattern) {
          problem(where, path, s.line(), "needs 'text' (a literal phrase) or 'pattern' (RE2)");
          continue;
        }
        if (hasText) {
          Optional<String> text = requiredText(s, "text", at);
          if (text.isPresent() && lang.isPresent()) {
            symptoms.add(Symptom.text(lang.get(), text.get()));
          }
          continue;
        }
        Optional<String> pattern = requiredText(s, "pattern", at);
        if (pattern.isEmpty()) {
          continue;
        }
        int line = s.member("pattern").get().value().line();
        Pattern compiled;
        try {
          compiled = Pattern.compile(pattern.get(), Pattern.CASE_INSENSITIVE);
        } catch (PatternSyntaxException e) {
          problem(where, at.path("pattern"), line, "does not compile: " + e.getMessage());
          continue;
        }
        if (compiled.matcher("").find()) {
          problem(
              where,
              at.path("pattern"),
              line,
              "matches empty text, so it would match every message; make it specific");
          continue;
        }
        if (lang.isPresent()) {
          symptoms.add(Symptom.pattern(lang.get(), pattern.get()));
        }
      }
      return symptoms;
    }

    private List<Step> steps(YamlNode.Mapping m, Where where) {
      List<Step> steps = new ArrayList<>();
      List<YamlNode> items = list(m, "steps", where, true, true).orElse(List.of());
      for (int i = 0; i < items.size(); i++) {
        Where at = where.item("steps", i);
        Optional<YamlNode.Mapping> step =
            mapping(items.get(i), where, where.path("steps[" + i + "]"));
        if (step.isEmpty()) {
          continue;
        }
        known(step.get(), at, STEP_FIELDS);
        Optional<String> text = requiredText(step.get(), "text", at);
        List<String> commands = texts(step.get(), "commands", at);
        text.ifPresent(t -> steps.add(new Step(t, commands)));
      }
      // Keep positions aligned for the translation check even when a step is broken.
      return steps.size() == items.size() ? steps : padded(steps, items.size());
    }

    private static List<Step> padded(List<Step> steps, int size) {
      List<Step> result = new ArrayList<>(steps);
      while (result.size() < size) {
        result.add(new Step("(invalid)", List.of()));
      }
      return result;
    }

    private List<LifecycleNote> lifecycle(YamlNode.Mapping m, Where where) {
      List<LifecycleNote> notes = new ArrayList<>();
      eachMapping(
          m,
          "lifecycle",
          where,
          (note, at) -> {
            known(note, at, LIFECYCLE_FIELDS);
            Optional<LifecycleNote.Severity> severity =
                requiredText(note, "severity", at)
                    .flatMap(
                        s -> {
                          if (s.equals("info") || s.equals("warning")) {
                            return Optional.of(
                                LifecycleNote.Severity.valueOf(s.toUpperCase(Locale.ROOT)));
                          }
                          problem(
                              where,
                              at.path("severity"),
                              note.member("severity").get().value().line(),
                              "'" + s + "' is not a severity; use info or warning");
                          return Optional.empty();
                        });
            Optional<String> text = requiredText(note, "text", at);
            Optional<URI> link = url(note, "link", at, false);
            Map<String, String> ours = ourTexts(note, at);
            if (severity.isPresent() && text.isPresent()) {
              notes.add(new LifecycleNote(severity.get(), text.get(), link, ours));
            }
          });
      return notes;
    }

    private Map<String, Translation> translations(YamlNode.Mapping m, Where where, int stepCount) {
      Map<String, Translation> translations = new LinkedHashMap<>();
      Optional<YamlNode.Mapping> all =
          member(m, "translations", where, false)
              .flatMap(n -> mapping(n, where, where.path("translations")));
      if (all.isEmpty()) {
        return translations;
      }
      for (YamlNode.Member member : all.get().members().values()) {
        String lang = member.key();
        Where at = where.child("translations").child(lang);
        String path = where.path("translations." + lang);
        if (!LANG.matcher(lang).matches()) {
          problem(
              where,
              path,
              member.keyLine(),
              "'" + lang + "' is not a two-letter language code (such as fr or ko)");
          continue;
        }
        Optional<YamlNode.Mapping> t = mapping(member.value(), where, path);
        if (t.isEmpty()) {
          continue;
        }
        known(t.get(), at, TRANSLATION_FIELDS);
        Optional<String> title = requiredText(t.get(), "title", at);
        Optional<String> cause = requiredText(t.get(), "cause", at);
        Optional<List<YamlNode>> stepNodes = list(t.get(), "steps", at, true, true);
        List<String> steps = new ArrayList<>();
        List<YamlNode> stepItems = stepNodes.orElse(List.of());
        for (int i = 0; i < stepItems.size(); i++) {
          scalar(stepItems.get(i), where, at.path("steps[" + i + "]")).ifPresent(steps::add);
        }
        List<String> examples = texts(t.get(), "examples", at);
        if (stepNodes.isPresent() && stepNodes.get().size() != stepCount) {
          problem(
              where,
              at.path("steps"),
              t.get().member("steps").get().value().line(),
              "has "
                  + stepNodes.get().size()
                  + " step(s) but the entry has "
                  + stepCount
                  + "; translate every step, in the same order");
        }
        if (title.isPresent() && cause.isPresent()) {
          translations.put(lang, new Translation(title.get(), cause.get(), steps, examples));
        }
      }
      return translations;
    }

    /** The project's own translations of an item's text: {@code ours: {fr: ..., ko: ...}}. */
    private Map<String, String> ourTexts(YamlNode.Mapping item, Where at) {
      Map<String, String> ours = new LinkedHashMap<>();
      for (YamlNode.Member member : ourMembers(item, at)) {
        scalar(member.value(), at, at.path("ours." + member.key()))
            .ifPresent(text -> ours.put(member.key(), text));
      }
      return ours;
    }

    /** The project's own translations of a fact: {@code ours: {fr: {name: ..., value: ...}}}. */
    private Map<String, Fact.Local> ourFacts(YamlNode.Mapping fact, Where at) {
      Map<String, Fact.Local> ours = new LinkedHashMap<>();
      for (YamlNode.Member member : ourMembers(fact, at)) {
        Where local = at.child("ours").child(member.key());
        mapping(member.value(), at, at.path("ours." + member.key()))
            .ifPresent(
                m -> {
                  known(m, local, OUR_FACT_FIELDS);
                  Optional<String> name = requiredText(m, "name", local);
                  Optional<String> value = optionalText(m, "value", local);
                  name.ifPresent(n -> ours.put(member.key(), new Fact.Local(n, value)));
                });
      }
      return ours;
    }

    private List<YamlNode.Member> ourMembers(YamlNode.Mapping item, Where at) {
      Optional<YamlNode.Mapping> all =
          member(item, "ours", at, false).flatMap(n -> mapping(n, at, at.path("ours")));
      if (all.isEmpty()) {
        return List.of();
      }
      List<YamlNode.Member> members = new ArrayList<>();
      for (YamlNode.Member member : all.get().members().values()) {
        if (!LANG.matcher(member.key()).matches() || member.key().equals("en")) {
          problem(
              at,
              at.path("ours." + member.key()),
              member.keyLine(),
              "'"
                  + member.key()
                  + "' is not a language to translate into; use a two-letter code other than en"
                  + " (such as fr or ko)");
          continue;
        }
        members.add(member);
      }
      return members;
    }

    // ---- field helpers ----

    private void known(YamlNode.Mapping m, Where where, Set<String> allowed) {
      for (YamlNode.Member duplicate : m.duplicates()) {
        problem(
            where,
            where.path(duplicate.key()),
            duplicate.keyLine(),
            "duplicate key (first given on line "
                + m.members().get(duplicate.key()).keyLine()
                + "); give each field once");
      }
      for (YamlNode.Member member : m.members().values()) {
        if (!allowed.contains(member.key())) {
          String hint =
              closest(member.key(), allowed)
                  .map(c -> " (did you mean '" + c + "'?)")
                  .orElse(" (allowed here: " + String.join(", ", new TreeSet<>(allowed)) + ")");
          problem(where, where.path(member.key()), member.keyLine(), "unknown field" + hint);
        }
      }
    }

    private Optional<YamlNode> member(
        YamlNode.Mapping m, String key, Where where, boolean required) {
      Optional<YamlNode.Member> member = m.member(key);
      if (member.isEmpty()) {
        if (required) {
          problem(where, where.path(key), m.line(), "is required");
        }
        return Optional.empty();
      }
      YamlNode value = member.get().value();
      if (value instanceof YamlNode.Scalar && ((YamlNode.Scalar) value).isNull()) {
        problem(
            where,
            where.path(key),
            member.get().keyLine(),
            required ? "is required but empty" : "is empty; give a value or leave the field out");
        return Optional.empty();
      }
      return Optional.of(value);
    }

    private Optional<YamlNode.Mapping> mapping(YamlNode node, Where where, String path) {
      if (node instanceof YamlNode.Mapping) {
        return Optional.of((YamlNode.Mapping) node);
      }
      problem(where, path, node.line(), "must be a mapping (key: value), found " + node.kind());
      return Optional.empty();
    }

    private Optional<List<YamlNode>> list(
        YamlNode.Mapping m, String key, Where where, boolean required, boolean nonEmpty) {
      Optional<YamlNode> value = member(m, key, where, required);
      if (value.isEmpty()) {
        return Optional.empty();
      }
      if (!(value.get() instanceof YamlNode.Sequence)) {
        problem(
            where,
            where.path(key),
            value.get().line(),
            "must be a list, found " + value.get().kind());
        return Optional.empty();
      }
      List<YamlNode> items = ((YamlNode.Sequence) value.get()).items();
      if (nonEmpty && items.isEmpty()) {
        problem(where, where.path(key), value.get().line(), "must hold at least one item");
        return Optional.empty();
      }
      return Optional.of(items);
    }

    private interface MappingItem {
      void accept(YamlNode.Mapping item, Where at);
    }

    private void eachMapping(YamlNode.Mapping m, String key, Where where, MappingItem action) {
      List<YamlNode> items = list(m, key, where, false, false).orElse(List.of());
      for (int i = 0; i < items.size(); i++) {
        int index = i;
        mapping(items.get(i), where, where.path(key + "[" + i + "]"))
            .ifPresent(item -> action.accept(item, where.item(key, index)));
      }
    }

    /** An optional list of non-empty texts. */
    private List<String> texts(YamlNode.Mapping m, String key, Where where) {
      List<String> texts = new ArrayList<>();
      List<YamlNode> items = list(m, key, where, false, false).orElse(List.of());
      for (int i = 0; i < items.size(); i++) {
        scalar(items.get(i), where, where.path(key + "[" + i + "]")).ifPresent(texts::add);
      }
      return texts;
    }

    private Optional<String> scalar(YamlNode node, Where where, String path) {
      if (!(node instanceof YamlNode.Scalar)) {
        problem(where, path, node.line(), "must be text, found " + node.kind());
        return Optional.empty();
      }
      YamlNode.Scalar scalar = (YamlNode.Scalar) node;
      if (scalar.isAlias()) {
        problem(where, path, node.line(), "must be text, found " + node.kind());
        return Optional.empty();
      }
      if (scalar.isNull() || scalar.text().isBlank()) {
        problem(where, path, node.line(), "must not be empty");
        return Optional.empty();
      }
      if (!path.contains("seeds") && SEED_NAME.matcher(scalar.text()).find()) {
        problem(
            where,
            path,
            node.line(),
            "names a seed file; answers show this text, so say it in words a reader understands"
                + " (such as 'the 2018 version of the article') and keep seed files under seeds");
        return Optional.empty();
      }
      return Optional.of(scalar.text().strip());
    }

    private Optional<String> requiredText(YamlNode.Mapping m, String key, Where where) {
      return member(m, key, where, true).flatMap(n -> scalar(n, where, where.path(key)));
    }

    private Optional<String> optionalText(YamlNode.Mapping m, String key, Where where) {
      return member(m, key, where, false).flatMap(n -> scalar(n, where, where.path(key)));
    }

    private Optional<String> id(YamlNode.Mapping m, Where where) {
      Optional<String> id = requiredText(m, "id", where);
      if (id.isPresent() && !ID.matcher(id.get()).matches()) {
        problem(
            where,
            where.path("id"),
            m.member("id").get().value().line(),
            "'" + id.get() + "' is not an id: use lower-case letters and digits joined by '-'");
        return Optional.empty();
      }
      return id;
    }

    private Optional<String> lang(YamlNode.Mapping m, String key, Where where) {
      Optional<String> lang = requiredText(m, key, where);
      if (lang.isPresent() && !LANG.matcher(lang.get()).matches()) {
        problem(
            where,
            where.path(key),
            m.member(key).get().value().line(),
            "'" + lang.get() + "' is not a two-letter language code (such as en, fr, ko)");
        return Optional.empty();
      }
      return lang;
    }

    private Optional<URI> url(YamlNode.Mapping m, String key, Where where, boolean required) {
      return url(m, key, where, required, false);
    }

    /**
     * An absolute http(s) URL; with {@code file} true also an absolute {@code file:} URL, the place
     * of an article that was imported from disk and is published nowhere.
     */
    private Optional<URI> url(
        YamlNode.Mapping m, String key, Where where, boolean required, boolean file) {
      Optional<String> text = required ? requiredText(m, key, where) : optionalText(m, key, where);
      if (text.isEmpty()) {
        return Optional.empty();
      }
      int line = m.member(key).get().value().line();
      try {
        URI uri = new URI(text.get());
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (file && scheme.equals("file")) {
          if (uri.getPath() == null || !uri.getPath().startsWith("/")) {
            problem(
                where, where.path(key), line, "'" + text.get() + "' is not an absolute file URL");
            return Optional.empty();
          }
          return Optional.of(uri);
        }
        if (!scheme.equals("http") && !scheme.equals("https")) {
          problem(
              where, where.path(key), line, "'" + text.get() + "' is not an absolute http(s) URL");
          return Optional.empty();
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
          problem(where, where.path(key), line, "'" + text.get() + "' has no host name");
          return Optional.empty();
        }
        return Optional.of(uri);
      } catch (URISyntaxException e) {
        problem(where, where.path(key), line, "is not a valid URL: " + e.getMessage());
        return Optional.empty();
      }
    }
  }

  /** The allowed name closest to a misspelt one, when it is close enough to be a typo. */
  static Optional<String> closest(String word, Set<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : new TreeSet<>(candidates)) {
      int distance = distance(word.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    if (best == null || bestDistance > Math.max(1, Math.min(3, best.length() / 3))) {
      return Optional.empty();
    }
    return Optional.of(best);
  }

  /** Levenshtein distance. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] =
            Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
