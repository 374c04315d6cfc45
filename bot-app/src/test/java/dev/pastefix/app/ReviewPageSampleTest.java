package dev.pastefix.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The traffic the review screenshot is taken of gives the page something in every section: a review
 * of its data directory, through the command line, has answers with votes both ways, unknown groups
 * and near misses over two weeks.
 */
class ReviewPageSampleTest {
  @TempDir Path tmp;

  @Test
  void fillsEverySectionOfTheReview() throws Exception {
    Path data = tmp.resolve("data");
    int rows = ReviewPageSample.write(data, Clock.systemUTC());
    assertTrue(rows > 100, "rows: " + rows);

    Path page = tmp.resolve("review.html");
    TestingTerminal t = new TestingTerminal(Map.of("PASTEFIX_DATA_DIR", data.toString()));
    int code =
        Main.standard()
            .run(
                List.of("review", "--since", "14d", "--html", page.toString(), "--text"),
                t.terminal);
    assertEquals(ExitCodes.OK, code, t::err);

    String text = t.out();
    assertTrue(text.contains(": " + rows + " messages ("), text);
    assertTrue(text.matches("(?s).*Unknown groups \\([1-9].*"), text);
    String html = Files.readString(page, StandardCharsets.UTF_8);
    assertTrue(html.contains("not helpful"), "votes both ways");
    assertTrue(html.contains(" short of 0.25"), "a near miss under the threshold: " + html);
  }
}
