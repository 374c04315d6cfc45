package dev.pastefix.core.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pastefix.core.review.ReviewReport.UnknownGroup;
import dev.pastefix.core.text.LanguageGuesser;
import dev.pastefix.knowledge.Article;
import dev.pastefix.knowledge.Change;
import dev.pastefix.knowledge.Entry;
import dev.pastefix.knowledge.Fact;
import dev.pastefix.knowledge.KnowledgeBase;
import dev.pastefix.knowledge.LifecycleNote;
import dev.pastefix.knowledge.Link;
import dev.pastefix.knowledge.SeedFile;
import dev.pastefix.knowledge.Step;
import dev.pastefix.knowledge.Symptom;
import dev.pastefix.knowledge.Translation;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Drafts knowledge files from the largest unknown groups, in the format of {@code
 * knowledge/README.md}. A group the engine found close to an existing entry becomes an override of
 * that entry with the group's signature added as a symptom; any other group becomes a new entry
 * whose title, cause, steps and links are left empty for a person to write (so {@code kb validate}
 * lists exactly those).
 */
public final class DraftWriter {
  /** A group's closest entry needs this mean score for the draft to extend it. */
  public static final double OVERRIDE_MIN_SCORE = 0.40;

  /** Longest example copied from a sample. */
  static final int MAX_EXAMPLE_CHARS = 500;

  /** The marker on every field a person must write. */
  public static final String TO_WRITE = "TO WRITE";

  private static final String SEARCH = "https://learn.microsoft.com/search/?terms=";

  private final KnowledgeBase kb;
  private final ObjectMapper json = new ObjectMapper();
  private final LanguageGuesser languages = new LanguageGuesser();

  public DraftWriter(KnowledgeBase kb) {
    this.kb = Objects.requireNonNull(kb, "kb");
  }

  /**
   * One draft per group, for the first {@code top} groups. {@code sourceUrl} is the page new
   * entries name as their source (the team's own runbook); without it, a Microsoft Learn search for
   * the error's words. {@code today} dates the drafts.
   */
  public List<Draft> drafts(
      List<UnknownGroup> groups, int top, Optional<URI> sourceUrl, LocalDate today) {
    List<Draft> drafts = new ArrayList<>();
    for (UnknownGroup group : groups.subList(0, Math.min(top, groups.size()))) {
      drafts.add(draft(group, sourceUrl, today));
    }
    return drafts;
  }

  /** The draft for one group. */
  public Draft draft(UnknownGroup group, Optional<URI> sourceUrl, LocalDate today) {
    // The signature is the error's own text, without the chatter or code fences around a paste.
    String lang = languages.guess(group.signature().text());
    Symptom symptom = symptomFor(group, lang);
    Optional<Entry> close =
        group.closest().stream()
            .filter(c -> c.score() >= OVERRIDE_MIN_SCORE)
            .findFirst()
            .flatMap(c -> kb.entry(c.entryId()));
    if (close.isPresent()) {
      return override(group, close.get(), symptom);
    }
    return newEntry(group, symptom, sourceUrl, today);
  }

  /**
   * The group's symptom. A pattern that misses one of the samples gives way to the longest literal
   * piece of the signature that every sample holds, when there is one.
   */
  private static Symptom symptomFor(UnknownGroup group, String lang) {
    Symptom symptom = SymptomDraft.of(group.signature(), lang);
    if (group.samples().stream().allMatch(s -> SymptomDraft.matches(symptom, s))) {
      return symptom;
    }
    return SymptomDraft.longestLiteral(group.signature(), lang)
        .filter(l -> group.samples().stream().allMatch(s -> SymptomDraft.matches(l, s)))
        .orElse(symptom);
  }

  /** A stable id for a group: a few of its words and a short hash of its signature. */
  static String idFor(Signature signature) {
    List<String> words = new ArrayList<>();
    for (String word : signature.key().replaceAll("<[a-z]+>", " ").split("[^a-z0-9]+")) {
      if (word.length() > 2 && words.size() < 4 && !word.chars().allMatch(Character::isDigit)) {
        words.add(word);
      }
    }
    String hash;
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(signature.key().getBytes(StandardCharsets.UTF_8));
      hash = HexFormat.of().formatHex(digest, 0, 3);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
    words.add(hash);
    return "local-" + String.join("-", words);
  }

  private Draft newEntry(
      UnknownGroup group, Symptom symptom, Optional<URI> sourceUrl, LocalDate today) {
    String id = idFor(group.signature());
    URI articleUrl = sourceUrl.orElseGet(() -> search(group.signature()));
    String sourceAddress =
        articleUrl.getFragment() == null ? articleUrl + "#" + id : articleUrl.toString();
    String anchor = URI.create(sourceAddress).getFragment();
    StringBuilder y = new StringBuilder();
    header(y, group);
    y.append("# A new entry: write the fields marked ")
        .append(TO_WRITE)
        .append(", then check with\n");
    y.append("#   pastefix kb validate <this directory>\n");
    y.append("article:\n");
    y.append("  id: ").append(q(id)).append('\n');
    y.append("  title: ").append(q("Knowledge written by our administrators")).append('\n');
    y.append("  url: ").append(q(articleUrl.toString())).append('\n');
    y.append("entries:\n");
    y.append("  - id: ").append(q(id)).append('\n');
    y.append("    title:    # ").append(TO_WRITE).append(": one line naming the problem\n");
    y.append("    source:\n");
    y.append("      url: ").append(q(sourceAddress)).append('\n');
    y.append("      anchor: ").append(q(anchor)).append('\n');
    y.append("      textDate: ")
        .append(q(today.format(DateTimeFormatter.ofPattern("yyyy-MM", Locale.ROOT))))
        .append('\n');
    y.append("    symptoms:\n");
    symptom(y, symptom);
    y.append("    cause:    # ").append(TO_WRITE).append(": why it happens\n");
    y.append("    steps:    # ").append(TO_WRITE).append(": what to do, in order; for example\n");
    y.append("              #   - text: Close the sessions you no longer need.\n");
    y.append("              #     commands: [\"Get-PSSession | Remove-PSSession\"]\n");
    y.append("    links:    # ").append(TO_WRITE).append(": where it is documented; for example\n");
    y.append(
        "              #   - {label: Remove-PSSession, url: https://learn.microsoft.com/...}\n");
    examples(y, group.samples(), List.of());
    return new Draft(id + ".yaml", y.toString(), id, false);
  }

  private Draft override(UnknownGroup group, Entry entry, Symptom symptom) {
    Article article = kb.articleOf(entry);
    String articleId = article.id() + "-" + entry.id() + "-local";
    StringBuilder y = new StringBuilder();
    header(y, group);
    y.append("# Extends the shipped entry '")
        .append(entry.id())
        .append("' with the group's signature: this file replaces it\n");
    y.append(
        "# (placed in PASTEFIX_KNOWLEDGE_DIR). Check the new symptom and examples at the end of\n");
    y.append("# their lists, then: pastefix kb validate <this directory>\n");
    y.append("article:\n");
    y.append("  id: ").append(q(articleId)).append('\n');
    y.append("  title: ").append(q(article.title())).append('\n');
    y.append("  url: ").append(q(article.url().toString())).append('\n');
    if (!article.seeds().isEmpty()) {
      y.append("  seeds:\n");
      for (SeedFile seed : article.seeds()) {
        y.append("    - {file: ")
            .append(q(seed.file()))
            .append(", lang: ")
            .append(q(seed.lang()))
            .append(", date: ")
            .append(q(seed.date()))
            .append("}\n");
      }
    }
    lifecycle(y, "  ", article.lifecycle());
    y.append("entries:\n");
    y.append("  - id: ").append(q(entry.id())).append('\n');
    y.append("    title: ").append(q(entry.title())).append('\n');
    y.append("    source:\n");
    y.append("      url: ").append(q(entry.source().url().toString())).append('\n');
    y.append("      anchor: ").append(q(entry.source().anchor())).append('\n');
    if (!entry.source().seeds().isEmpty()) {
      y.append("      seeds: ").append(list(entry.source().seeds())).append('\n');
    }
    y.append("      textDate: ").append(q(entry.source().textDate())).append('\n');
    y.append("    symptoms:\n");
    for (Symptom s : entry.symptoms()) {
      symptom(y, s);
    }
    y.append("      # added by pastefix review:\n");
    symptom(y, symptom);
    y.append("    cause: ").append(q(entry.cause())).append('\n');
    y.append("    steps:\n");
    for (Step step : entry.steps()) {
      y.append("      - text: ").append(q(step.text())).append('\n');
      if (!step.commands().isEmpty()) {
        y.append("        commands: ").append(list(step.commands())).append('\n');
      }
    }
    if (!entry.links().isEmpty()) {
      y.append("    links:\n");
      for (Link link : entry.links()) {
        y.append("      - {label: ")
            .append(q(link.label()))
            .append(", url: ")
            .append(q(link.url().toString()))
            .append("}\n");
      }
    }
    if (!entry.facts().isEmpty()) {
      y.append("    facts:\n");
      for (Fact fact : entry.facts()) {
        y.append("      - {name: ")
            .append(q(fact.name()))
            .append(", value: ")
            .append(q(fact.value()))
            .append("}\n");
      }
    }
    examples(y, group.samples(), entry.examples());
    if (!entry.changes().isEmpty()) {
      y.append("    changes:\n");
      for (Change change : entry.changes()) {
        y.append("      - {since: ")
            .append(q(change.since()))
            .append(", text: ")
            .append(q(change.text()))
            .append("}\n");
      }
    }
    lifecycle(y, "    ", entry.lifecycle());
    entry.check().ifPresent(c -> y.append("    check: ").append(q(c)).append('\n'));
    if (!entry.translations().isEmpty()) {
      y.append("    translations:\n");
      for (Map.Entry<String, Translation> t : entry.translations().entrySet()) {
        Translation tr = t.getValue();
        y.append("      ").append(t.getKey()).append(":\n");
        y.append("        title: ").append(q(tr.title())).append('\n');
        y.append("        cause: ").append(q(tr.cause())).append('\n');
        y.append("        steps: ").append(list(tr.steps())).append('\n');
        if (!tr.examples().isEmpty()) {
          y.append("        examples: ").append(list(tr.examples())).append('\n');
        }
      }
    }
    String file = entry.id() + "-local.yaml";
    return new Draft(file, y.toString(), entry.id(), true);
  }

  private static void header(StringBuilder y, UnknownGroup group) {
    y.append("# Drafted by pastefix review from ")
        .append(group.count())
        .append(group.count() == 1 ? " message" : " messages")
        .append(" of ")
        .append(group.senders())
        .append(group.senders() == 1 ? " person" : " people")
        .append(", ")
        .append(group.firstSeen())
        .append(" .. ")
        .append(group.lastSeen())
        .append(".\n");
    if (!group.closest().isEmpty()) {
      y.append("# Closest entries: ")
          .append(
              group.closest().stream()
                  .map(c -> String.format(Locale.ROOT, "%s (%.2f)", c.entryId(), c.score()))
                  .collect(Collectors.joining(", ")))
          .append('\n');
    }
  }

  private void symptom(StringBuilder y, Symptom s) {
    y.append("      - {lang: ")
        .append(q(s.lang()))
        .append(s.literal() ? ", text: " : ", pattern: ")
        .append(q(s.source()))
        .append("}\n");
  }

  private void examples(StringBuilder y, List<String> samples, List<String> existing) {
    List<String> all = new ArrayList<>(existing);
    for (String sample : samples) {
      String example = sample.strip();
      if (example.length() > MAX_EXAMPLE_CHARS) {
        example = Signature.cut(example, MAX_EXAMPLE_CHARS);
      }
      if (!example.isBlank() && !all.contains(example)) {
        all.add(example);
      }
    }
    if (all.isEmpty()) {
      return;
    }
    y.append("    examples:\n");
    for (String example : all) {
      y.append("      - ").append(q(example)).append('\n');
    }
  }

  private void lifecycle(StringBuilder y, String indent, List<LifecycleNote> notes) {
    if (notes.isEmpty()) {
      return;
    }
    y.append(indent).append("lifecycle:\n");
    for (LifecycleNote note : notes) {
      y.append(indent)
          .append("  - {severity: ")
          .append(q(note.severity().name().toLowerCase(Locale.ROOT)))
          .append(", text: ")
          .append(q(note.text()));
      note.link().ifPresent(l -> y.append(", link: ").append(q(l.toString())));
      y.append("}\n");
    }
  }

  private String list(List<String> items) {
    return items.stream().map(this::q).collect(Collectors.joining(", ", "[", "]"));
  }

  /** A YAML double-quoted scalar: JSON's string syntax is valid YAML. */
  private String q(String value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a string always serialises", e);
    }
  }

  private static URI search(Signature signature) {
    List<String> words = new ArrayList<>();
    for (String word : signature.text().replaceAll("<[a-z]+>", " ").split("\\s+")) {
      String w = word.replaceAll("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$", "");
      if (!w.isEmpty() && words.size() < 12) {
        words.add(w);
      }
    }
    return URI.create(SEARCH + URLEncoder.encode(String.join(" ", words), StandardCharsets.UTF_8));
  }
}
