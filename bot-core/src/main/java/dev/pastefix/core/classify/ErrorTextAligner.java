package dev.pastefix.core.classify;

import dev.pastefix.knowledge.Entry;
import dev.pastefix.knowledge.KnowledgeBase;
import dev.pastefix.knowledge.Symptom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Recognises an entry's literal error text in a paste that does not hold it word for word: cut
 * short, wrapped, with other names, numbers, GUIDs, paths or addresses in it, or with a few words
 * left out. The error text and the message are aligned word by word (a weighted longest common
 * subsequence, rare words weighing most, variable values weighing nothing); the error text counts
 * when the aligned words carry most of its weight. Words the paste leaves out at a line's start or
 * end are a copy cut short and are forgiven; a different word where the error text goes on is a
 * different error and is not. Immutable and thread-safe.
 */
final class ErrorTextAligner {
  /** Share of the error text's weight (within what the paste covers) the aligned words need. */
  static final double MIN_SCORE = 0.8;

  /** Share of the whole error text's weight the aligned words need, however it was cut. */
  static final double MIN_FRACTION = 0.45;

  /** Distinct content words (not stop-words, not values) an alignment needs. */
  static final int MIN_WORDS = 3;

  /** From this many aligned content words on, a fragment of a long error text is enough. */
  static final int ENOUGH_WORDS = 7;

  /** A long error text may differ from the paste in one word in this many (see {@link #align}). */
  static final int SUBSTITUTIONS_PER = 16;

  /** Weight of a stop-word: it keeps an alignment in order but proves little. */
  static final double STOP_WEIGHT = 0.2;

  /** The part of a message aligned: at most this many tokens (a long log is one error report). */
  static final int MAX_MESSAGE_TOKENS = 600;

  /** An error text sharing fewer rare words than this with a message is not aligned at all. */
  static final int MIN_SHARED_RARE = 2;

  /**
   * One error text ready to align: its entry, language, word forms and their weights, and whether
   * it is the entry's own title (a heading names the problem; a paste following it partway is no
   * look-alike of an error the console prints).
   */
  private record ErrorText(
      String entryId, String lang, String[] forms, double[] weights, double total, boolean title) {}

  /**
   * Where PowerShell's remoting framing ends and the error itself starts ("... failed with the
   * following error message : The user ..."): the framing is printed in the console's language and
   * around many different errors, so only what follows it is aligned.
   */
  private static final List<String> FRAMING_ENDS =
      List.of("following error message", "message d'erreur suivant", "오류 메시지");

  /** An alignment found in a message. */
  record Alignment(
      String entryId,
      String lang,
      int start,
      int end,
      double score,
      double fraction,
      boolean nearMiss) {}

  /**
   * Share of an error text's weight a rejected alignment must still cover to be a near miss: a
   * paste that follows one of the knowledge's error texts this far and then says something else is
   * a different error that looks like ours.
   */
  static final double NEAR_MISS_FRACTION = 0.5;

  /**
   * Distinct content words a near miss must follow before it departs: a look-alike, not a quote.
   */
  static final int NEAR_MISS_WORDS = 4;

  private final List<ErrorText> texts = new ArrayList<>();
  // word -> indexes of the error texts using it
  private final Map<String, int[]> byWord = new HashMap<>();

  ErrorTextAligner(KnowledgeBase kb, Set<String> entryIds, SectionIndex weights) {
    Map<String, List<Integer>> index = new HashMap<>();
    for (Entry entry : kb.entries()) {
      if (!entryIds.contains(entry.id())) {
        continue;
      }
      for (Symptom symptom : entry.symptoms()) {
        if (!symptom.literal()) {
          continue;
        }
        List<String> forms = new ArrayList<>();
        List<Double> ws = new ArrayList<>();
        int content = 0;
        for (SectionText.Token t : SectionText.tokens(withoutFraming(symptom.source()))) {
          if (isValue(t)) {
            continue;
          }
          boolean stop = SectionText.STOP.contains(t.form());
          forms.add(t.form());
          ws.add(stop ? STOP_WEIGHT : weights.idf(t.form()));
          content += stop ? 0 : 1;
        }
        if (content < MIN_WORDS) {
          continue;
        }
        double[] w = ws.stream().mapToDouble(Double::doubleValue).toArray();
        double total = 0;
        for (double x : w) {
          total += x;
        }
        int id = texts.size();
        boolean title = symptom.source().strip().equalsIgnoreCase(entry.title().strip());
        texts.add(
            new ErrorText(
                entry.id(), symptom.lang(), forms.toArray(new String[0]), w, total, title));
        for (String form : new LinkedHashSet<>(forms)) {
          if (!SectionText.STOP.contains(form)) {
            index.computeIfAbsent(form, k -> new ArrayList<>()).add(id);
          }
        }
      }
    }
    index.forEach((k, v) -> byWord.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
  }

  /**
   * The error text after PowerShell's remoting framing, or the whole text when it has none (or
   * nothing of its own after it).
   */
  static String withoutFraming(String errorText) {
    String lower = errorText.toLowerCase(java.util.Locale.ROOT);
    for (String marker : FRAMING_ENDS) {
      int at = lower.indexOf(marker);
      if (at < 0) {
        continue;
      }
      String rest = errorText.substring(at + marker.length()).strip();
      if (rest.startsWith(":")) {
        rest = rest.substring(1).strip();
      }
      int words = 0;
      for (SectionText.Token t : SectionText.tokens(rest)) {
        words += isValue(t) || SectionText.STOP.contains(t.form()) ? 0 : 1;
      }
      return words >= MIN_WORDS ? rest : errorText;
    }
    return errorText;
  }

  /** Whether there is anything to align against. */
  boolean isEmpty() {
    return texts.isEmpty();
  }

  /**
   * The error texts found in {@code text}, best alignment per entry, in order of position, and the
   * near misses (marked) of entries with no alignment.
   */
  List<Alignment> find(String text) {
    List<SectionText.Token> all = SectionText.tokens(text);
    List<SectionText.Token> tokens =
        all.size() > MAX_MESSAGE_TOKENS ? all.subList(0, MAX_MESSAGE_TOKENS) : all;
    Map<Integer, Integer> shared = new HashMap<>();
    Set<String> seen = new LinkedHashSet<>();
    for (SectionText.Token t : tokens) {
      if (!isValue(t) && seen.add(t.form())) {
        for (int id : byWord.getOrDefault(t.form(), new int[0])) {
          shared.merge(id, 1, Integer::sum);
        }
      }
    }
    Map<String, Alignment> best = new HashMap<>();
    List<Alignment> nearMisses = new ArrayList<>();
    for (Map.Entry<Integer, Integer> e : shared.entrySet()) {
      if (e.getValue() < Math.min(MIN_SHARED_RARE, MIN_WORDS)) {
        continue;
      }
      ErrorText et = texts.get(e.getKey());
      Alignment a = align(et, tokens);
      if (a != null && a.nearMiss()) {
        if (!et.title()) {
          nearMisses.add(a);
        }
        continue;
      }
      if (a != null) {
        Alignment old = best.get(et.entryId());
        if (old == null || a.score() * a.fraction() > old.score() * old.fraction()) {
          best.put(et.entryId(), a);
        }
      }
    }
    List<Alignment> out = new ArrayList<>(best.values());
    // A near miss of an entry that also aligned, or whose error text is found whole, is no miss.
    for (Alignment miss : nearMisses) {
      if (!best.containsKey(miss.entryId())) {
        out.add(miss);
      }
    }
    out.sort(
        (x, y) ->
            x.start() != y.start()
                ? Integer.compare(x.start(), y.start())
                : x.entryId().compareTo(y.entryId()));
    return out;
  }

  private static Alignment align(ErrorText et, List<SectionText.Token> m) {
    int a = et.forms().length;
    int b = m.size();
    double[][] dp = new double[a + 1][b + 1];
    for (int i = a - 1; i >= 0; i--) {
      for (int j = b - 1; j >= 0; j--) {
        SectionText.Token t = m.get(j);
        double take =
            !isValue(t) && t.form().equals(et.forms()[i]) ? et.weights()[i] + dp[i + 1][j + 1] : -1;
        dp[i][j] = Math.max(take, Math.max(dp[i + 1][j], dp[i][j + 1]));
      }
    }
    if (dp[0][0] <= 0) {
      return null;
    }
    // Walk the alignment: which words of the error text are matched, and to which tokens.
    int[] to = new int[a];
    java.util.Arrays.fill(to, -1);
    int i = 0;
    int j = 0;
    while (i < a && j < b) {
      SectionText.Token t = m.get(j);
      if (!isValue(t)
          && t.form().equals(et.forms()[i])
          && Math.abs(dp[i][j] - (et.weights()[i] + dp[i + 1][j + 1])) < 1e-9) {
        to[i] = j;
        i++;
        j++;
      } else if (dp[i + 1][j] >= dp[i][j + 1]) {
        i++;
      } else {
        j++;
      }
    }
    int first = -1;
    int last = -1;
    double matched = 0;
    Set<String> words = new LinkedHashSet<>();
    for (int k = 0; k < a; k++) {
      if (to[k] >= 0) {
        if (first < 0) {
          first = k;
        }
        last = k;
        matched += et.weights()[k];
        if (!SectionText.STOP.contains(et.forms()[k])) {
          words.add(et.forms()[k]);
        }
      }
    }
    if (first < 0 || words.size() < MIN_WORDS) {
      return null;
    }
    // A content word of the error text left out between two aligned ones, where the paste has
    // another word instead, makes it another error ("could not authenticate" is not "could not
    // connect"); long error texts may lose one in every SUBSTITUTIONS_PER words.
    int substituted = 0;
    int content = 0;
    for (int k = 0; k < a; k++) {
      if (!SectionText.STOP.contains(et.forms()[k])) {
        content++;
      }
    }
    int previous = first;
    for (int k = first + 1; k <= last; k++) {
      if (to[k] < 0) {
        continue;
      }
      boolean gapInText = false;
      for (int g = previous + 1; g < k; g++) {
        gapInText |= !SectionText.STOP.contains(et.forms()[g]);
      }
      boolean wordsInPaste = false;
      for (int j2 = to[previous] + 1; j2 < to[k]; j2++) {
        wordsInPaste |= !isValue(m.get(j2));
      }
      if (gapInText && wordsInPaste) {
        substituted++;
      }
      previous = k;
    }
    boolean before = cutBefore(m, to[first]);
    boolean after = cutAfter(m, to[last]);
    if (!before && hasContent(et, 0, first)) {
      substituted++;
    }
    if (!after && hasContent(et, last + 1, a)) {
      substituted++;
    }
    double fractionSoFar = matched / et.total();
    if (substituted > content / SUBSTITUTIONS_PER) {
      return fractionSoFar >= NEAR_MISS_FRACTION && words.size() >= NEAR_MISS_WORDS
          ? new Alignment(
              et.entryId(),
              et.lang(),
              m.get(to[first]).start(),
              m.get(to[last]).end(),
              0,
              fractionSoFar,
              true)
          : null;
    }
    // Words of the error text before the first and after the last aligned one are forgiven when
    // the paste starts or ends a line there: the admin copied only part of it.
    double forgiven = 0;
    if (before) {
      for (int k = 0; k < first; k++) {
        forgiven += et.weights()[k];
      }
    }
    if (after) {
      for (int k = last + 1; k < a; k++) {
        forgiven += et.weights()[k];
      }
    }
    double score = matched / Math.max(1e-9, et.total() - forgiven);
    double fraction = matched / et.total();
    if (score < MIN_SCORE || (fraction < MIN_FRACTION && words.size() < ENOUGH_WORDS)) {
      return null;
    }
    return new Alignment(
        et.entryId(),
        et.lang(),
        m.get(to[first]).start(),
        m.get(to[last]).end(),
        score,
        fraction,
        false);
  }

  /**
   * Whether a token is a value rather than a word of the error: a name, address or path, or a count
   * of at most three digits (a quota, a number of runs); longer numbers are error codes.
   */
  static boolean isValue(SectionText.Token t) {
    if (t.variable()) {
      return true;
    }
    String f = t.form();
    if (f.isEmpty() || f.length() > 3) {
      return false;
    }
    for (int i = 0; i < f.length(); i++) {
      if (!Character.isDigit(f.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean hasContent(ErrorText et, int from, int to) {
    for (int k = from; k < to; k++) {
      if (!SectionText.STOP.contains(et.forms()[k])) {
        return true;
      }
    }
    return false;
  }

  /** Whether nothing but values precede token {@code j} on its line. */
  private static boolean cutBefore(List<SectionText.Token> m, int j) {
    for (int k = j - 1; k >= 0 && m.get(k).line() == m.get(j).line(); k--) {
      if (!isValue(m.get(k))) {
        return false;
      }
    }
    return true;
  }

  /** Whether nothing but values follow token {@code j} on its line. */
  private static boolean cutAfter(List<SectionText.Token> m, int j) {
    for (int k = j + 1; k < m.size() && m.get(k).line() == m.get(j).line(); k++) {
      if (!isValue(m.get(k))) {
        return false;
      }
    }
    return true;
  }
}
