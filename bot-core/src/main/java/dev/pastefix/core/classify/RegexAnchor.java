package dev.pastefix.core.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds a literal piece that every match of a regular expression must contain, so that a cheap
 * substring test can skip the regular expression on most messages. Only the top level of the
 * expression is read (no alternation there, outside groups); anything unclear gives the empty
 * anchor, which every text contains.
 */
final class RegexAnchor {
  private RegexAnchor() {}

  /** Shortest anchor worth a substring test; shorter ones skip little. */
  static final int USEFUL = 4;

  /**
   * Weight from which a mandatory run is a clause (see {@link #clauseWeight(String)}): three Latin
   * letters, two Hangul syllables or two digits.
   */
  static final int CLAUSE_WEIGHT = 3;

  /**
   * How selective a literal is: a Hangul syllable counts 2, any other character 1. Korean patterns
   * allow a space between syllables ({@code 테\s*넌\s*트}), so their runs are short, yet a pair of
   * syllables is as rare in text as a longer Latin word.
   */
  static int weight(String literal) {
    int weight = 0;
    for (int i = 0; i < literal.length(); i++) {
      char c = literal.charAt(i);
      weight += c >= '\uAC00' && c <= '\uD7A3' ? 2 : 1;
    }
    return weight;
  }

  /**
   * How rare a literal is in chat, for choosing clauses: {@link #weight(String)}, with a digit
   * counting 2 as well, since a number in an error ("72 hours", "3.0") is rarer than a letter.
   */
  static int clauseWeight(String literal) {
    int weight = weight(literal);
    for (int i = 0; i < literal.length(); i++) {
      char c = literal.charAt(i);
      weight += c >= '0' && c <= '9' ? 1 : 0;
    }
    return weight;
  }

  /**
   * Literal pieces of which every match of {@code regex} contains at least one, lower-case; a list
   * holding "" when nothing is certain.
   */
  static List<String> anyOf(String regex) {
    List<String> parts = splitTopLevel(regex);
    if (parts.size() > 1) {
      List<String> all = new ArrayList<>();
      for (String part : parts) {
        List<String> sub = anyOf(part);
        if (sub.contains("")) {
          return List.of("");
        }
        all.addAll(sub);
      }
      return all;
    }
    String run = of(regex);
    if (run.length() >= USEFUL) {
      return List.of(run);
    }
    List<String> best = run.isEmpty() ? List.of("") : List.of(run);
    int bestMin = run.length();
    for (String group : mandatoryGroups(regex)) {
      List<String> sub = anyOf(group);
      int min = sub.stream().mapToInt(String::length).min().orElse(0);
      if (min > bestMin) {
        best = sub;
        bestMin = min;
      }
    }
    return best;
  }

  private static List<String> splitTopLevel(String regex) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    boolean inClass = false;
    int start = 0;
    for (int i = 0; i < regex.length(); i++) {
      char c = regex.charAt(i);
      if (c == '\\') {
        i++;
      } else if (inClass) {
        if (c == ']') {
          inClass = false;
        }
      } else if (c == '[') {
        inClass = true;
      } else if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == '|' && depth == 0) {
        parts.add(regex.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(regex.substring(start));
    return parts;
  }

  /** Contents of top-level groups that are not optional (no ?, * or {0 after them). */
  private static List<String> mandatoryGroups(String regex) {
    List<String> groups = new ArrayList<>();
    int depth = 0;
    boolean inClass = false;
    int open = -1;
    for (int i = 0; i < regex.length(); i++) {
      char c = regex.charAt(i);
      if (c == '\\') {
        i++;
      } else if (inClass) {
        if (c == ']') {
          inClass = false;
        }
      } else if (c == '[') {
        inClass = true;
      } else if (c == '(') {
        if (depth == 0) {
          open = i;
        }
        depth++;
      } else if (c == ')') {
        depth--;
        if (depth == 0 && open >= 0) {
          char next = i + 1 < regex.length() ? regex.charAt(i + 1) : ' ';
          boolean optional = next == '?' || next == '*' || regex.startsWith("{0", i + 1);
          String inner = regex.substring(open + 1, i);
          if (inner.startsWith("?:")) {
            inner = inner.substring(2);
          } else if (inner.startsWith("?")) {
            optional = true;
          }
          if (!optional) {
            groups.add(inner);
          }
        }
      }
    }
    return groups;
  }

  /**
   * Requirements every match of {@code regex} meets, as clauses: each clause lists literals of
   * which a matching text contains at least one. Mandatory literal runs that weigh {@value
   * #CLAUSE_WEIGHT} or more (see {@link #clauseWeight(String)}) become one clause each, mandatory
   * groups one clause of their alternatives.
   */
  static List<List<String>> clauses(String regex) {
    List<String> parts = splitTopLevel(regex);
    if (parts.size() > 1) {
      List<String> any = anyOf(regex);
      return any.contains("") ? List.of() : List.of(any);
    }
    List<List<String>> out = new ArrayList<>();
    for (String run : runs(regex)) {
      if (clauseWeight(run) >= CLAUSE_WEIGHT) {
        out.add(List.of(run));
      }
    }
    for (String group : mandatoryGroups(regex)) {
      List<String> any = anyOf(group);
      if (!any.contains("")) {
        out.add(any);
      }
    }
    return out;
  }

  /** Every mandatory literal run at the top level of {@code regex}, lower-case. */
  static List<String> runs(String regex) {
    List<String> found = new ArrayList<>();
    StringBuilder run = new StringBuilder();
    int depth = 0;
    boolean inClass = false;
    for (int i = 0; i < regex.length(); i++) {
      char c = regex.charAt(i);
      if (inClass) {
        if (c == '\\') {
          i++;
        } else if (c == ']') {
          inClass = false;
        }
        continue;
      }
      if (c == '|' && depth == 0) {
        return List.of();
      }
      boolean breaks = true;
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth = Math.max(0, depth - 1);
      } else if (depth > 0) {
        if (c == '\\') {
          i++;
        }
      } else if (c == '[') {
        inClass = true;
      } else if (c == '?' || c == '*' || c == '{') {
        if (run.length() > 0) {
          run.setLength(run.length() - 1);
        }
        if (c == '{') {
          int close = regex.indexOf('}', i);
          i = close < 0 ? regex.length() : close;
        }
      } else if (c == '\\') {
        if (i + 1 < regex.length() && !Character.isLetterOrDigit(regex.charAt(i + 1))) {
          run.append(regex.charAt(i + 1));
          breaks = false;
        }
        i++;
      } else if (c != '+' && c != '.' && c != '^' && c != '$' && c != ' ') {
        run.append(c);
        breaks = false;
      }
      if (breaks) {
        if (run.length() > 0) {
          found.add(run.toString().toLowerCase(Locale.ROOT));
        }
        run.setLength(0);
      }
    }
    if (run.length() > 0) {
      found.add(run.toString().toLowerCase(Locale.ROOT));
    }
    return found;
  }

  /** The longest mandatory literal of {@code regex}, lower-case, or "" when none is certain. */
  static String of(String regex) {
    String best = "";
    for (String run : runs(regex)) {
      if (run.length() > best.length()) {
        best = run;
      }
    }
    return best;
  }
}
