package dev.pastefix.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Finds the fixtures under {@code src/test/resources} and asserts what problems name. */
final class BrokenFixtures {
  private BrokenFixtures() {}

  static Path dir(String name) {
    URL url = BrokenFixtures.class.getResource("/" + name);
    if (url == null) {
      throw new IllegalStateException("missing test fixture " + name);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Asserts that exactly one problem has this file, line, entry and field, that its message
   * contains {@code fragment}, and that its text names all of them. Returns it.
   */
  static Problem assertProblem(
      List<Problem> problems,
      String fileName,
      int line,
      Optional<String> entryId,
      Optional<String> field,
      String fragment) {
    List<Problem> found =
        problems.stream()
            .filter(p -> Path.of(p.file()).getFileName().toString().equals(fileName))
            .filter(p -> p.line() == line)
            .filter(p -> p.entryId().equals(entryId))
            .filter(p -> p.field().equals(field))
            .toList();
    if (found.size() != 1) {
      fail(
          "expected one problem in "
              + fileName
              + ":"
              + line
              + " entry "
              + entryId
              + " field "
              + field
              + ", got:\n  "
              + String.join("\n  ", problems.stream().map(Problem::toString).toList()));
    }
    Problem problem = found.get(0);
    String text = problem.toString();
    assertTrue(problem.message().contains(fragment), () -> text + " should say " + fragment);
    assertTrue(text.contains(fileName + (line > 0 ? ":" + line + ":" : ":")), text);
    entryId.ifPresent(id -> assertTrue(text.contains("entry '" + id + "'"), text));
    field.ifPresent(f -> assertTrue(text.contains("field '" + f + "'"), text));
    return problem;
  }

  /** Like {@link #assertProblem} for a problem inside an entry. */
  static Problem assertEntryProblem(
      List<Problem> problems,
      String fileName,
      int line,
      String entryId,
      String field,
      String fragment) {
    return assertProblem(
        problems, fileName, line, Optional.of(entryId), Optional.of(field), fragment);
  }

  static void assertCount(int expected, List<Problem> problems) {
    assertEquals(
        expected,
        problems.size(),
        () ->
            "problems:\n  "
                + String.join("\n  ", problems.stream().map(Problem::toString).toList()));
  }
}
