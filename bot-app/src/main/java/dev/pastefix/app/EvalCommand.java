package dev.pastefix.app;

import dev.pastefix.core.eval.EvalReport;
import dev.pastefix.core.eval.Evaluator;
import dev.pastefix.core.eval.LabelVocabulary;
import dev.pastefix.core.eval.LabelledMessage;
import dev.pastefix.knowledge.InvalidKnowledgeException;
import dev.pastefix.knowledge.KnowledgeBase;
import dev.pastefix.knowledge.KnowledgeLoader;
import dev.pastefix.knowledge.KnowledgeSources;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@code pastefix eval FILE.jsonl [--json]}: scores the bot on a labelled file and prints the
 * report, as one JSON object or as a readable table. Exit 0 when it ran, 2 for a missing or
 * malformed file, 3 for an invalid knowledge base.
 */
final class EvalCommand implements Command {
  /** Scores the plain BM25 baseline over the same sections instead of the bot. */
  static final String BASELINE_FLAG = "--baseline-bm25";

  private final Startup startup;

  EvalCommand(Startup startup) {
    this.startup = Objects.requireNonNull(startup, "startup");
  }

  @Override
  public String name() {
    return "eval";
  }

  @Override
  public String synopsis() {
    return "eval FILE.jsonl [--json] [--knowledge DIR [--no-shipped]] [--baseline-bm25]";
  }

  @Override
  public String summary() {
    return "score the bot on labelled messages (id, text, label), each as a DM and in a channel";
  }

  @Override
  public int run(List<String> args, Terminal terminal) {
    Arguments arguments;
    try {
      arguments =
          Arguments.parse(
              args,
              Set.of("--json", Startup.NO_SHIPPED_FLAG, BASELINE_FLAG),
              Set.of(Startup.KNOWLEDGE_OPTION));
      if (arguments.positionals().size() != 1) {
        throw new Arguments.UsageException("give exactly one FILE.jsonl");
      }
    } catch (Arguments.UsageException e) {
      terminal.err().println("pastefix eval: " + e.getMessage());
      terminal.err().println("usage: pastefix " + synopsis());
      return ExitCodes.USAGE;
    }
    Path file = Path.of(arguments.positionals().get(0));
    if (!Files.isRegularFile(file)) {
      terminal.err().println("pastefix eval: cannot read " + file + ": no such file");
      return ExitCodes.USAGE;
    }
    List<LabelledMessage> messages;
    try {
      messages = LabelledMessage.readJsonl(file);
    } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
      terminal.err().println("pastefix eval: cannot read " + file + ": " + e.getMessage());
      return ExitCodes.USAGE;
    }
    if (messages.isEmpty()) {
      terminal.err().println("pastefix eval: " + file + " holds no labelled messages");
      return ExitCodes.USAGE;
    }
    Startup.Ready ready;
    KnowledgeSources sources;
    Optional<KnowledgeBase> shipped;
    try {
      sources = Startup.knowledge(arguments, terminal.env());
      ready = startup.start(sources, Optional.empty(), Startup.dataDir(terminal.env()));
      // Labels written for the shipped knowledge name entries imported from the same sections.
      shipped =
          sources.shipped() ? Optional.empty() : Optional.of(new KnowledgeLoader().loadShipped());
    } catch (InvalidKnowledgeException | Settings.InvalidSettings e) {
      terminal.err().println(e.getMessage());
      return ExitCodes.CONFIG;
    }
    Set<String> labels = new HashSet<>();
    messages.forEach(m -> labels.addAll(m.gold()));
    EvalReport report =
        new Evaluator(
                arguments.flag(BASELINE_FLAG)
                    ? new dev.pastefix.core.eval.Bm25Baseline(ready.knowledge())
                    : ready.bot(),
                LabelVocabulary.of(ready.knowledge(), shipped, labels))
            .run(messages);
    terminal.out().println(arguments.flag("--json") ? report.toJson() : report.toTable());
    return ExitCodes.OK;
  }
}
