package dev.pastefix.core.pipeline;

import dev.pastefix.core.Channel;
import dev.pastefix.core.Engine;
import dev.pastefix.core.Inbound;
import dev.pastefix.core.Outcome;
import dev.pastefix.core.admin.AdminCommands;
import dev.pastefix.core.answer.Wording;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The one table of commands ({@code help}, {@code diagnose}, {@code kb}, {@code check}, {@code
 * stats}, {@code review}, {@code reload}) and the one place their words are read: a slash command
 * by its first word, an addressed message when it is a command word the route accepts in prose (so
 * that "check why sign-in fails" is still diagnosed). Immutable.
 */
public final class Routes {
  /** How a route's command is answered, given the text after its word. */
  @FunctionalInterface
  public interface Handler {
    Outcome run(String argument, Inbound.Message message);
  }

  /**
   * One command: its word, usage line and description for help, whether only admins may use it,
   * which arguments make an addressed message (not a slash command) this command, and its handler.
   */
  public record Route(
      String name,
      String usage,
      String description,
      boolean admin,
      Predicate<String> inProse,
      Handler handler) {
    public Route {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(usage, "usage");
      Objects.requireNonNull(description, "description");
      Objects.requireNonNull(inProse, "inProse");
      Objects.requireNonNull(handler, "handler");
    }
  }

  /** A message read as a command: the route and the text after its word. */
  public record Match(Route route, String argument) {
    public Match {
      Objects.requireNonNull(route, "route");
      Objects.requireNonNull(argument, "argument");
    }

    public Outcome run(Inbound.Message message) {
      return route.handler().run(argument, message);
    }
  }

  /** Words of a message that only asks for help or greets the bot. */
  private static final Pattern HELP_WORDS =
      Pattern.compile("(?i)(?:help|aide|\\?|도움말|도움|hi|hello|bonjour|안녕하세요)[\\s!?.]*");

  /** Greetings and help requests longer than this are read as text to diagnose. */
  static final int HELP_MAX_CHARS = 40;

  /** Leading mentions of the bot (Slack {@code <@U123>}, Discord {@code <@!123>}, roles). */
  private static final Pattern MENTIONS = Pattern.compile("^(?:<@[!&]?\\w+>\\s*)+");

  /** A leading {@code /pastefix} or {@code pastefix} before a command word. */
  private static final Pattern BOT_NAME = Pattern.compile("(?i)^/?pastefix\\s+");

  private final List<Route> routes;
  private final Supplier<Engine> engine;

  private Routes(Supplier<Engine> engine, List<Route> routes) {
    this.engine = engine;
    // A view: standard() fills the table after this, since help lists the routes themselves.
    this.routes = Collections.unmodifiableList(routes);
  }

  /** The standard commands over {@code engine} (read per message) and {@code admin}. */
  public static Routes standard(Supplier<Engine> engine, AdminCommands admin) {
    List<Route> table = new ArrayList<>();
    Routes routes = new Routes(engine, table);
    Predicate<String> bare = String::isEmpty;
    Predicate<String> worded = arg -> !arg.isEmpty();
    table.add(
        new Route(
            "help",
            "help",
            "what I do and my commands",
            false,
            bare,
            (arg, msg) -> routes.help(Optional.empty())));
    table.add(
        new Route(
            "diagnose",
            "diagnose <text>",
            "diagnose a pasted error or a question",
            false,
            worded,
            (arg, msg) -> engine.get().diagnose(arg, Channel.DIRECT)));
    table.add(
        new Route(
            "kb",
            "kb <id or words>",
            "show an entry, or the entries closest to some words",
            false,
            worded,
            (arg, msg) ->
                engine
                    .get()
                    .kb(arg)
                    .orElseGet(
                        () ->
                            routes.help(
                                Optional.of(
                                    "kb needs an entry id or some words, for example: kb"
                                        + " max-shells-user")))));
    table.add(
        new Route(
            "check",
            "check [name] [output]",
            "list the checks, check DNS records (check dns <domain>) or read a command's output",
            false,
            arg ->
                arg.isEmpty()
                    || engine.get().checks().filter(c -> c.knows(firstWord(arg))).isPresent(),
            (arg, msg) ->
                engine
                    .get()
                    .checks()
                    .map(c -> c.command(arg, msg.origin()))
                    .orElseGet(() -> new Outcome.Info(Wording.of(msg).commandUnavailable()))));
    table.add(
        new Route(
            "stats",
            "stats",
            "(admins) what I answered in the last 7 days",
            true,
            bare,
            (arg, msg) -> admin.stats()));
    table.add(
        new Route(
            "review",
            "review",
            "(admins) what I missed in the last 30 days",
            true,
            bare,
            (arg, msg) -> admin.review()));
    table.add(
        new Route(
            "reload",
            "reload",
            "(admins) reload the knowledge base",
            true,
            bare,
            (arg, msg) -> admin.reload(msg.origin())));
    return routes;
  }

  /**
   * The command {@code message} asks for: any slash command (an unknown word or none at all gets
   * help), or an addressed message that is a command word the route accepts in prose; empty for
   * everything that is to be diagnosed.
   */
  public Optional<Match> match(Inbound.Message message) {
    Channel channel = message.channel();
    if (channel == Channel.COMMAND) {
      String text = message.text().strip();
      if (text.startsWith("/")) {
        int space = text.indexOf(' ');
        text = space < 0 ? "" : text.substring(space + 1).strip();
      }
      int end = wordEnd(text);
      String word = alias(text.substring(0, end));
      String argument = text.substring(end).strip();
      if (word.isEmpty()) {
        return Optional.of(new Match(route("help"), ""));
      }
      Optional<Route> route = find(word);
      return Optional.of(route.map(r -> new Match(r, argument)).orElseGet(() -> unknown(word)));
    }
    if (!channel.addressed()) {
      return Optional.empty();
    }
    String text = MENTIONS.matcher(message.text().strip()).replaceFirst("").strip();
    if (text.length() < HELP_MAX_CHARS && HELP_WORDS.matcher(text).matches()) {
      return Optional.of(new Match(route("help"), ""));
    }
    text = BOT_NAME.matcher(text).replaceFirst("");
    int end = wordEnd(text);
    String argument = text.substring(end).strip();
    return find(alias(text.substring(0, end)))
        .filter(r -> r.inProse().test(argument))
        .map(r -> new Match(r, argument));
  }

  /** One line per command: "usage - description". */
  public List<String> usageLines() {
    return routes.stream().map(r -> r.usage() + " - " + r.description()).toList();
  }

  /** The routes in the order help lists them. */
  public List<Route> routes() {
    return routes;
  }

  private Outcome help(Optional<String> note) {
    return engine.get().help(note, usageLines());
  }

  private Match unknown(String word) {
    String printable = word.replaceAll("[\\p{Cc}\\p{Cf}\\p{Co}\\p{Cn}\\uFFFD]", "?");
    String shown = printable.length() > 40 ? printable.substring(0, 40) + "…" : printable;
    Optional<String> note =
        Optional.of("I don't know the command '" + shown + "'. Here is what I can do:");
    return new Match(new Route(word, "", "", false, arg -> false, (arg, msg) -> help(note)), "");
  }

  private Optional<Route> find(String word) {
    return routes.stream().filter(r -> r.name().equals(word)).findFirst();
  }

  private Route route(String name) {
    return find(name).orElseThrow();
  }

  private static String firstWord(String text) {
    return alias(text.substring(0, wordEnd(text)));
  }

  private static int wordEnd(String text) {
    int end = 0;
    while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
      end++;
    }
    return end;
  }

  /** A command word as the table names it ("checks" is "check"). */
  private static String alias(String word) {
    String lower = word.toLowerCase(Locale.ROOT);
    return lower.equals("checks") ? "check" : lower;
  }
}
