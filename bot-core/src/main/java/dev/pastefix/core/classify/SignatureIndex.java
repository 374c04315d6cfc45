package dev.pastefix.core.classify;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.pastefix.core.text.TextNormaliser;
import dev.pastefix.knowledge.Entry;
import dev.pastefix.knowledge.KnowledgeBase;
import dev.pastefix.knowledge.Symptom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Every symptom of every entry, compiled once: literal phrases are matched as lower-case
 * substrings of the normalised text (typographic quotes folded on both sides), patterns with
 * RE2, so matching stays linear in the length of the message. Immutable and thread-safe.
 */
public final class SignatureIndex {
  private record Compiled(
      String entryId, String lang, String literal, Pattern pattern, List<String> anchors, String shown) {}

  private final List<Compiled> signatures;

  public SignatureIndex(KnowledgeBase kb) {
    List<Compiled> compiled = new ArrayList<>();
    for (Entry entry : kb.entries()) {
      for (Symptom symptom : entry.symptoms()) {
        if (symptom.literal()) {
          String folded = TextNormaliser.foldPunctuation(symptom.normalizedText());
          compiled.add(
              new Compiled(entry.id(), symptom.lang(), folded, null, List.of(), symptom.source().strip()));
        } else {
          String folded = TextNormaliser.foldPunctuation(symptom.source());
          compiled.add(
              new Compiled(
                  entry.id(),
                  symptom.lang(),
                  null,
                  compilePattern(symptom),
                  RegexAnchor.anyOf(folded),
                  symptom.source()));
        }
      }
    }
    this.signatures = List.copyOf(compiled);
  }

  private static Pattern compilePattern(Symptom symptom) {
    String folded = TextNormaliser.foldPunctuation(symptom.source());
    try {
      return new Symptom(symptom.lang(), folded, false).compile();
    } catch (RuntimeException e) {
      return symptom.compile();
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
    List<SignatureHit> hits = new ArrayList<>();
    for (Compiled sig : signatures) {
      if (sig.literal != null) {
        int at = lower.indexOf(sig.literal);
        if (at >= 0) {
          hits.add(new SignatureHit(sig.entryId, at, at + sig.literal.length(), sig.shown, sig.lang));
        }
      } else if (anyPresent(lower, sig.anchors)) {
        Matcher m = sig.pattern.matcher(lower);
        if (m.find()) {
          String shown = lower.substring(m.start(), m.end());
          hits.add(new SignatureHit(sig.entryId, m.start(), m.end(), shown, sig.lang));
        }
      }
    }
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

  private static boolean anyPresent(String lower, List<String> anchors) {
    for (String anchor : anchors) {
      if (lower.contains(anchor)) {
        return true;
      }
    }
    return false;
  }

  static String lower(String text) {
    return text.toLowerCase(Locale.ROOT);
  }
}
