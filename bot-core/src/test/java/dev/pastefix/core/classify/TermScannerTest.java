package dev.pastefix.core.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TermScannerTest {
  @Test
  void givesTheFirstPositionOfEveryTermLikeIndexOf() {
    List<String> terms = List.of("sign in", "in", "x", "로그인", "absent", "");
    TermScanner scanner = new TermScanner(terms);
    String text = "can't sign in: 로그인 fails in x";
    int[] expected = terms.stream().mapToInt(text::indexOf).toArray();
    assertArrayEquals(expected, scanner.firstPositions(text));
  }

  @Test
  void skipsOccurrencesTheFilterRejects() {
    TermScanner scanner = new TermScanner(List.of("log"));
    int[] first =
        scanner.firstPositions(
            "catalog log", (text, term, at) -> at == 0 || text.charAt(at - 1) == ' ');
    assertArrayEquals(new int[] {8}, first);
  }

  @Test
  void findsNothingInEmptyText() {
    assertArrayEquals(new int[] {-1}, new TermScanner(List.of("ab")).firstPositions(""));
  }

  @Test
  void aScanSeesNothingOfTheScanBeforeIt() {
    TermScanner scanner = new TermScanner(List.of("alpha", "beta", "gamma"));
    scanner.find("alpha and beta", found -> null);

    int[] first = scanner.find("only gamma here", found -> found.first().clone());

    assertArrayEquals(new int[] {-1, -1, 5}, first);
  }

  @Test
  void aScanInsideAScanHasItsOwnPositions() {
    TermScanner scanner = new TermScanner(List.of("alpha", "beta"));

    int[][] both =
        scanner.find(
            "beta alpha",
            outer ->
                new int[][] {
                  scanner.find("alpha", inner -> inner.first().clone()), outer.first().clone()
                });

    assertArrayEquals(new int[] {0, -1}, both[0]);
    assertArrayEquals(new int[] {5, 0}, both[1]);
  }
}
