package dev.pastefix.knowledge.importer;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads troubleshooting articles and turns each into one knowledge file: the versions of an article
 * (same {@code ms.assetid}, same file stem, or the same English title) become one set of entries,
 * the newest text winning, the other languages as translations and what changed as {@code changes}.
 * Nothing is written here; {@link ImportTarget} writes the result.
 */
public final class ArticleImporter {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final DateTimeFormatter MONTH =
      DateTimeFormatter.ofPattern("yyyy-MM", Locale.ROOT);

  /** Symptoms that this many entries of one article share say nothing about any of them. */
  static final int SHARED_SYMPTOM_LIMIT = 3;

  private final HtmlText html = new HtmlText();

  /**
   * What to import from.
   *
   * @param baseUrl where the articles are published: an article's URL is this plus its file stem
   */
  public record Options(Optional<URI> baseUrl) {
    public Options {
      Objects.requireNonNull(baseUrl, "baseUrl");
    }
  }

  /**
   * The knowledge files an import gives, with notes on what was skipped and the problems that stop
   * it (a path that does not exist, a named file that is no article).
   */
  public record Plan(List<GeneratedFile> files, List<String> notes, List<String> problems) {
    public Plan {
      files = List.copyOf(files);
      notes = List.copyOf(notes);
      problems = List.copyOf(problems);
    }
  }

  /** One knowledge file: its name, the comment it starts with and its tree. */
  public record GeneratedFile(String name, String header, ObjectNode tree) {
    public GeneratedFile {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(header, "header");
      Objects.requireNonNull(tree, "tree");
    }
  }

  /**
   * Plans the import of {@code inputs} (files and directories, read recursively). A named file that
   * is not an article is a problem; a file found in a directory that is not one is skipped with a
   * note, since a documentation folder also holds images, indexes and overviews. Entry ids already
   * used by {@code reservedIds} (other files of the target) are not given again.
   */
  public Plan plan(List<Path> inputs, Options options, Set<String> reservedIds) {
    List<String> notes = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    List<ArticleFile> files = new ArrayList<>();
    Map<Path, Boolean> named = new LinkedHashMap<>();
    for (Path input : inputs) {
      if (!Files.exists(input)) {
        problems.add(input + ": does not exist");
        continue;
      }
      if (Files.isDirectory(input)) {
        try (Stream<Path> walk = Files.walk(input)) {
          walk.filter(p -> !hidden(input, p))
              .filter(Files::isRegularFile)
              .sorted()
              .forEach(p -> named.putIfAbsent(p, false));
        } catch (IOException | java.io.UncheckedIOException e) {
          problems.add(input + ": cannot be listed: " + e.getMessage());
        }
      } else if (!Files.isRegularFile(input)) {
        problems.add(input + ": is not a regular file");
      } else {
        named.put(input, true);
      }
    }
    for (Map.Entry<Path, Boolean> candidate : named.entrySet()) {
      Path path = candidate.getKey();
      boolean explicit = candidate.getValue();
      try {
        long size = Files.size(path);
        if (size > ArticleFile.MAX_BYTES) {
          throw new ArticleFile.Refused(
              "is "
                  + size
                  + " bytes; an article may hold at most "
                  + ArticleFile.MAX_BYTES
                  + " bytes");
        }
        files.add(ArticleFile.read(path, Files.readAllBytes(path), html));
      } catch (ArticleFile.Refused e) {
        (explicit ? problems : notes)
            .add(path + ": " + e.getMessage() + (explicit ? "" : "; skipped"));
      } catch (IOException e) {
        problems.add(path + ": cannot be read: " + e.getMessage());
      }
    }
    List<GeneratedFile> out = new ArrayList<>();
    Set<String> ids = new LinkedHashSet<>(reservedIds);
    Set<String> articleIds = new LinkedHashSet<>();
    List<List<ArticleFile>> groups = groups(files);
    List<List<ArticleVersions.Version>> read = new ArrayList<>();
    for (List<ArticleFile> group : groups) {
      List<ArticleVersions.Version> versions = new ArrayList<>();
      for (ArticleFile file : group) {
        versions.add(new ArticleVersions.Version(file, drafts(file, articleUrl(group, options))));
      }
      read.add(versions);
    }
    read = SignatureOwnership.apply(read);
    for (int g = 0; g < groups.size(); g++) {
      List<ArticleFile> group = groups.get(g);
      ArticleVersions article = ArticleVersions.of(read.get(g));
      boolean explicit = group.stream().anyMatch(f -> named.get(f.path()));
      if (article.keys().isEmpty()) {
        String message =
            names(group)
                + ": no problem section found (no section names an error or a symptom and says"
                + " what to do)";
        (explicit ? problems : notes).add(message + (explicit ? "" : "; skipped"));
        continue;
      }
      out.add(file(article, articleUrl(group, options), ids, articleIds));
    }
    if (out.isEmpty() && problems.isEmpty()) {
      problems.add("no article to import in " + inputs);
    }
    return new Plan(out, notes, problems);
  }

  private static boolean hidden(Path root, Path path) {
    Path relative = root.relativize(path);
    for (Path part : relative) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  private static String names(List<ArticleFile> group) {
    return String.join(", ", group.stream().map(f -> f.path().toString()).toList());
  }

  private List<Draft> drafts(ArticleFile file, URI articleUrl) {
    LinkResolver links =
        new LinkResolver(articleUrl, Optional.of(LinkResolver.DOCS_SITE).filter(s -> docs(file)));
    DraftBuilder builder = new DraftBuilder(html, links);
    List<Draft> drafts = new ArrayList<>();
    for (FoundProblem problem : new ProblemFinder(html).find(file.outline())) {
      builder.build(problem).ifPresent(drafts::add);
    }
    return withoutSharedSymptoms(drafts);
  }

  /** Docs-as-code articles say so in their front matter; site-rooted links then go to the docs. */
  private static boolean docs(ArticleFile file) {
    return file.docsAsCode();
  }

  /**
   * Symptoms that several entries of the article share (the log lines every error section shows)
   * are dropped; an entry left without one keeps its heading, and without that it is no problem.
   */
  private static List<Draft> withoutSharedSymptoms(List<Draft> drafts) {
    Map<String, Integer> counts = new HashMap<>();
    for (Draft d : drafts) {
      Set<String> own = new LinkedHashSet<>();
      for (Draft.SymptomDraft s : d.symptoms()) {
        own.add(DraftBuilder.norm(s.text()));
      }
      own.forEach(s -> counts.merge(s, 1, Integer::sum));
    }
    List<Draft> out = new ArrayList<>();
    for (Draft d : drafts) {
      List<Draft.SymptomDraft> kept = new ArrayList<>();
      for (Draft.SymptomDraft s : d.symptoms()) {
        if (counts.get(DraftBuilder.norm(s.text())) < SHARED_SYMPTOM_LIMIT) {
          kept.add(s);
        }
      }
      if (kept.isEmpty()) {
        // The heading (or a row's cause) names the problem; it is the signature left.
        String title = d.title().en();
        if (title.length() >= 12 && title.split("\\s+").length >= 2) {
          DraftBuilder.signature(title)
              .or(() -> Optional.of(new Draft.SymptomDraft(title, true)))
              .ifPresent(kept::add);
        }
      }
      if (!kept.isEmpty()) {
        out.add(d.withSymptoms(kept));
      }
    }
    return out;
  }

  /** Files that are versions of one article: same asset id, same stem or same English title. */
  private static List<List<ArticleFile>> groups(List<ArticleFile> files) {
    int[] parent = new int[files.size()];
    for (int i = 0; i < parent.length; i++) {
      parent[i] = i;
    }
    Map<String, Integer> first = new HashMap<>();
    for (int i = 0; i < files.size(); i++) {
      ArticleFile f = files.get(i);
      List<String> keys = new ArrayList<>();
      f.assetId().ifPresent(a -> keys.add("asset:" + a.toLowerCase(Locale.ROOT)));
      keys.add(
          "stem:"
              + f.path().toAbsolutePath().getParent()
              + "/"
              + f.stem().toLowerCase(Locale.ROOT));
      keys.add("title:" + f.englishTitle().toLowerCase(Locale.ROOT).strip());
      for (String key : keys) {
        Integer other = first.putIfAbsent(key, i);
        if (other != null) {
          union(parent, i, other);
        }
      }
    }
    Map<Integer, List<ArticleFile>> groups = new LinkedHashMap<>();
    for (int i = 0; i < files.size(); i++) {
      groups.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(files.get(i));
    }
    return List.copyOf(groups.values());
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  private static void union(int[] parent, int a, int b) {
    parent[find(parent, a)] = find(parent, b);
  }

  /** The article's public URL: the base URL and its stem, the front matter's, or the file. */
  private static URI articleUrl(List<ArticleFile> group, Options options) {
    ArticleVersions byDate =
        ArticleVersions.of(
            group.stream().map(f -> new ArticleVersions.Version(f, List.of())).toList());
    ArticleFile naming = byDate.naming();
    if (options.baseUrl().isPresent()) {
      String base = options.baseUrl().get().toString();
      return URI.create((base.endsWith("/") ? base : base + "/") + naming.stem());
    }
    for (ArticleVersions.Version v : byDate.newestFirst()) {
      if (v.file().publishedUrl().isPresent()) {
        try {
          URI url = new URI(v.file().publishedUrl().get());
          return new URI(url.getScheme(), url.getAuthority(), url.getPath(), url.getQuery(), null);
        } catch (URISyntaxException e) {
          // fall through to the next version, then to the file itself
        }
      }
    }
    if (docs(naming)) {
      // A docs-as-code article that does not say where it is published: the docs site's search
      // for its title finds it.
      return URI.create(
          LinkResolver.DOCS_SITE
              + "/search/?terms="
              + java.net.URLEncoder.encode(
                  naming.englishTitle(), java.nio.charset.StandardCharsets.UTF_8));
    }
    return naming.path().toAbsolutePath().normalize().toUri();
  }

  // ---- the knowledge file ----

  private GeneratedFile file(
      ArticleVersions article, URI url, Set<String> ids, Set<String> articleIds) {
    ArticleFile naming = article.naming();
    String articleId = unique(id(naming.stem(), "article"), articleIds);
    ObjectNode root = JSON.objectNode();
    ObjectNode a = root.putObject("article");
    a.put("id", articleId);
    a.put("title", naming.englishTitle());
    a.put("url", url.toString());
    ArrayNode seeds = a.putArray("seeds");
    for (ArticleVersions.Version v : article.newestFirst()) {
      ObjectNode seed = seeds.addObject();
      seed.put("file", v.file().name());
      seed.put("lang", v.file().lang());
      seed.put("date", v.file().date().map(LocalDate::toString).orElse("undated"));
    }
    ArrayNode entries = root.putArray("entries");
    int index = 0;
    for (String key : article.keys()) {
      index++;
      entries.add(entry(article, key, url, articleId, ids, index));
    }
    StringBuilder header = new StringBuilder();
    header.append("# Imported by 'pastefix kb import' from ");
    header.append(
        String.join(", ", article.newestFirst().stream().map(v -> v.file().name()).toList()));
    header.append(".\n");
    header.append(
        "# Each entry names its section under source (anchor, row, files). Edit freely: a\n");
    header.append(
        "# re-import keeps what you changed or added (knowledge/README.md, 'Importing articles').\n");
    return new GeneratedFile(articleId + ".yaml", header.toString(), root);
  }

  private ObjectNode entry(
      ArticleVersions article, String key, URI url, String articleId, Set<String> ids, int index) {
    ArticleVersions.Version winner =
        article.newestFirst().stream().filter(v -> v.draft(key).isPresent()).findFirst().get();
    Draft d = winner.draft(key).get();
    ObjectNode e = JSON.objectNode();
    String base = id(d.anchor(), "section-" + index) + d.row().map(r -> "-row-" + r).orElse("");
    String id = ids.contains(base) ? unique(articleId + "-" + base, ids) : unique(base, ids);
    e.put("id", id);
    e.put("title", d.title().en());
    ObjectNode source = e.putObject("source");
    source.put("url", withFragment(url, d.anchor()));
    source.put("anchor", d.anchor());
    d.row().ifPresent(r -> source.put("row", r));
    ArrayNode files = source.putArray("seeds");
    for (ArticleVersions.Version v : article.newestFirst()) {
      if (v.draft(key).isPresent()) {
        files.add(v.file().name());
      }
    }
    source.put("textDate", winner.file().date().map(MONTH::format).orElse("undated"));
    ArrayNode symptoms = e.putArray("symptoms");
    for (Draft.SymptomDraft s : d.symptoms()) {
      ObjectNode symptom = symptoms.addObject();
      symptom.put("lang", "en");
      symptom.put(s.literal() ? "text" : "pattern", s.text());
    }
    e.put("cause", d.cause().en());
    ArrayNode steps = e.putArray("steps");
    for (Draft.StepDraft s : d.steps()) {
      ObjectNode step = steps.addObject();
      step.put("text", s.text().en());
      if (!s.commands().isEmpty()) {
        ArrayNode commands = step.putArray("commands");
        s.commands().forEach(commands::add);
      }
    }
    if (!d.links().isEmpty()) {
      ArrayNode links = e.putArray("links");
      for (Draft.LinkDraft l : d.links()) {
        links.addObject().put("label", l.label()).put("url", l.url().toString());
      }
    }
    if (!d.facts().isEmpty()) {
      ArrayNode facts = e.putArray("facts");
      for (Draft.FactDraft f : d.facts()) {
        facts.addObject().put("name", f.name()).put("value", f.value());
      }
    }
    List<ObjectNode> changes = changes(article, key, winner, d);
    if (!changes.isEmpty()) {
      e.putArray("changes").addAll(changes);
    }
    ObjectNode translations = translations(article, key, d);
    if (!translations.isEmpty()) {
      e.set("translations", translations);
    }
    return e;
  }

  private static String withFragment(URI url, String anchor) {
    try {
      return new URI(url + "#" + anchor).toString();
    } catch (URISyntaxException ex) {
      try {
        return new URI(url.getScheme(), url.getAuthority(), url.getPath(), url.getQuery(), anchor)
            .toString();
      } catch (URISyntaxException again) {
        return url + "#" + anchor;
      }
    }
  }

  /** Per language, the newest translated version's title, cause and steps, aligned by step. */
  private static ObjectNode translations(ArticleVersions article, String key, Draft d) {
    ObjectNode out = JSON.objectNode();
    for (ArticleVersions.Version v : article.newestFirst()) {
      String lang = v.file().lang();
      if (lang.equals("en") || out.has(lang) || !lang.matches("[a-z]{2}")) {
        continue;
      }
      Optional<Draft> local = v.draft(key);
      if (local.isEmpty() || local.get().title().local().equals(local.get().title().en())) {
        continue;
      }
      Draft l = local.get();
      ObjectNode t = out.putObject(lang);
      t.put("title", l.title().local());
      t.put("cause", l.cause().local());
      ArrayNode steps = t.putArray("steps");
      for (int i = 0; i < d.steps().size(); i++) {
        steps.add(localStep(d, l, i));
      }
    }
    return out;
  }

  private static String localStep(Draft d, Draft local, int i) {
    Draft.StepDraft step = d.steps().get(i);
    if (local.steps().size() == d.steps().size()) {
      return local.steps().get(i).text().local();
    }
    String en = DraftBuilder.norm(step.text().en());
    for (Draft.StepDraft s : local.steps()) {
      if (DraftBuilder.norm(s.text().en()).equals(en)) {
        return s.text().local();
      }
    }
    return step.text().en();
  }

  /** What the winning text changed against each older dated version of the article. */
  private static List<ObjectNode> changes(
      ArticleVersions article, String key, ArticleVersions.Version winner, Draft d) {
    List<ObjectNode> out = new ArrayList<>();
    if (winner.file().date().isEmpty()) {
      return out;
    }
    String since = MONTH.format(winner.file().date().get());
    Set<String> seenTexts = new LinkedHashSet<>();
    for (ArticleVersions.Version v : article.newestFirst()) {
      if (v == winner
          || v.file().date().isEmpty()
          || !v.file().date().get().isBefore(winner.file().date().get())) {
        continue;
      }
      String older = MONTH.format(v.file().date().get());
      Optional<Draft> old = v.draft(key);
      String text;
      if (old.isEmpty()) {
        text = "The " + older + " version of the article does not have this section.";
      } else {
        text = difference(old.get(), d, older);
        if (text.isEmpty()) {
          continue;
        }
      }
      if (seenTexts.add(text) && out.size() < 3) {
        ObjectNode change = JSON.objectNode();
        change.put("since", since);
        change.put("text", text);
        change.putArray("seeds").add(winner.file().name()).add(v.file().name());
        out.add(change);
      }
    }
    return out;
  }

  private static String difference(Draft old, Draft now, String olderDate) {
    List<String> parts = new ArrayList<>();
    Map<String, String> oldFacts = new LinkedHashMap<>();
    old.facts().forEach(f -> oldFacts.put(f.name().toLowerCase(Locale.ROOT), f.value()));
    for (Draft.FactDraft f : now.facts()) {
      String before = oldFacts.get(f.name().toLowerCase(Locale.ROOT));
      if (before != null && !before.equals(f.value())) {
        parts.add(
            f.name() + ": " + f.value() + " now, " + before + " in the " + olderDate + " version");
      }
    }
    Set<String> oldSentences = lower(sentences(old));
    Set<String> newLower = lower(sentences(now));
    List<String> added = new ArrayList<>();
    for (String s : sentences(now)) {
      if (!oldSentences.contains(s.toLowerCase(Locale.ROOT))) {
        added.add(s);
      }
    }
    int removed = 0;
    for (String s : oldSentences) {
      if (!newLower.contains(s)) {
        removed++;
      }
    }
    if (parts.isEmpty() && added.isEmpty() && removed == 0) {
      return "";
    }
    if (!added.isEmpty()) {
      String first = added.get(0);
      parts.add(
          "new since the "
              + olderDate
              + " version: \""
              + (first.length() > 200 ? first.substring(0, 197) + "..." : first)
              + "\""
              + (added.size() > 1 ? " and " + (added.size() - 1) + " more sentence(s)" : ""));
    }
    if (removed > 0) {
      parts.add(removed + " sentence(s) of the " + olderDate + " version are gone");
    }
    String text = String.join("; ", parts) + ".";
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  private static Set<String> sentences(Draft d) {
    Set<String> out = new LinkedHashSet<>();
    List<String> texts = new ArrayList<>();
    texts.add(d.cause().en());
    d.steps().forEach(s -> texts.add(s.text().en()));
    for (String text : texts) {
      for (String s : text.split("(?<=[.!?])\\s+")) {
        String t = s.strip();
        if (t.length() > 3) {
          out.add(t);
        }
      }
    }
    return out;
  }

  private static Set<String> lower(Set<String> texts) {
    Set<String> out = new LinkedHashSet<>();
    texts.forEach(t -> out.add(t.toLowerCase(Locale.ROOT)));
    return out;
  }

  /**
   * A file's article stem: its name without the extension and without a language suffix ({@code
   * scheduled-jobs.fr-FR.md} gives {@code scheduled-jobs}), as evaluation labels name it.
   */
  public static String stem(String fileName) {
    String name = fileName;
    int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    name = name.substring(slash + 1);
    String withLang = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
    return ArticleFile.languageSuffix(withLang).isPresent()
        ? withLang.substring(0, withLang.lastIndexOf('.'))
        : withLang;
  }

  // ---- ids ----

  /** An id in the knowledge format's syntax ([a-z0-9]+ joined by '-'), or {@code fallback}. */
  static String id(String text, String fallback) {
    StringBuilder sb = new StringBuilder();
    boolean dash = false;
    for (char c : text.toLowerCase(Locale.ROOT).toCharArray()) {
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        if (dash && sb.length() > 0) {
          sb.append('-');
        }
        sb.append(c);
        dash = false;
      } else {
        dash = true;
      }
    }
    return sb.length() == 0 ? fallback : sb.toString();
  }

  private static String unique(String base, Set<String> taken) {
    String id = base;
    for (int n = 2; taken.contains(id); n++) {
      id = base + "-" + n;
    }
    taken.add(id);
    return id;
  }
}
