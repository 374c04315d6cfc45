package dev.pastefix.core.check;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Pasted command output made readable: chat markup (code fences, quote markers, HTML entities)
 * removed, line endings unified, and the length capped so a huge paste costs little.
 */
public record PastedOutput(String text) {
  /** Only the start of a paste is read; command outputs the checks read are a few KB at most. */
  public static final int MAX_CHARS = 64 * 1024;

  public PastedOutput {
    Objects.requireNonNull(text, "text");
  }

  /** Cleans raw chat text. */
  public static PastedOutput of(String raw) {
    String text = raw.length() > MAX_CHARS ? raw.substring(0, MAX_CHARS) : raw;
    text = text.replace("\r\n", "\n").replace('\r', '\n');
    text = text.replace("```", "\n").replace("&gt;", ">").replace("&lt;", "<");
    text = text.replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
    StringBuilder clean = new StringBuilder(text.length());
    for (String line : text.split("\n", -1)) {
      String l = line;
      // Chat quotes ("> ") but not PowerShell prompts ("PS C:\> ").
      while (l.startsWith("> ") || l.equals(">")) {
        l = l.substring(Math.min(2, l.length()));
      }
      clean.append(l.replace('\u00a0', ' ').replace('\u202f', ' ')).append('\n');
    }
    return new PastedOutput(clean.toString());
  }

  public List<String> lines() {
    return Arrays.asList(text.split("\n"));
  }

  /** Lines with surrounding blanks removed and empty lines dropped. */
  public List<String> nonBlankLines() {
    return lines().stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
  }

  public boolean isBlank() {
    return text.isBlank();
  }
}
