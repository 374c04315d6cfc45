package dev.pastefix.knowledge;

/** One version of a source article in the seed folder: file name, language and date of its text. */
public record SeedFile(String file, String lang, String date) {
  public SeedFile {
    Checks.text(file, "file");
    Checks.text(lang, "lang");
    Checks.text(date, "date");
  }
}
