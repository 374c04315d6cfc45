package dev.pastefix.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import net.dv8tion.jda.api.interactions.commands.Command;
import org.junit.jupiter.api.Test;

class KbChoicesTest {
  final KbChoices choices =
      new KbChoices(
          List.of(
              new KbChoices.Suggestion("clock-skew", "System clock out of sync"),
              new KbChoices.Suggestion(
                  "server-unavailable-dns", "Server is temporarily unavailable (DNS)"),
              new KbChoices.Suggestion(
                  "execution-policy", "Execution policy blocks the connector")));

  @Test
  void idPrefixesComeBeforeTitleMatches() {
    List<String> values = choices.suggest("ser").stream().map(Command.Choice::getAsString).toList();
    assertEquals(List.of("server-unavailable-dns"), values);
    List<String> clock =
        choices.suggest("CLOCK").stream().map(Command.Choice::getAsString).toList();
    assertEquals(List.of("clock-skew"), clock);
  }

  @Test
  void matchesWordsOfTheTitle() {
    assertEquals("execution-policy", choices.suggest("connector").get(0).getAsString());
  }

  @Test
  void offersAtMost25ChoicesWithNamesWithin100() {
    List<KbChoices.Suggestion> many = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      many.add(new KbChoices.Suggestion("entry-" + i, "t".repeat(200)));
    }
    List<Command.Choice> offered = new KbChoices(many).suggest("");
    assertEquals(DiscordLimits.CHOICES, offered.size());
    assertTrue(offered.stream().allMatch(c -> c.getName().length() <= DiscordLimits.CHOICE_NAME));
  }
}
