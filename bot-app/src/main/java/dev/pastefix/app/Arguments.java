package dev.pastefix.app;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The arguments of one command: on/off flags, options with a value, and the rest in order. */
final class Arguments {
  private final Set<String> flags;
  private final Map<String, String> options;
  private final List<String> positionals;

  private Arguments(Set<String> flags, Map<String, String> options, List<String> positionals) {
    this.flags = Set.copyOf(flags);
    this.options = Map.copyOf(options);
    this.positionals = List.copyOf(positionals);
  }

  /**
   * Splits {@code args}; {@code -} alone is a positional (standard input). Unknown {@code --} words
   * and options without a value are usage errors.
   */
  static Arguments parse(List<String> args, Set<String> knownFlags, Set<String> knownOptions)
      throws UsageException {
    Set<String> flags = new HashSet<>();
    Map<String, String> options = new HashMap<>();
    List<String> positionals = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.startsWith("-") && !arg.equals("-")) {
        String name = arg;
        Optional<String> inline = Optional.empty();
        int eq = arg.indexOf('=');
        if (eq > 0) {
          name = arg.substring(0, eq);
          inline = Optional.of(arg.substring(eq + 1));
        }
        if (knownFlags.contains(name) && inline.isEmpty()) {
          flags.add(name);
        } else if (knownOptions.contains(name)) {
          String value;
          if (inline.isPresent()) {
            value = inline.get();
          } else if (i + 1 < args.size()) {
            value = args.get(++i);
          } else {
            throw new UsageException(name + " needs a value");
          }
          if (value.isBlank()) {
            throw new UsageException(name + " needs a value");
          }
          options.put(name, value);
        } else {
          throw new UsageException("unknown option '" + arg + "'");
        }
      } else {
        positionals.add(arg);
      }
    }
    return new Arguments(flags, options, positionals);
  }

  boolean flag(String name) {
    return flags.contains(name);
  }

  Optional<String> option(String name) {
    return Optional.ofNullable(options.get(name));
  }

  List<String> positionals() {
    return positionals;
  }

  /** Wrong use of a command; the message says what was wrong. */
  static final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }
}
