package dev.pastefix.knowledge.importer;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a heading's English words say about its section: a part of a problem (Symptoms, Cause,
 * Resolution, Method 1 ...), a section that is never a problem (See also, Overview ...), or a
 * heading that names a problem. The regular expressions run over one heading's text, never over
 * Markdown.
 */
final class Headings {
  private Headings() {}

  /** The part of a problem a sub-heading or an inline label introduces. */
  enum Part {
    INTRO,
    SYMPTOM,
    CAUSE,
    RESOLUTION
  }

  private static final Pattern SYMPTOM =
      Pattern.compile("(symptoms?|error( messages?)?|what you see|problem|issue)");
  private static final Pattern CAUSE = Pattern.compile("(causes?|reasons?|why( it happens)?)");
  private static final Pattern RESOLUTION =
      Pattern.compile(
          "(resolutions?|solutions?|workarounds?|fix(es)?|how to (fix|resolve)( (it|this( issue)?))?"
              + "|to resolve this( issue)?|steps( to (fix|resolve))?|suggested actions?"
              + "|(method|option|step) \\d+\\b.*)");

  private static final Pattern NOT_PROBLEM =
      Pattern.compile(
          "(see also|references?|related( \\w+)*|more information|additional (information|resources)"
              + "|next steps?|short description|long description|description|overview|introduction"
              + "|summary|prerequisites?|requirements|before you (begin|start)|in this (article|topic)"
              + "|what do you want to do|(table of )?contents|feedback|applies to|disclaimer"
              + "|third-party .*disclaimer|contact us.*|still need help.*|need more help.*"
              + "|learn more|glossary|about this (article|guide))");

  private static final Pattern PROBLEM_WORDS =
      Pattern.compile(
          "\\b(errors?|fail(s|ed|ure|ures|ing)?|can'?t|cannot|can not|couldn'?t|could not|unable"
              + "|doesn'?t|don'?t|does not|do not|won'?t|will not|isn'?t|aren'?t|not|no|denied"
              + "|invalid|corrupt(ed)?|missing|exceed(s|ed)?|time ?outs?|timed out|times out"
              + "|rejected|blocked|forbidden|prevents?|stuck|locked|problems?|issues?|unavailable"
              + "|incorrect|wrong|mistyped|forgotten|broken|crash(es|ed)?|hangs?|stops|stopped|slow|disabled"
              + "|expired|ambiguous|out of|might|troubleshoot(ing)?|unexpected|refused|lost)\\b"
              + "|\\b\\d{3,}\\b|0x[0-9a-f]{4,}");

  static String words(String title) {
    String t = title.toLowerCase(Locale.ROOT).replace('’', '\'').strip();
    while (!t.isEmpty() && ":.?!".indexOf(t.charAt(t.length() - 1)) >= 0) {
      t = t.substring(0, t.length() - 1).strip();
    }
    return t;
  }

  /** The part a heading (or a bold label) stands for, if it is only a part's name. */
  static Optional<Part> part(String title) {
    String t = words(title);
    if (SYMPTOM.matcher(t).matches()) {
      return Optional.of(Part.SYMPTOM);
    }
    if (CAUSE.matcher(t).matches()) {
      return Optional.of(Part.CAUSE);
    }
    if (RESOLUTION.matcher(t).matches()) {
      return Optional.of(Part.RESOLUTION);
    }
    return Optional.empty();
  }

  static boolean notProblem(String title) {
    return NOT_PROBLEM.matcher(words(title)).matches();
  }

  /** Whether the text has a word that names trouble (an error, a failure, a code ...). */
  static boolean problemWords(String text) {
    return PROBLEM_WORDS.matcher(text.toLowerCase(Locale.ROOT).replace('’', '\'')).find();
  }
}
