package dev.pastefix.core.classify;

import dev.pastefix.knowledge.Entry;
import dev.pastefix.knowledge.KnowledgeBase;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What each article is about, in the words of its title that name something ("office" and
 * "installation" for "Troubleshooting Office installation failures"; "retention", "label" and
 * "policy" for "Resolve errors in Microsoft 365 retention and retention label policies"). A short,
 * generic error text that many products print ("Error 1935", "Something went wrong") counts for an
 * entry in a channel only when the message also names its article's subject with a word the entry's
 * own text does not print. Immutable.
 */
final class ArticleSubjects {
  /** Title words of at least this many letters can name a subject; shorter ones are noise. */
  static final int MIN_LENGTH = 4;

  /** Title words of troubleshooting articles that name no subject (singular, lower case). */
  private static final Set<String> GENERIC =
      Set.of(
          "troubleshooting",
          "troubleshoot",
          "error",
          "resolve",
          "resolving",
          "fix",
          "fixing",
          "failure",
          "fail",
          "failed",
          "issue",
          "problem",
          "common",
          "known",
          "about",
          "when",
          "with",
          "guide",
          "overview",
          "solution",
          "cannot",
          "unable",
          "message",
          "code",
          "your",
          "from",
          "that",
          "this",
          "into",
          "after",
          "while",
          "using",
          "there");

  /** A PowerShell verb-noun name such as Get-CsWebTicket or Connect-SPOService. */
  private static final java.util.regex.Pattern CMDLET =
      java.util.regex.Pattern.compile("\\b[A-Z][a-z]{1,11}-[A-Z][A-Za-z]{3,}\\b");

  private final Map<String, Set<String>> byEntry = new HashMap<>();

  ArticleSubjects(KnowledgeBase kb, Set<String> entryIds) {
    for (Entry entry : kb.entries()) {
      if (entryIds.contains(entry.id())) {
        Set<String> subject =
            new LinkedHashSet<>(
                kb.article(entry.articleId()).map(a -> subject(a.title())).orElse(Set.of()));
        // A title word the entry's own text prints ("installation" in "An error occurred during
        // the installation of assembly") says nothing about where a message comes from.
        subject.removeAll(words(entry.cause()));
        entry.symptoms().forEach(s -> subject.removeAll(words(s.source())));
        // The cmdlets the entry's text and steps name are its subject too: a message that shows
        // Get-CsWebTicket beside "Logon failed for the user" is about that article.
        // An article whose title says nothing beyond the error text has no subject to require.
        if (!subject.isEmpty()) {
          cmdlets(entry.cause(), subject);
          entry.symptoms().forEach(s -> cmdlets(s.source(), subject));
          entry.steps().forEach(st -> st.commands().forEach(c -> cmdlets(c, subject)));
        }
        byEntry.put(entry.id(), Set.copyOf(subject));
      }
    }
  }

  private static void cmdlets(String text, Set<String> out) {
    java.util.regex.Matcher m = CMDLET.matcher(text);
    while (m.find()) {
      out.add(m.group().toLowerCase(Locale.ROOT));
    }
  }

  private static Set<String> words(String text) {
    Set<String> out = new HashSet<>();
    for (String raw : text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
      out.add(singular(raw));
    }
    return out;
  }

  /** The naming words of a title, singular and lower case. */
  static Set<String> subject(String title) {
    Set<String> out = new LinkedHashSet<>();
    for (String raw : title.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
      String word = singular(raw);
      if (word.length() >= MIN_LENGTH && !GENERIC.contains(word)) {
        out.add(word);
      }
    }
    return Set.copyOf(out);
  }

  private static String singular(String word) {
    if (word.length() > 4 && word.endsWith("ies")) {
      return word.substring(0, word.length() - 3) + "y";
    }
    if (word.length() > 4 && word.endsWith("s") && !word.endsWith("ss")) {
      return word.substring(0, word.length() - 1);
    }
    return word;
  }

  /**
   * Whether {@code lower} (the message in lower case) names the subject of the entry's article, or
   * the article has no subject beyond what the entry's error texts say.
   */
  boolean named(String entryId, String lower) {
    Set<String> subject = byEntry.getOrDefault(entryId, Set.of());
    if (subject.isEmpty()) {
      return true;
    }
    String folded = lower.toLowerCase(Locale.ROOT);
    for (String word : subject) {
      // Part of a longer word counts: "Get-RetentionCompliancePolicy" names retention.
      if (folded.contains(word)) {
        return true;
      }
    }
    return false;
  }
}
