package dev.pastefix.core.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CollapseWhitespaceTest {
  @Test
  void collapsesWhitespaceRunsLikeTheRegex() {
    for (String s :
        List.of(
            "",
            " ",
            "a b",
            "a  b",
            "\ta\t\tb \n c\r\n",
            "no-spaces",
            "  lead and trail  ",
            "로그인  실패\u000B\fok")) {
      assertEquals(s.replaceAll("\\s+", " "), Analyser.collapseWhitespace(s), s);
    }
  }
}
