package dev.pastefix.knowledge.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One article file as read: its name, the front matter's fields that matter for an import (title,
 * dates, asset id, locale, published URL) and the Markdown body, with its outline.
 *
 * @param stem the file name without its extension and language suffix, as eval labels name it
 * @param lang the language of its text: the front matter's content locale or the file name's
 *     suffix; {@code en} for a localized file whose text was never translated
 * @param date the newest date the front matter gives, empty when it gives none
 * @param docsAsCode whether the front matter has {@code ms.*} fields: the article is published on
 *     the Microsoft docs site, and its site-rooted links point there
 */
record ArticleFile(
    Path path,
    String name,
    String stem,
    String lang,
    Optional<LocalDate> date,
    Optional<String> assetId,
    Optional<String> publishedUrl,
    Optional<String> frontTitle,
    boolean docsAsCode,
    Outline outline) {
  ArticleFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(stem, "stem");
    Objects.requireNonNull(lang, "lang");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(assetId, "assetId");
    Objects.requireNonNull(publishedUrl, "publishedUrl");
    Objects.requireNonNull(frontTitle, "frontTitle");
    Objects.requireNonNull(outline, "outline");
  }

  /** Larger files are refused unread: troubleshooting articles are tens of kilobytes. */
  static final int MAX_BYTES = 4 * 1024 * 1024;

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private static final List<String> DATE_KEYS =
      List.of("ms.date", "ms.lasthandoff", "date", "updated", "last_updated", "ms.update");

  private static final List<String> URL_KEYS =
      List.of("canonicalUrl", "canonical_url", "url", "online version", "original_content_git_url");

  /** Why a file is not an article that can be imported. */
  static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;

    Refused(String message) {
      super(message);
    }
  }

  /** The English title: the first heading's English text, or the front matter's title. */
  String englishTitle() {
    return outline.headings().stream()
        .filter(s -> !s.title().en().isBlank())
        .findFirst()
        .map(s -> s.title().en())
        .or(() -> frontTitle)
        .orElse(stem);
  }

  static ArticleFile read(Path path, byte[] bytes, HtmlText html) throws Refused {
    if (bytes.length > MAX_BYTES) {
      throw new Refused(
          "is " + bytes.length + " bytes; an article may hold at most " + MAX_BYTES + " bytes");
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      throw new Refused("is not UTF-8 text (a binary file?)");
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 && c != '\t' && c != '\r' && c != '\n' && c != '\f' || c == 0x7f) {
        throw new Refused(
            String.format("holds the control character U+%04X; it is not a text file", (int) c));
      }
    }
    text = text.replace("\r\n", "\n");
    JsonNode front = YAML.createObjectNode();
    String body = text;
    if (text.startsWith("---\n")) {
      int end = frontMatterEnd(text);
      if (end > 0) {
        String yaml = text.substring(4, end);
        try {
          JsonNode parsed = YAML.readTree(yaml);
          if (parsed != null && parsed.isObject()) {
            front = parsed;
          }
        } catch (java.io.IOException e) {
          throw new Refused("has front matter that is not YAML: " + firstLine(e.getMessage()));
        }
        int bodyStart = text.indexOf('\n', end + 1);
        body = bodyStart < 0 ? "" : text.substring(bodyStart + 1);
      }
    }
    boolean docs = false;
    for (java.util.Iterator<String> keys = front.fieldNames(); keys.hasNext(); ) {
      docs |= keys.next().startsWith("ms.");
    }
    Outline outline = Outline.parse(body, html);
    if (outline.headings().isEmpty()) {
      throw new Refused("has no Markdown heading; is it an article?");
    }
    String name = path.getFileName().toString();
    String stemWithLang = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
    Optional<String> nameLang = languageSuffix(stemWithLang);
    String stem = ArticleImporter.stem(name);
    String lang =
        text(front, "ms.contentlocale")
            .map(ArticleFile::language)
            .or(() -> nameLang.map(ArticleFile::language))
            .orElse("en");
    if (!outline.localized()) {
      // A localized file that holds no translation spans carries the English text as it is.
      lang = "en";
    }
    Optional<LocalDate> date = Optional.empty();
    for (String key : DATE_KEYS) {
      Optional<LocalDate> d = text(front, key).flatMap(ArticleFile::date);
      if (d.isPresent() && (date.isEmpty() || d.get().isAfter(date.get()))) {
        date = d;
      }
    }
    Optional<String> url = Optional.empty();
    for (String key : URL_KEYS) {
      if (url.isEmpty()) {
        url = text(front, key).filter(u -> u.startsWith("http"));
      }
    }
    return new ArticleFile(
        path,
        name,
        stem,
        lang,
        date,
        text(front, "ms.assetid"),
        url,
        text(front, "title"),
        docs,
        outline);
  }

  private static int frontMatterEnd(String text) {
    int at = 4;
    while (at < text.length()) {
      int eol = text.indexOf('\n', at);
      String line = (eol < 0 ? text.substring(at) : text.substring(at, eol)).strip();
      if (line.equals("---") || line.equals("...")) {
        return at;
      }
      if (eol < 0) {
        return -1;
      }
      at = eol + 1;
    }
    return -1;
  }

  private static Optional<String> text(JsonNode front, String key) {
    JsonNode value = front.get(key);
    if (value == null || value.isNull() || value.isContainerNode()) {
      return Optional.empty();
    }
    String s = value.asText().strip();
    return s.isEmpty() ? Optional.empty() : Optional.of(s);
  }

  /** "fr-FR" or "ko-kr" as a two-letter language code. */
  private static String language(String locale) {
    String lang = locale.strip().toLowerCase(Locale.ROOT);
    int dash = lang.indexOf('-');
    return dash > 0 ? lang.substring(0, dash) : lang;
  }

  /** The language suffix of a file stem such as {@code article.fr-FR}. */
  static Optional<String> languageSuffix(String stem) {
    int dot = stem.lastIndexOf('.');
    if (dot <= 0) {
      return Optional.empty();
    }
    String suffix = stem.substring(dot + 1);
    if (suffix.matches("[a-zA-Z]{2}(-[a-zA-Z]{2,4})?")) {
      return Optional.of(suffix);
    }
    return Optional.empty();
  }

  private static final List<DateTimeFormatter> DATE_FORMATS =
      List.of(
          DateTimeFormatter.ofPattern("M/d/yyyy", Locale.ROOT),
          DateTimeFormatter.ISO_LOCAL_DATE,
          DateTimeFormatter.ofPattern("yyyy/M/d", Locale.ROOT),
          DateTimeFormatter.ofPattern("d.M.yyyy", Locale.ROOT));

  private static Optional<LocalDate> date(String text) {
    String s = text.length() > 10 && text.charAt(10) == 'T' ? text.substring(0, 10) : text;
    for (DateTimeFormatter format : DATE_FORMATS) {
      try {
        return Optional.of(LocalDate.parse(s, format));
      } catch (DateTimeParseException e) {
        // try the next format
      }
    }
    return Optional.empty();
  }

  private static String firstLine(String message) {
    String m = message == null ? "" : message;
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
