package dev.pastefix.core.classify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds where each of a fixed list of terms first occurs in a text in one pass over the text,
 * instead of one {@code indexOf} per term: the lexicon and the signature index hold hundreds of
 * terms and run on every message. Immutable and thread-safe.
 */
final class TermScanner {
  /** Tells whether an occurrence of a term at a position counts (word boundaries, for example). */
  interface Accept {
    boolean at(String text, int term, int start);
  }

  private static final int ASCII = 128;
  private static final int[] NONE = new int[0];

  /** Terms sharing their first two ASCII characters beyond which they are told apart further. */
  static final int CROWDED = 8;

  private final String[] terms;
  private final int[] emptyTerms;
  // Terms of two or more characters by their first two characters; ASCII pairs in a flat table.
  private final int[][] asciiPairs = new int[ASCII * ASCII][];
  // A crowded ASCII pair keeps its terms of four or more characters by their third and fourth
  // characters instead: with thousands of terms, "co" or "th" would otherwise start hundreds.
  private final Map<Integer, int[]>[] asciiDeep;
  private final Map<Integer, int[]> otherPairs;
  // Terms of one character by that character.
  private final Map<Character, int[]> singles;
  // Bit per hashed non-ASCII pair and per single character that starts a term: most positions of
  // a text start no term, and a bit test is far cheaper than a map lookup.
  private final long[] starts = new long[1 << 10];

  TermScanner(List<String> terms) {
    this.terms = terms.toArray(new String[0]);
    this.scratch = ThreadLocal.withInitial(() -> new Scratch(this.terms.length));
    this.emptyTerms =
        java.util.stream.IntStream.range(0, this.terms.length)
            .filter(i -> this.terms[i].isEmpty())
            .toArray();
    Map<Integer, List<Integer>> pairs = new HashMap<>();
    Map<Character, List<Integer>> single = new HashMap<>();
    for (int i = 0; i < this.terms.length; i++) {
      String t = this.terms[i];
      if (t.isEmpty()) {
        continue;
      }
      if (t.length() == 1) {
        single.computeIfAbsent(t.charAt(0), k -> new ArrayList<>()).add(i);
        mark(t.charAt(0));
      } else {
        pairs.computeIfAbsent(key(t.charAt(0), t.charAt(1)), k -> new ArrayList<>()).add(i);
        mark(key(t.charAt(0), t.charAt(1)));
      }
    }
    Map<Integer, int[]> other = new HashMap<>();
    @SuppressWarnings({"unchecked", "rawtypes"})
    Map<Integer, int[]>[] deepTable = new Map[ASCII * ASCII];
    this.asciiDeep = deepTable;
    for (Map.Entry<Integer, List<Integer>> e : pairs.entrySet()) {
      int[] ids = e.getValue().stream().mapToInt(Integer::intValue).toArray();
      int k = e.getKey();
      char a = (char) (k >>> 16);
      char b = (char) k;
      if (a < ASCII && b < ASCII) {
        int slot = a * ASCII + b;
        if (ids.length <= CROWDED) {
          asciiPairs[slot] = ids;
          continue;
        }
        List<Integer> shorter = new ArrayList<>();
        Map<Integer, List<Integer>> deeper = new HashMap<>();
        for (int id : ids) {
          String t = this.terms[id];
          if (t.length() < 4) {
            shorter.add(id);
          } else {
            deeper.computeIfAbsent(key(t.charAt(2), t.charAt(3)), x -> new ArrayList<>()).add(id);
          }
        }
        asciiPairs[slot] = shorter.stream().mapToInt(Integer::intValue).toArray();
        Map<Integer, int[]> deep = new HashMap<>();
        deeper.forEach((k2, l) -> deep.put(k2, l.stream().mapToInt(Integer::intValue).toArray()));
        asciiDeep[slot] = deep;
      } else {
        other.put(k, ids);
      }
    }
    // HashMap, not Map.copyOf: character-pair keys are dense integers, which Map.copyOf's table
    // does not spread, so its probes would grow with the number of terms.
    this.otherPairs = other;
    Map<Character, int[]> singleIds = new HashMap<>();
    single.forEach(
        (c, ids) -> singleIds.put(c, ids.stream().mapToInt(Integer::intValue).toArray()));
    this.singles = singleIds;
  }

  private void mark(int key) {
    int bit = mix(key);
    starts[bit >>> 6] |= 1L << bit;
  }

  private boolean marked(int key) {
    int bit = mix(key);
    return (starts[bit >>> 6] & (1L << bit)) != 0;
  }

  private static int mix(int key) {
    return (key * 0x9E3779B1) >>> 16;
  }

  private static int key(char a, char b) {
    return (a << 16) | b;
  }

  int size() {
    return terms.length;
  }

  String term(int i) {
    return terms[i];
  }

  /** The first position of each term in {@code text}, or -1; same indexes as the term list. */
  int[] firstPositions(String text) {
    return firstPositions(text, (t, term, start) -> true);
  }

  /**
   * The first position of each term in {@code text} ({@code first}, -1 when absent) and the ids of
   * the terms found, in the order found: callers with thousands of terms visit only those.
   */
  record Found(int[] first, int[] ids) {}

  /**
   * A thread's array of first positions, all -1 between scans: with tens of thousands of terms,
   * allocating and filling one per scan cost more than the scan.
   */
  private static final class Scratch {
    final int[] first;
    boolean busy;

    Scratch(int terms) {
      first = new int[terms];
      java.util.Arrays.fill(first, -1);
    }
  }

  private final ThreadLocal<Scratch> scratch;

  /**
   * Scans {@code text} and gives what it found to {@code reader}, which must not keep it: the
   * arrays are this thread's and are reset once {@code reader} returns. The cost follows the text
   * and the terms found in it, not the number of terms.
   */
  <T> T find(String text, java.util.function.Function<Found, T> reader) {
    Scratch own = scratch.get();
    // A reader that scans again on this thread gets arrays of its own.
    int[] first = own.busy ? minusOnes(terms.length) : own.first;
    boolean borrowed = !own.busy;
    own.busy = true;
    int[][] ids = {new int[8]};
    int[] n = {0};
    try {
      scan(
          text,
          first,
          (t, term, start) -> true,
          id -> {
            if (n[0] == ids[0].length) {
              ids[0] = java.util.Arrays.copyOf(ids[0], n[0] * 2);
            }
            ids[0][n[0]++] = id;
          });
      return reader.apply(new Found(first, java.util.Arrays.copyOf(ids[0], n[0])));
    } finally {
      if (borrowed) {
        for (int i = 0; i < n[0]; i++) {
          first[ids[0][i]] = -1;
        }
        own.busy = false;
      }
    }
  }

  /** The first position of each term in {@code text} that {@code accept} admits, or -1. */
  int[] firstPositions(String text, Accept accept) {
    return scan(text, minusOnes(terms.length), accept, id -> {});
  }

  private static int[] minusOnes(int n) {
    int[] a = new int[n];
    java.util.Arrays.fill(a, -1);
    return a;
  }

  private int[] scan(
      String text, int[] first, Accept accept, java.util.function.IntConsumer found) {
    for (int i : emptyTerms) {
      first[i] = 0; // as String.indexOf("") does
      found.accept(i);
    }
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char a = text.charAt(i);
      if (!singles.isEmpty() && marked(a)) {
        int[] ids = singles.getOrDefault(a, NONE);
        for (int id : ids) {
          if (first[id] < 0 && accept.at(text, id, i)) {
            first[id] = i;
            found.accept(id);
          }
        }
      }
      if (i + 1 >= n) {
        break;
      }
      char b = text.charAt(i + 1);
      int[] ids;
      if (a < ASCII && b < ASCII) {
        int slot = a * ASCII + b;
        ids = asciiPairs[slot];
        Map<Integer, int[]> deep = asciiDeep[slot];
        if (deep != null && i + 3 < n) {
          int[] longer = deep.get(key(text.charAt(i + 2), text.charAt(i + 3)));
          if (longer != null) {
            visit(text, i, longer, first, accept, found);
          }
        }
      } else {
        int k = key(a, b);
        ids = marked(k) ? otherPairs.get(k) : null;
      }
      if (ids != null) {
        visit(text, i, ids, first, accept, found);
      }
    }
    return first;
  }

  private void visit(
      String text,
      int i,
      int[] ids,
      int[] first,
      Accept accept,
      java.util.function.IntConsumer found) {
    for (int id : ids) {
      if (first[id] < 0 && text.startsWith(terms[id], i) && accept.at(text, id, i)) {
        first[id] = i;
        found.accept(id);
      }
    }
  }
}
