package dev.pastefix.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Routes the argument of the slash command to a sub-command by its first word; unknown words and an
 * empty argument go to the fallback (help). Immutable once built.
 */
public final class CommandRouter {
  private record Route(String usage, String description, CommandHandler handler) {}

  private final Map<String, Route> routes;
  private final List<String> order;
  private final BiFunction<Optional<String>, IncomingMessage, Outcome> fallback;

  private CommandRouter(
      Map<String, Route> routes, BiFunction<Optional<String>, IncomingMessage, Outcome> fallback) {
    this.routes = Map.copyOf(routes);
    this.order = List.copyOf(routes.keySet());
    this.fallback = Objects.requireNonNull(fallback, "fallback");
  }

  /** Builds a router; routes keep the order they were added in. */
  public static final class Builder {
    private final Map<String, Route> routes = new LinkedHashMap<>();

    /** Adds (or replaces) the sub-command {@code name}. */
    public Builder route(String name, String usage, String description, CommandHandler handler) {
      Objects.requireNonNull(handler, "handler");
      routes.put(name.toLowerCase(Locale.ROOT), new Route(usage, description, handler));
      return this;
    }

    /** The router; {@code fallback} gets an explanation when the word was not understood. */
    public CommandRouter build(BiFunction<Optional<String>, IncomingMessage, Outcome> fallback) {
      return new CommandRouter(routes, fallback);
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** One line per sub-command: "usage - description". */
  public List<String> usageLines() {
    return order.stream()
        .map(n -> routes.get(n).usage + " - " + routes.get(n).description)
        .toList();
  }

  /** Dispatches one slash-command argument. */
  public Outcome route(IncomingMessage message) {
    String text = message.text().strip();
    if (text.startsWith("/")) {
      int space = text.indexOf(' ');
      text = space < 0 ? "" : text.substring(space + 1).strip();
    }
    if (text.isEmpty()) {
      return fallback.apply(Optional.empty(), message);
    }
    int end = 0;
    while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
      end++;
    }
    String word = text.substring(0, end).toLowerCase(Locale.ROOT);
    Route route = routes.get(word);
    if (route == null) {
      String printable = word.replaceAll("[\\p{Cc}\\p{Cf}\\p{Co}\\p{Cn}\\uFFFD]", "?");
      String shown = printable.length() > 40 ? printable.substring(0, 40) + "…" : printable;
      return fallback.apply(
          Optional.of("I don't know the command '" + shown + "'. Here is what I can do:"), message);
    }
    return route.handler.handle(text.substring(end).strip(), message);
  }
}
