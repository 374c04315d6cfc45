package dev.pastefix.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.pastefix.knowledge.InvalidKnowledgeException;
import dev.pastefix.knowledge.KnowledgeLoader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Writes a knowledge directory that grows the shipped knowledge base to a given number of entries,
 * for the benchmark: renamed copies of the shipped files in which every specific word (of titles,
 * causes, steps, commands, symptoms, examples and translations) is replaced by an invented one,
 * consistently within a copy and differently in each copy. Words most entries share (PowerShell,
 * Skype, error...) and short function words stay, so the copies look like other products' problems
 * written by the same administrators: distinguishable, and unrelated to the shipped entries.
 */
final class SyntheticKnowledge {
  /** A word used by at least this share of the shipped entries is kept in every copy. */
  static final double SHARED_WORD_SHARE = 0.25;

  /** Words up to this length (function words, file extensions) are kept. */
  static final int KEPT_LENGTH = 3;

  private static final Set<String> FUNCTION_WORDS =
      Set.of(
          "this",
          "that",
          "with",
          "from",
          "have",
          "your",
          "when",
          "what",
          "which",
          "there",
          "their",
          "then",
          "than",
          "does",
          "will",
          "would",
          "should",
          "could",
          "after",
          "before",
          "because",
          "into",
          "only",
          "also",
          "still",
          "some",
          "they",
          "them",
          "were",
          "been",
          "pour",
          "dans",
          "avec",
          "sont",
          "cette",
          "vous",
          "nous",
          "votre",
          "leur",
          "mais",
          "comment",
          "pourquoi",
          "quand");

  private static final String[] ONSETS = {
    "b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "tr", "st", "gl"
  };
  private static final String[] VOWELS = {"a", "e", "i", "o", "u", "ai", "ou"};
  private static final String[] CODAS = {"", "", "n", "r", "l", "s", "x"};

  private final KnowledgeLoader loader;
  private final ObjectMapper yaml =
      new ObjectMapper(
          YAMLFactory.builder()
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
              .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
              .build());

  SyntheticKnowledge(KnowledgeLoader loader) {
    this.loader = Objects.requireNonNull(loader, "loader");
  }

  /** A shipped file: its name and its YAML tree. */
  private record Shipped(String name, ObjectNode tree) {}

  /**
   * Writes copies into {@code dir} (created when absent) until the shipped entries and the copies
   * together number {@code total}; returns how many entries were written.
   */
  int write(Path dir, int total) throws IOException, InvalidKnowledgeException {
    List<Shipped> shipped = shipped();
    int shippedEntries = 0;
    for (Shipped file : shipped) {
      shippedEntries += file.tree().path("entries").size();
    }
    if (total < shippedEntries) {
      throw new IllegalArgumentException(
          "the shipped knowledge alone has " + shippedEntries + " entries; ask for at least that");
    }
    Set<String> kept = sharedWords(shipped, shippedEntries);
    Files.createDirectories(dir);
    int written = 0;
    for (int copy = 1; written < total - shippedEntries; copy++) {
      for (Shipped file : shipped) {
        int room = total - shippedEntries - written;
        if (room == 0) {
          break;
        }
        ObjectNode tree = new Variant(copy, kept).file(file.tree(), room);
        written += tree.path("entries").size();
        String name = String.format(Locale.ROOT, "synthetic-%04d-%s", copy, file.name());
        yaml.writeValue(dir.resolve(name).toFile(), tree);
      }
    }
    return written;
  }

  private List<Shipped> shipped() throws InvalidKnowledgeException, IOException {
    List<Shipped> files = new ArrayList<>();
    ClassLoader classLoader = KnowledgeLoader.class.getClassLoader();
    for (String name : loader.shippedFiles()) {
      try (InputStream in = classLoader.getResourceAsStream("knowledge/" + name)) {
        if (in == null) {
          throw new IOException("the shipped file " + name + " is not on the classpath");
        }
        files.add(new Shipped(name, (ObjectNode) yaml.readTree(in)));
      }
    }
    return files;
  }

  /** Words that at least {@link #SHARED_WORD_SHARE} of the shipped entries use. */
  private static Set<String> sharedWords(List<Shipped> shipped, int entries) {
    Map<String, Integer> entriesUsing = new HashMap<>();
    for (Shipped file : shipped) {
      for (JsonNode entry : file.tree().path("entries")) {
        Set<String> words = new HashSet<>();
        collectWords(entry, words);
        for (String word : words) {
          entriesUsing.merge(word, 1, Integer::sum);
        }
      }
    }
    Set<String> kept = new HashSet<>();
    entriesUsing.forEach(
        (word, n) -> {
          if (n >= SHARED_WORD_SHARE * entries) {
            kept.add(word);
          }
        });
    return kept;
  }

  private static void collectWords(JsonNode node, Set<String> words) {
    if (node.isTextual()) {
      String text = node.asText();
      int i = 0;
      while (i < text.length()) {
        int end = wordEnd(text, i);
        if (end > i) {
          words.add(text.substring(i, end).toLowerCase(Locale.ROOT));
          i = end;
        } else {
          i++;
        }
      }
    } else {
      for (JsonNode child : node) {
        collectWords(child, words);
      }
    }
  }

  /** The end of the run of letters of one script that starts at {@code i} ({@code i} if none). */
  private static int wordEnd(String text, int i) {
    if (!Character.isLetter(text.charAt(i))) {
      return i;
    }
    boolean hangul = isHangul(text.charAt(i));
    int end = i;
    while (end < text.length()
        && Character.isLetter(text.charAt(end))
        && isHangul(text.charAt(end)) == hangul) {
      end++;
    }
    return end;
  }

  private static boolean isHangul(char c) {
    return c >= '\uAC00' && c <= '\uD7A3';
  }

  /** One copy: its number and the invented word for each replaced word. */
  private static final class Variant {
    private final int copy;
    private final Set<String> kept;
    private final Map<String, String> invented = new LinkedHashMap<>();

    Variant(int copy, Set<String> kept) {
      this.copy = copy;
      this.kept = kept;
    }

    private String suffix(String id) {
      return id + "-s" + copy;
    }

    /** A copy of a shipped file's tree with at most {@code room} entries. */
    ObjectNode file(ObjectNode shipped, int room) {
      ObjectNode tree = shipped.deepCopy();
      ObjectNode article = (ObjectNode) tree.path("article");
      article.put("id", suffix(article.path("id").asText()));
      article.put("title", text(article.path("title").asText()));
      ArrayNode entries = (ArrayNode) tree.path("entries");
      while (entries.size() > room) {
        entries.remove(entries.size() - 1);
      }
      for (JsonNode node : entries) {
        entry((ObjectNode) node);
      }
      return tree;
    }

    private void entry(ObjectNode entry) {
      entry.put("id", suffix(entry.path("id").asText()));
      replaceText(entry, "title");
      replaceText(entry, "cause");
      replaceAll(entry.path("examples"));
      for (JsonNode step : entry.path("steps")) {
        replaceText((ObjectNode) step, "text");
        replaceAll(step.path("commands"));
      }
      for (JsonNode symptom : entry.path("symptoms")) {
        ObjectNode s = (ObjectNode) symptom;
        replaceText(s, "text");
        if (s.has("pattern")) {
          s.put("pattern", pattern(s.path("pattern").asText()));
        }
      }
      Iterator<JsonNode> translations = entry.path("translations").elements();
      while (translations.hasNext()) {
        ObjectNode t = (ObjectNode) translations.next();
        replaceText(t, "title");
        replaceText(t, "cause");
        replaceAll(t.path("steps"));
        replaceAll(t.path("examples"));
      }
    }

    private void replaceText(ObjectNode node, String field) {
      if (node.path(field).isTextual()) {
        node.put(field, text(node.path(field).asText()));
      }
    }

    private void replaceAll(JsonNode list) {
      if (list instanceof ArrayNode array) {
        for (int i = 0; i < array.size(); i++) {
          array.set(i, new TextNode(text(array.get(i).asText())));
        }
      }
    }

    /** {@code text} with every specific word replaced. */
    String text(String text) {
      StringBuilder out = new StringBuilder(text.length() + 16);
      int i = 0;
      while (i < text.length()) {
        int end = wordEnd(text, i);
        if (end > i) {
          out.append(word(text.substring(i, end)));
          i = end;
        } else {
          out.append(text.charAt(i++));
        }
      }
      return out.toString();
    }

    /**
     * An RE2 pattern with the words of its literal parts replaced; escapes ({@code \s}, {@code
     * \p{L}}), character classes, group flags and counted repetitions are copied as they are.
     */
    String pattern(String regex) {
      StringBuilder out = new StringBuilder(regex.length() + 16);
      int i = 0;
      int n = regex.length();
      while (i < n) {
        char c = regex.charAt(i);
        if (c == '\\' && i + 1 < n) {
          int end = i + 2;
          char escaped = regex.charAt(i + 1);
          if ((escaped == 'p' || escaped == 'P') && end < n && regex.charAt(end) == '{') {
            end = regex.indexOf('}', end) + 1;
          }
          out.append(regex, i, end);
          i = end;
        } else if (c == '[') {
          int end = i + 1;
          if (end < n && regex.charAt(end) == '^') {
            end++;
          }
          if (end < n && regex.charAt(end) == ']') {
            end++;
          }
          while (end < n && regex.charAt(end) != ']') {
            end += regex.charAt(end) == '\\' ? 2 : 1;
          }
          end = Math.min(n, end + 1);
          out.append(regex, i, end);
          i = end;
        } else if (c == '(' && i + 1 < n && regex.charAt(i + 1) == '?') {
          int end = i + 2;
          if (end < n && regex.charAt(end) == 'P') {
            end = regex.indexOf('>', end) + 1;
          } else {
            while (end < n && (Character.isLetter(regex.charAt(end)) || regex.charAt(end) == '-')) {
              end++;
            }
            if (end < n && regex.charAt(end) == ':') {
              end++;
            }
          }
          out.append(regex, i, end);
          i = end;
        } else if (c == '{') {
          int end = regex.indexOf('}', i);
          end = end < 0 ? n : end + 1;
          out.append(regex, i, end);
          i = end;
        } else {
          int end = wordEnd(regex, i);
          if (end > i) {
            out.append(word(regex.substring(i, end)));
            i = end;
          } else {
            out.append(c);
            i++;
          }
        }
      }
      return out.toString();
    }

    private String word(String word) {
      String lower = word.toLowerCase(Locale.ROOT);
      boolean hangul = isHangul(word.charAt(0));
      if ((!hangul && word.length() <= KEPT_LENGTH)
          || (hangul && word.length() < 2)
          || FUNCTION_WORDS.contains(lower)
          || kept.contains(lower)) {
        return word;
      }
      String made = invented.computeIfAbsent(lower, w -> invent(w, hangul));
      if (hangul) {
        return made;
      }
      if (word.length() > 1 && word.equals(word.toUpperCase(Locale.ROOT))) {
        return made.toUpperCase(Locale.ROOT);
      }
      if (Character.isUpperCase(word.charAt(0))) {
        return Character.toUpperCase(made.charAt(0)) + made.substring(1);
      }
      return made;
    }

    /** A pronounceable invented word about as long as {@code word}, the same for the same copy. */
    private String invent(String word, boolean hangul) {
      SplittableRandom random = new SplittableRandom(word.hashCode() * 1_000_003L + copy);
      StringBuilder made = new StringBuilder();
      if (hangul) {
        for (int i = 0; i < word.length(); i++) {
          made.append((char) ('\uAC00' + random.nextInt(0xD7A3 - 0xAC00 + 1)));
        }
        return made.toString();
      }
      while (made.length() < Math.max(4, word.length())) {
        made.append(ONSETS[random.nextInt(ONSETS.length)]);
        made.append(VOWELS[random.nextInt(VOWELS.length)]);
        made.append(CODAS[random.nextInt(CODAS.length)]);
      }
      return made.toString();
    }
  }
}
