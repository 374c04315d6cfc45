package dev.pastefix.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pastefix.core.search.EntrySearch;
import dev.pastefix.knowledge.InvalidKnowledgeException;
import dev.pastefix.knowledge.KnowledgeBase;
import dev.pastefix.knowledge.KnowledgeLoader;
import java.util.List;
import java.util.Locale;
import net.dv8tion.jda.api.interactions.commands.Command;
import org.junit.jupiter.api.Test;

class KbChoicesTest {
  static final KnowledgeBase SHIPPED = shipped();
  final KbChoices choices = new KbChoices(EntrySearch.of(SHIPPED));

  @Test
  void idPrefixesComeBeforeTitleMatches() {
    List<String> values =
        choices.suggest("server-unav").stream().map(Command.Choice::getAsString).toList();
    assertTrue(values.size() >= 2, values.toString());
    assertTrue(values.stream().allMatch(v -> v.startsWith("server-unavailable")), values::toString);
    List<String> clock =
        choices.suggest("CLOCK").stream().map(Command.Choice::getAsString).toList();
    assertEquals("clock-skew", clock.get(0));
  }

  @Test
  void matchesWordsOfTheTitle() {
    String[] words = SHIPPED.entry("execution-policy").orElseThrow().title().split(" ");
    String word = words[words.length - 1].toLowerCase(Locale.ROOT);
    assertTrue(
        choices.suggest(word).stream().anyMatch(c -> c.getAsString().equals("execution-policy")),
        word);
  }

  @Test
  void offersAtMost25ChoicesWithNamesWithin100() {
    List<Command.Choice> offered = choices.suggest("");
    assertEquals(Math.min(DiscordLimits.CHOICES, SHIPPED.entries().size()), offered.size());
    assertTrue(offered.stream().allMatch(c -> c.getName().length() <= DiscordLimits.CHOICE_NAME));
  }

  private static KnowledgeBase shipped() {
    try {
      return new KnowledgeLoader().loadShipped();
    } catch (InvalidKnowledgeException e) {
      throw new IllegalStateException("the shipped knowledge base does not load", e);
    }
  }
}
