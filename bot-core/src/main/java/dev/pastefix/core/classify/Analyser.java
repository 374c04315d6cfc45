package dev.pastefix.core.classify;

import dev.pastefix.core.Thresholds;
import dev.pastefix.core.text.NormalisedText;
import dev.pastefix.core.text.TextNormaliser;
import dev.pastefix.knowledge.KnowledgeBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Runs every classifier over one message: normalisation, signatures, the concept lexicon, the
 * look-alike list and the categorizer. Built once at start-up (training the categorizer takes a few
 * hundred milliseconds); thread-safe afterwards.
 */
public final class Analyser {
  /** How many model candidates an analysis keeps. */
  static final int MODEL_CANDIDATES = 5;

  private final TextNormaliser normaliser;
  private final SignatureIndex signatures;
  private final Lexicon lexicon;
  private final LookAlikes lookAlikes;
  private final CategoryModel model;
  private final Combiner combiner;
  private final SharedErrorHints hints;
  // Only when some entry has no example phrasings: the categorizer alone knows too little of them.
  private final Optional<SectionIndex> sections;
  private final Optional<ErrorTextAligner> aligner;
  // Entries without example phrasings, which the decision policy treats more carefully.
  private final java.util.Set<String> textOnly;
  private final Optional<ArticleSubjects> subjects;

  public Analyser(
      TextNormaliser normaliser,
      SignatureIndex signatures,
      Lexicon lexicon,
      LookAlikes lookAlikes,
      CategoryModel model,
      SharedErrorHints hints) {
    this(normaliser, signatures, lexicon, lookAlikes, model, hints, Optional.empty());
  }

  /**
   * As the other constructor, with article retrieval over {@code sections} fused into the
   * categorizer's ranking (see {@link #fuse}).
   */
  public Analyser(
      TextNormaliser normaliser,
      SignatureIndex signatures,
      Lexicon lexicon,
      LookAlikes lookAlikes,
      CategoryModel model,
      SharedErrorHints hints,
      Optional<SectionIndex> sections) {
    this(normaliser, signatures, lexicon, lookAlikes, model, hints, sections, null);
  }

  private Analyser(
      TextNormaliser normaliser,
      SignatureIndex signatures,
      Lexicon lexicon,
      LookAlikes lookAlikes,
      CategoryModel model,
      SharedErrorHints hints,
      Optional<SectionIndex> sections,
      KnowledgeBase kb) {
    this.sections = sections;
    this.textOnly =
        kb == null
            ? java.util.Set.of()
            : kb.entries().stream()
                .filter(e -> e.examples().isEmpty())
                .map(dev.pastefix.knowledge.Entry::id)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    this.subjects =
        kb == null || textOnly.isEmpty()
            ? Optional.empty()
            : Optional.of(new ArticleSubjects(kb, textOnly));
    // Error texts of entries without example phrasings are also recognised when pasted in part.
    this.aligner =
        sections
            .filter(x -> kb != null)
            .map(index -> new ErrorTextAligner(kb, textOnly, index))
            .filter(a -> !a.isEmpty());
    this.normaliser = normaliser;
    this.signatures = signatures;
    this.lexicon = lexicon;
    this.lookAlikes = lookAlikes;
    this.model = model;
    this.combiner = new Combiner(hints);
    this.hints = hints;
  }

  /**
   * The analyser for {@code kb} with the lexicon, look-alikes and background corpus shipped; the
   * categorizer's models come from the ones built with pastefix when they fit {@code kb}, else it
   * trains them.
   */
  public static Analyser forKnowledge(KnowledgeBase kb) {
    return forKnowledge(kb, new ShippedModels());
  }

  /** As {@link #forKnowledge(KnowledgeBase)}, reading and keeping models in {@code models}. */
  public static Analyser forKnowledge(KnowledgeBase kb, ModelStore models) {
    Lexicon lexicon = Lexicon.shipped();
    Featurizer featurizer = new Featurizer(lexicon);
    boolean textOnly = kb.entries().stream().anyMatch(e -> e.examples().isEmpty());
    return new Analyser(
        new TextNormaliser(),
        new SignatureIndex(kb),
        lexicon,
        LookAlikes.shipped().notUsedBy(kb),
        categoryModel(kb, featurizer, models),
        SharedErrorHints.shipped(),
        textOnly ? Optional.of(SectionIndex.of(kb)) : Optional.empty(),
        kb);
  }

  /**
   * How sharply retrieval scores separate entries once fused: BM25F scores are divided by this
   * before they are exponentiated, so an entry this many points behind the best keeps 1/e of the
   * weight.
   */
  static final double RETRIEVAL_TEMPERATURE = 4.0;

  /**
   * The power of the categorizer's probability in the fusion: below 1, so that a categorizer that
   * learnt an entry from its article text alone tempers retrieval rather than overrules it.
   */
  static final double MODEL_EXPONENT = 0.5;

  /**
   * The categorizer's ranking fused with article retrieval: each category's weight is its
   * probability to the power {@value #MODEL_EXPONENT} times {@code exp((score - best) / T)} of its
   * retrieval score, normalised to sum to one. Retrieval's background document stands for {@value
   * CategoryModel#NONE}, so chatter keeps "none" first.
   */
  static List<CategoryModel.Score> fuse(
      List<CategoryModel.Score> model, List<SectionIndex.Ranked> retrieved) {
    if (retrieved.isEmpty()) {
      return model;
    }
    java.util.Map<String, Double> scores = new java.util.HashMap<>();
    double best = 0;
    for (SectionIndex.Ranked r : retrieved) {
      scores.put(r.entryId(), r.score());
      best = Math.max(best, r.score());
    }
    // An entry of a shard that did not rank the text still competes, at the lowest probability.
    java.util.Map<String, Double> probabilities = new java.util.LinkedHashMap<>();
    double floor = 1;
    for (CategoryModel.Score s : model) {
      probabilities.put(s.category(), clamp(s.probability()));
      floor = Math.min(floor, clamp(s.probability()));
    }
    for (SectionIndex.Ranked r : retrieved) {
      probabilities.putIfAbsent(r.entryId(), floor);
    }
    java.util.Map<String, Double> weights = new java.util.LinkedHashMap<>();
    double total = 0;
    for (java.util.Map.Entry<String, Double> p : probabilities.entrySet()) {
      double retrieval =
          Math.exp((scores.getOrDefault(p.getKey(), 0.0) - best) / RETRIEVAL_TEMPERATURE);
      double w = Math.pow(p.getValue(), MODEL_EXPONENT) * retrieval;
      weights.put(p.getKey(), w);
      total += w;
    }
    if (!(total > 0)) {
      return model;
    }
    List<CategoryModel.Score> out = new ArrayList<>();
    for (java.util.Map.Entry<String, Double> w : weights.entrySet()) {
      out.add(new CategoryModel.Score(w.getKey(), w.getValue() / total));
    }
    out.sort(
        java.util.Comparator.comparingDouble(CategoryModel.Score::probability)
            .reversed()
            .thenComparing(CategoryModel.Score::category));
    return out;
  }

  /** Entries retrieval looks at beyond the categorizer's own candidates. */
  static final int RETRIEVED = 12;

  /** The categorizer of {@code kb} over the shipped lexicon and background corpus. */
  public static CategoryModel categoryModel(KnowledgeBase kb, ModelStore models) {
    return categoryModel(kb, new Featurizer(Lexicon.shipped()), models);
  }

  private static CategoryModel categoryModel(
      KnowledgeBase kb, Featurizer featurizer, ModelStore models) {
    return new CategoryModel(kb, featurizer, Resources.lines("background.txt"), models);
  }

  public Analysis analyse(String raw) {
    return analyse(normaliser.normalise(raw));
  }

  public Analysis analyse(NormalisedText text) {
    Set<String> concepts = lexicon.find(text.lower());
    List<SignatureHit> hits = signatures.find(text.lower(), text.facts().quoted());
    if (hits.isEmpty()) {
      // A console window may have wrapped the error mid-word; positions then are approximate.
      hits = text.lowerUnwrapped().map(signatures::find).orElse(hits);
    }
    Optional<String> nearMiss = Optional.empty();
    if (aligner.isPresent()) {
      List<ErrorTextAligner.Alignment> found = aligner.get().find(text.text());
      List<ErrorTextAligner.Alignment> aligned = new ArrayList<>();
      for (ErrorTextAligner.Alignment a : found) {
        if (!a.nearMiss()) {
          aligned.add(a);
        } else if (nearMiss.isEmpty()) {
          nearMiss = Optional.of(a.entryId());
        }
      }
      hits = withAlignments(text, hits, aligned);
    }
    List<Candidate> sigs = combiner.combine(hits, concepts);
    List<CategoryModel.Score> scores = model.rank(text.lower(), concepts);
    java.util.Set<String> offSubject = new java.util.LinkedHashSet<>();
    java.util.Map<String, String> namesElsewhere = new java.util.LinkedHashMap<>();
    if (sections.isPresent()) {
      scores = fuse(scores, sections.get().rank(text.text(), RETRIEVED));
      sigs = resolvedByRanking(corroborated(text, sigs), scores);
      for (Candidate c : sigs) {
        if (isShortArticleText(c) && !subjects.get().named(c.entryId(), text.lower())) {
          // A phrase in plain words never speaks in a channel anyway; asked directly, it gives way
          // to a product its article never names, as an error text does.
          if (c.source() == Candidate.Source.SIGNATURE) {
            offSubject.add(c.entryId());
          }
          subjects
              .get()
              .foreignName(c.entryId(), text.text())
              .ifPresent(name -> namesElsewhere.put(c.entryId(), name));
        }
      }
    }
    List<Candidate> ranked = new ArrayList<>();
    double none = rankInto(scores, ranked);
    List<Candidate> residualRanked = new ArrayList<>();
    double residualNone = 1;
    if (!hits.isEmpty()) {
      residualNone = rankLines(text, hits, residualRanked);
    }
    return new Analysis(
        text,
        sigs,
        ranked,
        clamp(none),
        residualRanked,
        clamp(residualNone),
        concepts,
        lookAlikes.otherService(text),
        lookAlikes.namesOurService(text),
        text.facts().errorRecord(),
        !ranked.isEmpty() && textOnly.contains(ranked.get(0).entryId()),
        hits.isEmpty() ? nearMiss : Optional.empty(),
        hits.isEmpty() ? unknownCode(text) : Optional.empty(),
        hits.isEmpty() ? unknownQuote(text) : Optional.empty(),
        offSubject,
        namesElsewhere);
  }

  /** A signature or phrase of an entry learnt from its article alone whose error text is short. */
  private boolean isShortArticleText(Candidate c) {
    return c.source() != Candidate.Source.MODEL
        && textOnly.contains(c.entryId())
        && contentWords(c.evidence()) < SHORT_ERROR_TEXT_WORDS;
  }

  /**
   * The first quoted stretch of the message that reads like an error text (three words or more, no
   * command) and whose longer words mostly appear in no entry's text, when retrieval is on.
   */
  private Optional<String> unknownQuote(NormalisedText text) {
    if (sections.isEmpty()) {
      return Optional.empty();
    }
    java.util.regex.Matcher m = ArticleSubjects.QUOTED.matcher(text.text());
    while (m.find()) {
      String quote = m.group();
      String inner = quote.substring(1, quote.length() - 1).strip();
      if (COMMAND_LIKE.matcher(inner).find()) {
        continue;
      }
      int words = 0;
      int printed = 0;
      for (SectionText.Token t : SectionText.tokens(inner)) {
        if (t.variable() || t.form().length() < QUOTE_WORD_LENGTH) {
          continue;
        }
        words++;
        if (sections.get().printed(t.form())) {
          printed++;
        }
      }
      if (inner.split("\\s+").length >= 3 && words >= 2 && printed * 2 < words) {
        return Optional.of(inner);
      }
    }
    return Optional.empty();
  }

  /** Words shorter than this ("is", "the", "not") say nothing about which error a quote is. */
  static final int QUOTE_WORD_LENGTH = 4;

  /** A quoted command rather than an error: a cmdlet, a parameter or a variable. */
  private static final java.util.regex.Pattern COMMAND_LIKE =
      java.util.regex.Pattern.compile("(^[A-Z][a-z]+-[A-Z]\\w+)|(\\s-[A-Za-z]+\\b)|\\$\\w");

  /** The first error code of the message that no entry's text uses, when retrieval is on. */
  private Optional<String> unknownCode(NormalisedText text) {
    if (sections.isEmpty()) {
      return Optional.empty();
    }
    for (String code : ErrorCodes.find(text.text())) {
      if (!sections.get().printed(code)) {
        return Optional.of(code);
      }
    }
    return Optional.empty();
  }

  private double rankInto(List<CategoryModel.Score> scores, List<Candidate> ranked) {
    double none = 0;
    for (CategoryModel.Score score : scores) {
      if (score.category().equals(CategoryModel.NONE)) {
        none = score.probability();
      } else if (ranked.size() < MODEL_CANDIDATES) {
        ranked.add(
            new Candidate(
                score.category(),
                clamp(score.probability()),
                Candidate.Source.MODEL,
                -1,
                "similar to: " + score.category(),
                List.of()));
      }
    }
    return none;
  }

  /**
   * Two alignments on one stretch of text are two entries' readings of one error; the closer
   * reading wins unless the other is within this much of it (then both stand, and the bot asks).
   */
  static final double ALIGNMENT_TIE = 0.02;

  /**
   * The exact hits plus the alignments of entries without one: an alignment overlapping an exact
   * hit, or a better alignment of another entry, gives way.
   */
  private static List<SignatureHit> withAlignments(
      NormalisedText text, List<SignatureHit> hits, List<ErrorTextAligner.Alignment> found) {
    if (found.isEmpty()) {
      return hits;
    }
    java.util.Set<String> exact = new java.util.HashSet<>();
    for (SignatureHit h : hits) {
      if (h.errorText()) {
        exact.add(h.entryId());
      }
    }
    List<SignatureHit> added = new ArrayList<>();
    for (ErrorTextAligner.Alignment a : found) {
      if (exact.contains(a.entryId())) {
        continue;
      }
      int start = lowerOffset(text.text(), a.start());
      int end = Math.max(start, lowerOffset(text.text(), a.end()));
      SignatureHit hit =
          new SignatureHit(
              a.entryId(),
              start,
              Math.min(end, text.lower().length()),
              text.text().substring(a.start(), a.end()),
              a.lang(),
              true);
      boolean beaten = false;
      for (SignatureHit h : hits) {
        // As between exact hits, the longer of two entries' readings of one text wins.
        beaten |= h.errorText() && h.overlaps(hit) && !hit.contains(h);
      }
      for (ErrorTextAligner.Alignment b : found) {
        boolean overlaps = b.start() < a.end() && a.start() < b.end();
        beaten |=
            b != a
                && overlaps
                && b.score() * b.fraction() > a.score() * a.fraction() + ALIGNMENT_TIE;
      }
      if (!beaten) {
        added.add(hit);
      }
    }
    List<SignatureHit> out = new ArrayList<>();
    for (SignatureHit h : hits) {
      boolean swallowed = false;
      for (SignatureHit a : added) {
        swallowed |= !a.entryId().equals(h.entryId()) && a.contains(h) && a.length() > h.length();
      }
      if (!swallowed) {
        out.add(h);
      }
    }
    out.addAll(added);
    out.sort(java.util.Comparator.comparingInt(SignatureHit::start));
    return out;
  }

  /** Where offset {@code at} of {@code text} falls in its lower-case, whitespace-collapsed form. */
  static int lowerOffset(String text, int at) {
    int out = 0;
    boolean space = false;
    boolean any = false;
    for (int i = 0; i < Math.min(at, text.length()); i++) {
      if (Character.isWhitespace(text.charAt(i))) {
        space = true;
        continue;
      }
      if (space && any) {
        out++;
      }
      space = false;
      any = true;
      out++;
    }
    return out + (space && any ? 1 : 0);
  }

  /**
   * An error text of fewer content words than this, of an entry learnt from its article alone, is a
   * code or a short phrase that other products print too ("Error 1935", "Something went wrong").
   */
  static final int SHORT_ERROR_TEXT_WORDS = 4;

  /**
   * Short error texts of entries without example phrasings stay signatures only when the rest of
   * the message points to the same entry, or says nothing the knowledge knows; otherwise they count
   * as a phrase, which the decision policy trusts only when addressed and backed by the ranking.
   */
  private List<Candidate> corroborated(NormalisedText text, List<Candidate> sigs) {
    List<Candidate> out = new ArrayList<>(sigs.size());
    for (Candidate c : sigs) {
      if (c.source() != Candidate.Source.SIGNATURE
          || !textOnly.contains(c.entryId())
          || contentWords(c.evidence()) >= SHORT_ERROR_TEXT_WORDS) {
        out.add(c);
        continue;
      }
      String rest = text.lower().replace(c.evidence().toLowerCase(java.util.Locale.ROOT), " ");
      List<CategoryModel.Score> ranked =
          fuse(model.rank(rest), sections.get().rank(rest, RETRIEVED));
      String top = ranked.isEmpty() ? CategoryModel.NONE : ranked.get(0).category();
      if (top.equals(c.entryId()) || top.equals(CategoryModel.NONE)) {
        out.add(c);
      } else {
        out.add(
            new Candidate(
                c.entryId(),
                Thresholds.PHRASE_CONFIDENCE,
                Candidate.Source.PHRASE,
                c.position(),
                c.evidence(),
                c.sharedWith()));
      }
    }
    return out;
  }

  private static int contentWords(String evidence) {
    int n = 0;
    for (SectionText.Token t : SectionText.tokens(evidence)) {
      if (!ErrorTextAligner.isValue(t) && !SectionText.STOP.contains(t.form())) {
        n++;
      }
    }
    return n;
  }

  /**
   * Of entries learnt from their articles alone that share one error text, the one the whole
   * message's ranking puts this many times ahead of each of the others is the one meant.
   */
  static final double SHARED_TEXT_RATIO = 2.0;

  /**
   * Error texts several entries share, resolved to one entry when all of them were learnt from
   * their articles alone (no hand-written hint tells them apart) and the message's ranking clearly
   * prefers one; otherwise left for the decision policy to ask which fits.
   */
  private List<Candidate> resolvedByRanking(
      List<Candidate> sigs, List<CategoryModel.Score> scores) {
    List<Candidate> out = new ArrayList<>(sigs.size());
    for (Candidate c : sigs) {
      List<String> group = new ArrayList<>();
      group.add(c.entryId());
      group.addAll(c.sharedWith());
      if (c.sharedWith().isEmpty() || !textOnly.containsAll(group)) {
        out.add(c);
        continue;
      }
      java.util.Map<String, Double> p = new java.util.HashMap<>();
      for (CategoryModel.Score s : scores) {
        p.put(s.category(), s.probability());
      }
      group.sort(java.util.Comparator.comparingDouble(id -> -p.getOrDefault(id, 0.0)));
      double best = p.getOrDefault(group.get(0), 0.0);
      double next = p.getOrDefault(group.get(1), 0.0);
      if (best > 0 && best >= next * SHARED_TEXT_RATIO) {
        out.add(
            new Candidate(
                group.get(0), c.score(), c.source(), c.position(), c.evidence(), List.of()));
      } else {
        out.add(c);
      }
    }
    return out;
  }

  /** Lines worth classifying on their own; a paste of hundreds of lines is one error report. */
  static final int MAX_LINES = 40;

  /**
   * Ranks each line without a recognised error text on its own and keeps the most confident line's
   * ranking (positions set to where the line starts); returns that line's "none" probability, or 1
   * when no line qualifies.
   */
  private double rankLines(NormalisedText text, List<SignatureHit> hits, List<Candidate> out) {
    String[] lines = text.text().split("\n");
    if (lines.length > MAX_LINES) {
      return 1;
    }
    double bestScore = -1;
    double bestNone = 1;
    List<Candidate> best = List.of();
    int offset = 0;
    for (String line : lines) {
      String lower = collapseWhitespace(line.toLowerCase(java.util.Locale.ROOT)).strip();
      boolean aligned = text.lower().startsWith(lower, offset);
      int start = offset;
      int end = offset + lower.length();
      offset = aligned ? end + 1 : offset;
      if (lower.length() < Thresholds.SECOND_FINDING_MIN_CHARS) {
        continue;
      }
      boolean hasHit = false;
      if (aligned) {
        for (SignatureHit hit : hits) {
          hasHit |= hit.start() < end && hit.end() > start;
        }
      } else {
        hasHit = !signatures.find(lower).isEmpty();
      }
      if (hasHit) {
        continue;
      }
      String content = ResidualContext.strip(line);
      if (content.length() < Thresholds.SECOND_FINDING_MIN_CHARS) {
        continue;
      }
      List<Candidate> ranked = new ArrayList<>();
      double none = rankInto(model.rank(content), ranked);
      if (!ranked.isEmpty() && ranked.get(0).score() > bestScore) {
        int at =
            Math.max(0, text.lower().indexOf(lower.substring(0, Math.min(20, lower.length()))));
        List<Candidate> placed = new ArrayList<>();
        for (Candidate c : ranked) {
          placed.add(
              new Candidate(c.entryId(), c.score(), c.source(), at, c.evidence(), List.of()));
        }
        best = placed;
        bestScore = ranked.get(0).score();
        bestNone = none;
      }
    }
    out.addAll(best);
    return bestNone;
  }

  /** Runs of whitespace as one space, as {@code replaceAll("\\s+", " ")} does, without a regex. */
  static String collapseWhitespace(String s) {
    StringBuilder out = null;
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      boolean space = isRegexSpace(c);
      if (!space) {
        if (out != null) {
          out.append(c);
        }
        continue;
      }
      int j = i;
      while (j + 1 < n && isRegexSpace(s.charAt(j + 1))) {
        j++;
      }
      if (out == null) {
        if (c == ' ' && j == i) {
          continue;
        }
        out = new StringBuilder(n).append(s, 0, i);
      }
      out.append(' ');
      i = j;
    }
    return out == null ? s : out.toString();
  }

  private static boolean isRegexSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }

  /** The categorizer's ranking of one text (for segment checks). */
  public List<CategoryModel.Score> rank(String text) {
    return model.rank(text);
  }

  /** The one entry of a group sharing an error text that the message's concepts point to. */
  public Optional<String> resolveShared(List<String> group, Set<String> concepts) {
    return hints.resolve(group, concepts);
  }

  /** The categorizer this analyser ranks with. */
  public CategoryModel model() {
    return model;
  }

  public TextNormaliser normaliser() {
    return normaliser;
  }

  /** A probability within 0..1; NaN (a model that overflowed) counts as no evidence. */
  static double clamp(double p) {
    if (Double.isNaN(p)) {
      return 0;
    }
    return Math.max(0, Math.min(1, p));
  }
}
