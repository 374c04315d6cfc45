package dev.pastefix.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pastefix.knowledge.Entry;
import dev.pastefix.knowledge.KnowledgeBase;
import dev.pastefix.knowledge.KnowledgeLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticKnowledgeTest {
  @TempDir Path dir;

  private final KnowledgeLoader loader = new KnowledgeLoader();

  @Test
  void generatedEntriesPassKbValidate() throws Exception {
    new SyntheticKnowledge(loader).write(dir, 100);
    InMemoryTerminal terminal = new InMemoryTerminal();

    int code =
        TestingCommandLine.run(
            new KbCommand(loader), List.of("validate", dir.toString()), terminal.terminal());

    assertEquals(ExitCodes.OK, code, terminal.out() + terminal.err());
    assertTrue(terminal.out().contains("no problems"), terminal.out());
  }

  @Test
  void growsTheShippedKnowledgeToExactlyTheSizeAskedFor() throws Exception {
    int shipped = loader.loadShipped().entries().size();

    int written = new SyntheticKnowledge(loader).write(dir, 100);
    KnowledgeBase grown = loader.load(Optional.of(dir));

    assertEquals(100 - shipped, written);
    assertEquals(100, grown.entries().size(), "no copy replaced a shipped entry");
  }

  @Test
  void copiesReplaceTheSpecificWordsButKeepTheShape() throws Exception {
    new SyntheticKnowledge(loader).write(dir, 60);
    KnowledgeBase grown = loader.load(Optional.of(dir));
    Entry original = grown.entry("execution-policy").orElseThrow();
    Entry first = grown.entry("execution-policy-s1").orElseThrow();
    Entry second = grown.entry("execution-policy-s2").orElseThrow();

    assertEquals(original.symptoms().size(), first.symptoms().size());
    assertEquals(original.examples().size(), first.examples().size());
    assertEquals(original.steps().size(), first.steps().size());
    String copyText = String.join(" ", first.examples()) + first.cause();
    assertFalse(copyText.contains("ExecutionPolicy"), copyText);
    assertFalse(copyText.contains("LyncOnlineConnector"), copyText);
    assertFalse(first.examples().equals(second.examples()), "each copy invents its own words");
    for (int i = 0; i < first.symptoms().size(); i++) {
      assertEquals(original.symptoms().get(i).literal(), first.symptoms().get(i).literal());
      assertEquals(original.symptoms().get(i).lang(), first.symptoms().get(i).lang());
    }
  }

  @Test
  void theShippedSizeWritesNothingAndLessIsRefused() throws Exception {
    int shipped = loader.loadShipped().entries().size();
    SyntheticKnowledge synthetic = new SyntheticKnowledge(loader);

    assertEquals(0, synthetic.write(dir, shipped));
    try (var listing = Files.list(dir)) {
      assertEquals(0, listing.count());
    }
    assertThrows(IllegalArgumentException.class, () -> synthetic.write(dir, shipped - 1));
  }
}
