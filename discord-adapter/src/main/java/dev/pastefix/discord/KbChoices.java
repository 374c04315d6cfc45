package dev.pastefix.discord;

import dev.pastefix.core.search.EntrySearch;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import net.dv8tion.jda.api.interactions.commands.Command;

/** Autocomplete for {@code /pastefix kb}: the core's entry search, fitted to Discord's choices. */
public final class KbChoices {
  private final EntrySearch search;

  public KbChoices(EntrySearch search) {
    this.search = Objects.requireNonNull(search, "search");
  }

  /** Up to 25 choices for what the user typed so far: id prefixes first, then any match. */
  List<Command.Choice> suggest(String typed) {
    List<Command.Choice> choices = new ArrayList<>();
    // Ask for all: an id too long for a choice value is skipped, and the next one takes its place.
    for (EntrySearch.Match m : search.complete(typed, Integer.MAX_VALUE)) {
      if (choices.size() == DiscordLimits.CHOICES) {
        break;
      }
      if (m.id().length() > DiscordLimits.CHOICE_VALUE) {
        continue;
      }
      String name = Truncation.fit(m.id() + " \u2014 " + m.title(), DiscordLimits.CHOICE_NAME);
      choices.add(new Command.Choice(name, m.id()));
    }
    return choices;
  }
}
