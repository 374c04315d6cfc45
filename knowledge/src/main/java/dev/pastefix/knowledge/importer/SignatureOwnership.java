package dev.pastefix.knowledge.importer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides which entry owns an error text that several sections show, in one article or in several:
 * a section that quotes other errors no other section shows does not need the shared one and drops
 * it, so the text stays with the sections that have nothing else (the article dedicated to that
 * message). When every section showing it has nothing else, each keeps it and the bot asks which
 * cause fits; when every one has texts of its own, those tell the sections apart and the shared
 * text goes. Without this, a paste of the shared text would be claimed by a section that merely
 * mentions it.
 */
final class SignatureOwnership {
  private SignatureOwnership() {}

  /** The versions of every article, each draft keeping only the shared texts it owns. */
  static List<List<ArticleVersions.Version>> apply(List<List<ArticleVersions.Version>> articles) {
    // problem (article index + key) -> the normalised texts of its quoted errors, every version
    Map<String, Set<String>> quoted = new HashMap<>();
    Map<String, Set<String>> owners = new HashMap<>();
    for (int a = 0; a < articles.size(); a++) {
      for (ArticleVersions.Version v : articles.get(a)) {
        for (Draft d : v.drafts()) {
          String problem = a + "#" + d.key();
          for (Draft.SymptomDraft s : d.symptoms()) {
            String text = key(s.text());
            owners.computeIfAbsent(text, k -> new LinkedHashSet<>()).add(problem);
            if (!s.named()) {
              quoted.computeIfAbsent(problem, k -> new LinkedHashSet<>()).add(text);
            }
          }
        }
      }
    }
    List<List<ArticleVersions.Version>> out = new ArrayList<>();
    for (int a = 0; a < articles.size(); a++) {
      List<ArticleVersions.Version> versions = new ArrayList<>();
      for (ArticleVersions.Version v : articles.get(a)) {
        List<Draft> drafts = new ArrayList<>();
        for (Draft d : v.drafts()) {
          String problem = a + "#" + d.key();
          boolean ownQuote =
              quoted.getOrDefault(problem, Set.of()).stream()
                  .anyMatch(t -> owners.get(t).size() == 1);
          List<Draft.SymptomDraft> kept = new ArrayList<>();
          for (Draft.SymptomDraft s : d.symptoms()) {
            Set<String> sharing = owners.get(key(s.text()));
            if (sharing.size() == 1 || !ownQuote) {
              kept.add(s);
            }
          }
          drafts.add(d.withSymptoms(needed(kept)));
        }
        versions.add(new ArticleVersions.Version(v.file(), drafts));
      }
      out.add(versions);
    }
    return out;
  }

  /**
   * The signatures an entry needs: a description of the trouble (its heading) only while it quotes
   * no error or is part of one, and a later sentence of a long message only where the message's
   * first sentence went (shared with another section): the first sentence stays the same, the rest
   * tells apart.
   */
  private static List<Draft.SymptomDraft> needed(List<Draft.SymptomDraft> kept) {
    Set<String> keys = new HashSet<>();
    List<String> quotes = new ArrayList<>();
    for (Draft.SymptomDraft s : kept) {
      keys.add(key(s.text()));
      if (!s.named()) {
        quotes.add(" " + key(s.text()) + " ");
      }
    }
    List<Draft.SymptomDraft> out = new ArrayList<>();
    for (Draft.SymptomDraft s : kept) {
      String described = " " + key(s.text()) + " ";
      // A heading that is part of the quoted error ("Logon failed for the user") is error text.
      if (s.named() && !quotes.isEmpty() && quotes.stream().noneMatch(q -> q.contains(described))) {
        continue;
      }
      if (s.lead().isPresent() && keys.contains(s.lead().get())) {
        continue;
      }
      out.add(s);
    }
    return out;
  }

  /** Two texts that differ only in spacing or punctuation ("message:" / "message :") are one. */
  static String key(String text) {
    StringBuilder sb = new StringBuilder(text.length());
    boolean space = false;
    for (int i = 0; i < text.length(); i++) {
      char c = Character.toLowerCase(text.charAt(i));
      if (Character.isLetterOrDigit(c)) {
        if (space && sb.length() > 0) {
          sb.append(' ');
        }
        sb.append(c);
        space = false;
      } else {
        space = true;
      }
    }
    return sb.toString();
  }
}
