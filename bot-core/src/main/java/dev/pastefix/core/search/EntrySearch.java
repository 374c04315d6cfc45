package dev.pastefix.core.search;

import dev.pastefix.knowledge.Entry;
import dev.pastefix.knowledge.KnowledgeBase;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The one search over the knowledge base's entries: {@code kb <words>} in chat, the "did you mean"
 * of {@code pastefix kb show}, and Discord's autocomplete all ask it. Immutable and thread-safe
 * when its ranker is.
 */
public final class EntrySearch {

  /** One entry as a search offers it: its id and title. */
  public record Match(String id, String title) {
    public Match {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(title, "title");
    }
  }

  private final KnowledgeBase knowledge;
  private final List<Match> entries;
  private final Function<String, List<String>> ranker;

  /**
   * A search over {@code knowledge}; {@code ranker} orders entry ids by how well they fit some
   * words, best first (the engine's categorizer).
   */
  public EntrySearch(KnowledgeBase knowledge, Function<String, List<String>> ranker) {
    this.knowledge = Objects.requireNonNull(knowledge, "knowledge");
    this.ranker = Objects.requireNonNull(ranker, "ranker");
    List<Match> all = new ArrayList<>();
    for (Entry entry : knowledge.entries()) {
      all.add(new Match(entry.id(), entry.title()));
    }
    this.entries = List.copyOf(all);
  }

  /**
   * A search without a trained categorizer, for tools that only complete or correct ids: words are
   * ranked by how many of them the entry's id and title contain.
   */
  public static EntrySearch of(KnowledgeBase knowledge) {
    List<Match> all = knowledge.entries().stream().map(e -> new Match(e.id(), e.title())).toList();
    return new EntrySearch(knowledge, words -> byWordOverlap(all, words));
  }

  /** The entries that fit some words best, at most {@code limit}. */
  public List<String> byWords(String words, int limit) {
    List<String> ids = new ArrayList<>();
    for (String id : ranker.apply(words.strip())) {
      if (ids.size() == limit) {
        break;
      }
      if (knowledge.entry(id).isPresent() && !ids.contains(id)) {
        ids.add(id);
      }
    }
    return ids;
  }

  /** The ids closest to a mistyped one, best first, at most {@code limit}. */
  public List<String> didYouMean(String typedId, int limit) {
    return knowledge.closestIds(typedId, limit);
  }

  /**
   * Entries for what has been typed so far, at most {@code limit}: ids that start with it first,
   * then ids or titles that contain it; case does not matter.
   */
  public List<Match> complete(String typed, int limit) {
    String query = typed.strip().toLowerCase(Locale.ROOT);
    List<Match> first = new ArrayList<>();
    List<Match> then = new ArrayList<>();
    for (Match m : entries) {
      String id = m.id().toLowerCase(Locale.ROOT);
      if (id.startsWith(query)) {
        first.add(m);
      } else if (id.contains(query) || m.title().toLowerCase(Locale.ROOT).contains(query)) {
        then.add(m);
      }
    }
    first.addAll(then);
    return List.copyOf(first.subList(0, Math.min(limit, first.size())));
  }

  private record Scored(String id, int score) {}

  private static List<String> byWordOverlap(List<Match> all, String words) {
    Set<String> wanted = Set.of(words.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"));
    return all.stream()
        .map(m -> new Scored(m.id(), overlap(m, wanted)))
        .filter(s -> s.score() > 0)
        .sorted(Comparator.comparingInt(Scored::score).reversed())
        .map(Scored::id)
        .toList();
  }

  private static int overlap(Match m, Set<String> wanted) {
    int count = 0;
    String text = (m.id() + " " + m.title()).toLowerCase(Locale.ROOT);
    for (String word : text.split("[^\\p{L}\\p{N}]+")) {
      if (!word.isEmpty() && wanted.contains(word)) {
        count++;
      }
    }
    return count;
  }
}
