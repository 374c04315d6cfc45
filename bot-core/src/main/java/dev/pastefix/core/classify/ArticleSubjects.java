package dev.pastefix.core.classify;

import dev.pastefix.knowledge.Entry;
import dev.pastefix.knowledge.KnowledgeBase;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
  // The words each article's entries print with a capital letter, lower case: what it names.
  private final Map<String, Set<String>> namesByArticle = new HashMap<>();
  private final Map<String, String> articleOf = new HashMap<>();

  ArticleSubjects(KnowledgeBase kb, Set<String> entryIds) {
    for (Entry entry : kb.entries()) {
      Set<String> named = namesByArticle.computeIfAbsent(entry.articleId(), a -> new HashSet<>());
      kb.article(entry.articleId()).ifPresent(a -> capitalised(a.title(), named));
      capitalised(entry.title(), named);
      capitalised(entry.cause(), named);
      entry.symptoms().forEach(s -> capitalised(s.source(), named));
      entry.steps().forEach(st -> capitalised(st.text(), named));
      entry.steps().forEach(st -> st.commands().forEach(c -> capitalised(c, named)));
      entry.links().forEach(l -> capitalised(l.label(), named));
      entry.facts().forEach(f -> capitalised(f.name() + " " + f.value(), named));
      articleOf.put(entry.id(), entry.articleId());
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

  /** The words of {@code text} that start with a capital letter, in lower case. */
  private static void capitalised(String text, Set<String> out) {
    for (String raw : text.split("[^\\p{L}]+")) {
      if (!raw.isEmpty() && Character.isUpperCase(raw.charAt(0))) {
        out.add(raw.toLowerCase(Locale.ROOT));
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

  /** Quoted stretches: an admin's own names for things ('Exchange-Legal-10y'), not products. */
  static final java.util.regex.Pattern QUOTED =
      java.util.regex.Pattern.compile(
          "(?<![\\p{L}\\p{N}])(['\"`\u2018\u201c])[^\\n]{1,200}?['\"`\u2019\u201d](?![\\p{L}\\p{N}])");

  /** A button or a field in brackets, as a dialog pasted as text shows it: [View Certificate]. */
  private static final java.util.regex.Pattern BUTTON =
      java.util.regex.Pattern.compile("\\[[^\\]\\n]{1,80}\\]");

  /** A word, apostrophes included, so that "Don't" is not the name "Don". */
  private static final java.util.regex.Pattern WORD =
      java.util.regex.Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}_'\u2019]*");

  /**
   * A name the message gives that the entry's article never prints: a capitalised word of {@value
   * #MIN_NAME_LENGTH} letters or more ("Adobe", "Intune", "EDMarket"), not opening a sentence or a
   * clause, not inside quotes, without digits, not an acronym, not an identifier joined from
   * capitalised parts, that the article never prints with a capital ("Box" when the article only
   * has a "search box"). A short error text that many products print, beside the name of a product
   * its article never mentions, is that product's error.
   */
  Optional<String> foreignName(String entryId, String text) {
    Set<String> names = namesByArticle.get(articleOf.get(entryId));
    if (names == null) {
      return Optional.empty();
    }
    String unquoted = BUTTON.matcher(QUOTED.matcher(text).replaceAll(" ")).replaceAll(" ");
    java.util.regex.Matcher m = WORD.matcher(unquoted);
    while (m.find()) {
      String word = m.group();
      if (word.length() < MIN_NAME_LENGTH
          || !Character.isUpperCase(word.charAt(0))
          || !word.chars().allMatch(Character::isLetter)
          || identifier(word)
          || acronym(word)
          || opensSentence(unquoted, m.start())) {
        continue;
      }
      if (!names.contains(word.toLowerCase(Locale.ROOT))) {
        return Optional.of(word);
      }
    }
    return Optional.empty();
  }

  /**
   * A word joined from capitalised parts ("DistributionResults", "ActiveDirectorySyncError"): a
   * property or a value of some output, not the name of a product.
   */
  private static boolean identifier(String word) {
    for (int i = 1; i < word.length(); i++) {
      if (Character.isUpperCase(word.charAt(i)) && Character.isLowerCase(word.charAt(i - 1))) {
        return true;
      }
    }
    return false;
  }

  /** All capitals ("SSO", "LOB"): an abbreviation its article may well spell out. */
  private static boolean acronym(String word) {
    return word.chars().noneMatch(Character::isLowerCase);
  }

  /** Names shorter than this are initials or noise. */
  static final int MIN_NAME_LENGTH = 3;

  private static boolean opensSentence(String text, int start) {
    for (int i = start - 1; i >= 0; i--) {
      char c = text.charAt(i);
      if (c == '\n') {
        return true;
      }
      if (!Character.isWhitespace(c)) {
        // A clause opens after a comma too: "separately, Tomás forgot his password" names a
        // person, who is the subject of the clause; a product is what something is done to.
        return c == '.' || c == '!' || c == '?' || c == '>' || c == '-' || c == '*' || c == ','
            || c == ';';
      }
    }
    return true;
  }
}
