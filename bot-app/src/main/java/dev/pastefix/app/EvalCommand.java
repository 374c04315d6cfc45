package dev.pastefix.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pastefix eval FILE.jsonl [--json]}: scores the bot on a labelled file and prints the
 * report, as one JSON object or as a readable table. Exit 0 when it ran, 2 for a missing or
 * malformed file, 3 for an invalid knowledge base.
 */
@CommandLine.Command(
    name = "eval",
    sortOptions = false,
    description = {
      "Score the bot on labelled messages.",
      "",
      "Score the bot on labelled JSON lines (id, text, label, optional kind and lang), each"
          + " handled as a direct and as a channel message; print the report as a table or as one"
          + " JSON object."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the run finished",
      "2:wrong usage, or a missing or malformed file",
      "3:invalid settings or knowledge base"
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  pastefix eval ../shared/eval/dev.jsonl",
      "  pastefix eval --json labelled.jsonl > report.json",
      "  pastefix eval --knowledge imported --no-shipped labelled.jsonl"
    })
final class EvalCommand implements Command {
  /** Scores the plain BM25 baseline over the same sections instead of the bot. */
  static final String BASELINE_FLAG = "--baseline-bm25";

  private final Startup startup;

  @Parameters(
      paramLabel = "FILE.jsonl",
      description = "the labelled messages, one JSON object a line")
  private Path file;

  @Mixin private JsonOption json = new JsonOption();

  @Mixin private KnowledgeOptions knowledge = new KnowledgeOptions();

  @Option(
      names = BASELINE_FLAG,
      description = "score a plain BM25 search over the same sections instead of the bot")
  private boolean baseline;

  EvalCommand(Startup startup) {
    this.startup = Objects.requireNonNull(startup, "startup");
  }

  @Override
  public int execute(Terminal terminal) {
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
      sources = Settings.knowledgeFrom(terminal.env());
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
                baseline
                    ? new dev.pastefix.core.eval.Bm25Baseline(ready.knowledge()).bot()
                    : ready.bot(),
                LabelVocabulary.of(ready.knowledge(), shipped, labels))
            .run(messages);
    terminal.out().println(json.on() ? withSchemaVersion(report) : report.toTable());
    return ExitCodes.OK;
  }

  /** The report in the eval contract's shape, then the version every --json output carries. */
  private static String withSchemaVersion(EvalReport report) {
    try {
      ObjectMapper mapper = new ObjectMapper();
      ObjectNode root = (ObjectNode) mapper.readTree(report.toJson());
      root.put(JsonOption.SCHEMA_VERSION_KEY, JsonOption.SCHEMA_VERSION);
      return mapper.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the report as JSON", e);
    }
  }
}
