package dev.pastefix.discord;

import dev.pastefix.knowledge.Entry;
import dev.pastefix.knowledge.KnowledgeBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import net.dv8tion.jda.api.interactions.commands.Command;

/** Autocomplete for {@code /pastefix kb}: knowledge-base entries whose id or title match. */
public final class KbChoices {

  /** One entry as offered in the list: its id and title. */
  public record Suggestion(String id, String title) {
    public Suggestion {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(title, "title");
    }
  }

  private final List<Suggestion> suggestions;

  public KbChoices(List<Suggestion> suggestions) {
    this.suggestions = List.copyOf(suggestions);
  }

  public static KbChoices of(KnowledgeBase knowledge) {
    List<Suggestion> all = new ArrayList<>();
    for (Entry entry : knowledge.entries()) {
      all.add(new Suggestion(entry.id(), entry.title()));
    }
    return new KbChoices(all);
  }

  /** Up to 25 choices for what the user typed so far: id prefixes first, then any match. */
  List<Command.Choice> suggest(String typed) {
    String query = typed.strip().toLowerCase(Locale.ROOT);
    List<Suggestion> first = new ArrayList<>();
    List<Suggestion> then = new ArrayList<>();
    for (Suggestion s : suggestions) {
      if (s.id().toLowerCase(Locale.ROOT).startsWith(query)) {
        first.add(s);
      } else if (s.id().toLowerCase(Locale.ROOT).contains(query)
          || s.title().toLowerCase(Locale.ROOT).contains(query)) {
        then.add(s);
      }
    }
    first.addAll(then);
    List<Command.Choice> choices = new ArrayList<>();
    for (Suggestion s : first) {
      if (choices.size() == DiscordLimits.CHOICES) {
        break;
      }
      if (s.id().length() > DiscordLimits.CHOICE_VALUE) {
        continue;
      }
      String name = Truncation.fit(s.id() + " \u2014 " + s.title(), DiscordLimits.CHOICE_NAME);
      choices.add(new Command.Choice(name, s.id()));
    }
    return choices;
  }
}
