package dev.pastefix.core.classify;

import dev.pastefix.core.Thresholds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Merges signature hits into candidates: one per entry at its first position, in order of
 * appearance; hits of different entries on the same error text form a shared group, which the
 * {@link SharedErrorHints} may resolve to one entry. Immutable and thread-safe.
 */
public final class Combiner {
  /** Spans of two hits on "the same text" may differ by this many characters. */
  static final int SAME_TEXT_SLACK = 3;

  private final SharedErrorHints hints;

  public Combiner(SharedErrorHints hints) {
    this.hints = hints;
  }

  /** Signature candidates in order of appearance. */
  public List<Candidate> combine(List<SignatureHit> hits, Set<String> concepts) {
    Map<String, SignatureHit> first = new LinkedHashMap<>();
    Map<String, SignatureHit> longest = new LinkedHashMap<>();
    Map<String, Boolean> errorText = new LinkedHashMap<>();
    for (SignatureHit hit : hits) {
      first.putIfAbsent(hit.entryId(), hit);
      errorText.merge(hit.entryId(), hit.errorText(), Boolean::logicalOr);
      SignatureHit l = longest.get(hit.entryId());
      if (l == null || hit.length() > l.length()) {
        longest.put(hit.entryId(), hit);
      }
    }
    Map<String, Set<String>> shared = new LinkedHashMap<>();
    for (SignatureHit a : hits) {
      for (SignatureHit b : hits) {
        if (!a.entryId().equals(b.entryId())
            && a.overlaps(b)
            && Math.abs(a.length() - b.length()) <= SAME_TEXT_SLACK) {
          shared.computeIfAbsent(a.entryId(), k -> new LinkedHashSet<>()).add(b.entryId());
        }
      }
    }
    List<String> order = new ArrayList<>(first.keySet());
    order.sort((x, y) -> Integer.compare(first.get(x).start(), first.get(y).start()));
    List<Candidate> out = new ArrayList<>();
    Set<String> used = new LinkedHashSet<>();
    for (String id : order) {
      if (used.contains(id)) {
        continue;
      }
      SignatureHit hit = first.get(id);
      String evidence = longest.get(id).matched();
      Set<String> partners = shared.getOrDefault(id, Set.of());
      List<String> others = new ArrayList<>();
      for (String p : partners) {
        if (!used.contains(p)) {
          others.add(p);
        }
      }
      if (others.isEmpty()) {
        used.add(id);
        out.add(candidate(id, hit, evidence, List.of(), errorText.get(id)));
        continue;
      }
      List<String> group = new ArrayList<>();
      group.add(id);
      group.addAll(others);
      used.addAll(group);
      Optional<String> resolved = hints.resolve(group, concepts);
      if (resolved.isPresent()) {
        out.add(candidate(resolved.get(), hit, evidence, List.of(), errorText.get(id)));
      } else {
        out.add(candidate(id, hit, evidence, others, errorText.get(id)));
      }
    }
    return out;
  }

  private static Candidate candidate(
      String id, SignatureHit hit, String evidence, List<String> others, boolean errorText) {
    return new Candidate(
        id,
        errorText ? Thresholds.SIGNATURE_CONFIDENCE : Thresholds.PHRASE_CONFIDENCE,
        errorText ? Candidate.Source.SIGNATURE : Candidate.Source.PHRASE,
        hit.start(),
        evidence,
        others);
  }
}
