package dev.pastefix.core.classify;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.pastefix.core.text.TextNormaliser;
import dev.pastefix.knowledge.Entry;
import dev.pastefix.knowledge.KnowledgeBase;
import dev.pastefix.knowledge.Symptom;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;

/**
 * Every symptom of every entry, compiled once (patterns when first needed): literal phrases are
 * matched as lower-case substrings of the normalised text (typographic quotes folded on both
 * sides), patterns with RE2, so matching stays linear in the length of the message. Immutable and
 * thread-safe.
 */
public final class SignatureIndex {
  private record Compiled(
      String entryId,
      String lang,
      String literal,
      LazyPattern pattern,
      List<List<String>> clauses,
      String shown,
      boolean errorText,
      int literalTerm,
      int[][] clauseTerms) {}

  /** Literal weight (Latin letters count 1, Hangul 2) from which a pattern is an error text. */
  static final int ERROR_TEXT_WEIGHT = 12;

  /** A pattern with a gap ({@code .{0,40}}) needs this weight to count as an error text. */
  static final int ERROR_TEXT_WEIGHT_WITH_GAP = 20;

  /** A quoted fragment needs this many words and characters to stand for a symptom. */
  static final int QUOTE_MIN_WORDS = 4;

  static final int QUOTE_MIN_CHARS = 20;

  /** A literal of this many words counts as an error text even in plain words. */
  static final int ERROR_TEXT_WORDS = 4;

  private static final int[] NO_MATCH = new int[0];
  private static final int[] NO_SIGNATURES = new int[0];

  private final List<Compiled> signatures;
  // Every literal symptom and every word a pattern requires, found in one pass per message.
  private final TermScanner scanner;
  // Term id -> the symptoms to look at when the term is in a text; symptoms with no required word.
  private final int[][] signaturesByTerm;
  private final int[] unanchored;
  // The literal symptoms that are error texts, and those of them using each word.
  private final int[] errorTexts;
  private final java.util.Map<String, int[]> errorTextsByWord;

  public SignatureIndex(KnowledgeBase kb) {
    java.util.Map<String, Integer> termIds = new java.util.LinkedHashMap<>();
    // Entries may share an error text; each distinct pattern is compiled, and run, once.
    java.util.Map<String, LazyPattern> patterns = new java.util.HashMap<>();
    List<Compiled> compiled = new ArrayList<>();
    for (Entry entry : kb.entries()) {
      for (Symptom symptom : entry.symptoms()) {
        if (symptom.literal()) {
          String folded = TextNormaliser.foldPunctuation(symptom.normalizedText());
          compiled.add(
              new Compiled(
                  entry.id(),
                  symptom.lang(),
                  folded,
                  null,
                  List.of(),
                  symptom.source().strip(),
                  literalIsErrorText(symptom.source()),
                  termId(folded, termIds),
                  new int[0][]));
        } else {
          String folded = TextNormaliser.foldPunctuation(symptom.source());
          List<List<String>> clauses = RegexAnchor.clauses(folded);
          int[][] clauseTerms = new int[clauses.size()][];
          for (int c = 0; c < clauses.size(); c++) {
            clauseTerms[c] = clauses.get(c).stream().mapToInt(t -> termId(t, termIds)).toArray();
          }
          compiled.add(
              new Compiled(
                  entry.id(),
                  symptom.lang(),
                  null,
                  patterns.computeIfAbsent(
                      symptom.lang() + "\u0000" + symptom.source(), k -> new LazyPattern(symptom)),
                  clauses,
                  symptom.source(),
                  patternIsErrorText(folded),
                  -1,
                  clauseTerms));
        }
      }
    }
    this.signatures = List.copyOf(compiled);
    this.scanner = new TermScanner(List.copyOf(termIds.keySet()));
    // Each symptom is looked at only when its literal, or a word of its pattern's first clause,
    // is in the text: the cost of a message follows its matches, not the size of the base.
    List<List<Integer>> byTerm = new ArrayList<>();
    for (int t = 0; t < termIds.size(); t++) {
      byTerm.add(new ArrayList<>());
    }
    List<Integer> always = new ArrayList<>();
    for (int i = 0; i < compiled.size(); i++) {
      Compiled sig = compiled.get(i);
      if (sig.literal != null) {
        byTerm.get(sig.literalTerm).add(i);
      } else if (sig.clauseTerms.length == 0) {
        always.add(i);
      } else {
        for (int term : sig.clauseTerms[0]) {
          byTerm.get(term).add(i);
        }
      }
    }
    this.signaturesByTerm =
        byTerm.stream()
            .map(l -> l.stream().mapToInt(Integer::intValue).distinct().toArray())
            .toArray(int[][]::new);
    this.unanchored = always.stream().mapToInt(Integer::intValue).toArray();
    List<Integer> quotable = new ArrayList<>();
    java.util.Map<String, List<Integer>> byWord = new java.util.HashMap<>();
    for (int i = 0; i < compiled.size(); i++) {
      Compiled sig = compiled.get(i);
      if (sig.literal != null && sig.errorText) {
        quotable.add(i);
        for (String word : new java.util.LinkedHashSet<>(List.of(sig.literal.split(" ")))) {
          byWord.computeIfAbsent(word, w -> new ArrayList<>()).add(i);
        }
      }
    }
    this.errorTexts = quotable.stream().mapToInt(Integer::intValue).toArray();
    java.util.Map<String, int[]> errorTextIndex = new java.util.HashMap<>();
    byWord.forEach(
        (w, l) -> errorTextIndex.put(w, l.stream().mapToInt(Integer::intValue).toArray()));
    this.errorTextsByWord = errorTextIndex;
  }

  private static int termId(String term, java.util.Map<String, Integer> ids) {
    return ids.computeIfAbsent(term, t -> ids.size());
  }

  /**
   * Whether a literal symptom quotes an error rather than naming the problem in plain words: it has
   * {@link #ERROR_TEXT_WORDS} words, or a technical token (digits, dots, hyphens, CamelCase or
   * capitals), as "TrustModelData" or "Sign-in address not found" do.
   */
  public static boolean literalIsErrorText(String literal) {
    String[] words = literal.strip().split("\\s+");
    if (words.length >= ERROR_TEXT_WORDS) {
      return true;
    }
    for (String word : words) {
      if (word.matches(".*[0-9._\\\\-].*") || word.matches(".+[A-Z].*")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a pattern symptom quotes an error: enough literal text that it cannot match ordinary
   * chat by accident, more when it leaves gaps.
   */
  static boolean patternIsErrorText(String regex) {
    int weight = 0;
    for (String run : RegexAnchor.runs(regex)) {
      weight += RegexAnchor.weight(run);
    }
    boolean gap = regex.contains(".{") || regex.contains(".*") || regex.contains(".+");
    return weight >= (gap ? ERROR_TEXT_WEIGHT_WITH_GAP : ERROR_TEXT_WEIGHT);
  }

  /**
   * A pattern symptom, compiled the first time a text has every word it requires: most patterns of
   * a large knowledge base never run, and a compiled pattern takes kilobytes. The loader has
   * already checked that every pattern compiles.
   */
  private static final class LazyPattern {
    private final Symptom symptom;
    private volatile Pattern compiled;

    LazyPattern(Symptom symptom) {
      this.symptom = symptom;
    }

    /** Where the pattern first matches {@code lower}: {start, end}, or {@link #NO_MATCH}. */
    int[] find(String lower) {
      Matcher m = get().matcher(lower);
      return m.find() ? new int[] {m.start(), m.end()} : NO_MATCH;
    }

    Pattern get() {
      Pattern pattern = compiled;
      if (pattern == null) {
        // Two threads may both compile it; the patterns are equal and either may be kept.
        pattern = compile(symptom);
        compiled = pattern;
      }
      return pattern;
    }

    private static Pattern compile(Symptom symptom) {
      String folded = TextNormaliser.foldPunctuation(symptom.source());
      try {
        return new Symptom(symptom.lang(), folded, false).compile();
      } catch (RuntimeException e) {
        return symptom.compile();
      }
    }
  }

  /** Number of compiled symptoms. */
  public int size() {
    return signatures.size();
  }

  /**
   * Every symptom found in {@code lower} (normalised lower-case text), ordered by position; where
   * hits of two entries overlap and one contains the other, only the longer one is kept.
   */
  public List<SignatureHit> find(String lower) {
    return find(lower, List.of());
  }

  /**
   * Like {@link #find(String)}, and also a quoted fragment of four or more words that is part of a
   * literal symptom counts as that symptom: people quote the part of an error that matters.
   */
  public List<SignatureHit> find(String lower, List<String> quoted) {
    List<SignatureHit> hits = new ArrayList<>();
    for (String fragment : quoted) {
      if (fragment.split(" ").length < QUOTE_MIN_WORDS || fragment.length() < QUOTE_MIN_CHARS) {
        continue;
      }
      int at = lower.indexOf(fragment);
      if (at < 0) {
        continue;
      }
      for (int index : errorTextsWithWordsOf(fragment)) {
        Compiled sig = signatures.get(index);
        if (sig.literal.contains(fragment)) {
          hits.add(
              new SignatureHit(sig.entryId, at, at + fragment.length(), fragment, sig.lang, true));
        }
      }
    }
    scanner.find(
        lower,
        found -> {
          addHits(lower, found, hits);
          return null;
        });
    hits.sort(
        Comparator.comparingInt(SignatureHit::start)
            .thenComparing(Comparator.comparingInt(SignatureHit::length).reversed()));
    List<SignatureHit> kept = new ArrayList<>();
    for (SignatureHit hit : hits) {
      boolean swallowed = false;
      for (SignatureHit other : hits) {
        if (other != hit
            && !other.entryId().equals(hit.entryId())
            && other.contains(hit)
            && other.length() > hit.length()) {
          swallowed = true;
          break;
        }
      }
      if (!swallowed) {
        kept.add(hit);
      }
    }
    return kept;
  }

  /**
   * The literal error texts that may contain {@code fragment}: those using its rarest inner word. A
   * word between two spaces of the fragment is a whole word of any literal containing it.
   */
  private int[] errorTextsWithWordsOf(String fragment) {
    String[] words = fragment.split(" ", -1);
    int[] best = null;
    for (int w = 1; w < words.length - 1; w++) {
      int[] users = errorTextsByWord.getOrDefault(words[w], NO_SIGNATURES);
      if (best == null || users.length < best.length) {
        best = users;
      }
    }
    return best == null ? errorTexts : best;
  }

  /** The hits of the symptoms whose terms {@code found} holds. */
  private void addHits(String lower, TermScanner.Found found, List<SignatureHit> hits) {
    int[] first = found.first();
    // Where each pattern run on this text matched ({start, end}, or NO_MATCH), so that a pattern
    // several entries share runs once.
    java.util.Map<LazyPattern, int[]> runs = new java.util.IdentityHashMap<>();
    BitSet candidates = candidates(found);
    for (int index = candidates.nextSetBit(0);
        index >= 0;
        index = candidates.nextSetBit(index + 1)) {
      Compiled sig = signatures.get(index);
      if (sig.literal != null) {
        int at = first[sig.literalTerm];
        if (at >= 0) {
          hits.add(
              new SignatureHit(
                  sig.entryId, at, at + sig.literal.length(), sig.shown, sig.lang, sig.errorText));
        }
      } else if (allClausesMet(first, sig.clauseTerms)) {
        int[] match = runs.computeIfAbsent(sig.pattern, p -> p.find(lower));
        if (match != NO_MATCH) {
          String shown = lower.substring(match[0], match[1]);
          hits.add(
              new SignatureHit(sig.entryId, match[0], match[1], shown, sig.lang, sig.errorText));
        }
      }
    }
  }

  /** The symptoms the found terms point to (read in knowledge-base order, each once). */
  private BitSet candidates(TermScanner.Found found) {
    BitSet out = new BitSet(signatures.size());
    for (int index : unanchored) {
      out.set(index);
    }
    for (int term : found.ids()) {
      for (int index : signaturesByTerm[term]) {
        out.set(index);
      }
    }
    return out;
  }

  private static boolean allClausesMet(int[] first, int[][] clauses) {
    for (int[] clause : clauses) {
      boolean met = false;
      for (int term : clause) {
        if (first[term] >= 0) {
          met = true;
          break;
        }
      }
      if (!met) {
        return false;
      }
    }
    return true;
  }
}
