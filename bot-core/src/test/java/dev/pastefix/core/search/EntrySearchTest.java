package dev.pastefix.core.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pastefix.core.testing.SampleReplies;
import dev.pastefix.knowledge.KnowledgeBase;
import java.util.List;
import org.junit.jupiter.api.Test;

class EntrySearchTest {
  private final KnowledgeBase shipped = SampleReplies.shipped();

  @Test
  void completesIdPrefixesBeforeOtherMatches() {
    List<EntrySearch.Match> matches = EntrySearch.of(shipped).complete("MAX-SHELLS", 10);

    assertEquals(2, matches.size(), matches.toString());
    assertTrue(matches.stream().allMatch(m -> m.id().startsWith("max-shells-")));
    assertEquals(1, EntrySearch.of(shipped).complete("", 1).size(), "the limit holds");
  }

  @Test
  void suggestsTheClosestIdsForATypo() {
    List<String> ids = EntrySearch.of(shipped).didYouMean("max-shels-user", 3);

    assertEquals("max-shells-user", ids.get(0));
  }

  @Test
  void keepsTheRankersOrderAndDropsUnknownAndRepeatedIds() {
    EntrySearch search =
        new EntrySearch(
            shipped,
            words -> List.of("clock-skew", "no-such-entry", "clock-skew", "max-shells-user"));

    assertEquals(List.of("clock-skew", "max-shells-user"), search.byWords("time", 5));
    assertEquals(List.of("clock-skew"), search.byWords("time", 1));
  }

  @Test
  void withoutAClassifierRanksByWordsOfIdAndTitle() {
    List<String> ids = EntrySearch.of(shipped).byWords("execution policy", 3);

    assertEquals("execution-policy", ids.get(0), ids.toString());
  }
}
