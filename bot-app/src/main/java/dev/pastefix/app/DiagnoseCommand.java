package dev.pastefix.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pastefix.core.Channel;
import dev.pastefix.core.Finding;
import dev.pastefix.core.Inbound;
import dev.pastefix.core.Outcome;
import dev.pastefix.core.reply.PlainTextRenderer;
import dev.pastefix.core.state.ConversationKey;
import dev.pastefix.knowledge.InvalidKnowledgeException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pastefix diagnose [FILE|-] [--json] [--channel]}: one message from a file or standard
 * input, answered as a direct message (or as an unaddressed channel message with {@code
 * --channel}). Exit 0 for an answer or a clarifying question, 1 for no finding or silence, 2 for
 * wrong usage or an unreadable file, 3 for an invalid knowledge base.
 */
@CommandLine.Command(
    name = "diagnose",
    sortOptions = false,
    description = {
      "Answer one message, as the bot would.",
      "",
      "Answer one message read from FILE or standard input, as the bot would in a direct"
          + " message, or with --channel as an unaddressed message in a team channel (where it"
          + " stays silent unless sure). At most 1 MiB of input is read."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:an answer or a clarifying question",
      "1:no finding (unknown) or silence",
      "2:wrong usage, or a file that cannot be read",
      "3:invalid settings or knowledge base"
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  pastefix diagnose error.txt",
      "  Get-Clipboard | pastefix diagnose -        # PowerShell: the copied error",
      "  pastefix diagnose --json --channel paste.txt",
      "",
      "--json prints the outcome (answer, clarify, unknown, silent or info), the findings with id,"
          + " confidence and evidence, the reply summary, the closest entries or the reason for"
          + " silence."
    })
final class DiagnoseCommand implements Command {
  /** Input beyond this many bytes is ignored (with a warning): a message, not a log file. */
  static final int MAX_INPUT_BYTES = 1024 * 1024;

  static final String SENDER = "cli";
  static final ConversationKey CONVERSATION = ConversationKey.of("cli", "local", "diagnose");

  private final Startup startup;
  private final PlainTextRenderer renderer;
  private final ObjectMapper json = new ObjectMapper();

  @Parameters(
      arity = "0..1",
      paramLabel = "FILE|-",
      description = "the message: a file, or - for standard input (the default)")
  private String source = "-";

  @Mixin private JsonOption jsonOption = new JsonOption();

  @Option(
      names = "--channel",
      description = "handle it as an unaddressed channel message instead of a direct message")
  private boolean channelMessage;

  @Mixin private KnowledgeOptions knowledge = new KnowledgeOptions();

  DiagnoseCommand(Startup startup, PlainTextRenderer renderer) {
    this.startup = Objects.requireNonNull(startup, "startup");
    this.renderer = Objects.requireNonNull(renderer, "renderer");
  }

  @Override
  public int execute(Terminal terminal) throws IOException {
    byte[] bytes;
    try {
      bytes = read(source, terminal);
    } catch (IOException e) {
      terminal.err().println("pastefix diagnose: cannot read " + source + ": " + describe(e));
      return ExitCodes.USAGE;
    }
    if (bytes.length > MAX_INPUT_BYTES) {
      terminal
          .err()
          .println(
              "pastefix diagnose: only the first "
                  + MAX_INPUT_BYTES
                  + " bytes of the input are read");
    }
    String text =
        new String(bytes, 0, Math.min(bytes.length, MAX_INPUT_BYTES), StandardCharsets.UTF_8);

    Startup.Ready ready;
    try {
      ready =
          startup.start(
              Settings.knowledgeFrom(terminal.env()),
              Optional.empty(),
              Startup.dataDir(terminal.env()));
    } catch (InvalidKnowledgeException | Settings.InvalidSettings e) {
      terminal.err().println(e.getMessage());
      return ExitCodes.CONFIG;
    }
    Channel channel = channelMessage ? Channel.CHANNEL : Channel.DIRECT;
    Outcome outcome =
        ready.bot().handle(Inbound.message(text, channel, SENDER, CONVERSATION)).outcome();
    if (jsonOption.on()) {
      terminal
          .out()
          .println(
              json.writerWithDefaultPrettyPrinter().writeValueAsString(toJson(outcome, channel)));
    } else {
      terminal.out().print(OutcomeText.render(outcome, renderer.withEmphasis(terminal.emphasis())));
    }
    return exitCode(outcome);
  }

  static int exitCode(Outcome outcome) {
    return outcome instanceof Outcome.Answer || outcome instanceof Outcome.Clarify
        ? ExitCodes.OK
        : ExitCodes.NEGATIVE;
  }

  ObjectNode toJson(Outcome outcome, Channel channel) {
    ObjectNode root = json.createObjectNode();
    root.put(JsonOption.SCHEMA_VERSION_KEY, JsonOption.SCHEMA_VERSION);
    root.put("outcome", outcome.kind().label());
    root.put("channel", channel.name().toLowerCase(java.util.Locale.ROOT));
    ArrayNode findings = root.putArray("findings");
    List<Finding> list = outcome.findings();
    outcome.visibleReply().ifPresent(reply -> root.put("summary", reply.summary()));
    if (outcome instanceof Outcome.Unknown unknown) {
      ArrayNode closest = root.putArray("closest");
      unknown.closestIds().forEach(closest::add);
    } else if (outcome instanceof Outcome.Silent silent) {
      root.put("reason", silent.reason());
    }
    for (Finding finding : list) {
      ObjectNode node = findings.addObject();
      node.put("id", finding.entryId());
      node.put("confidence", finding.confidence());
      ArrayNode evidence = node.putArray("evidence");
      finding.evidence().forEach(evidence::add);
    }
    return root;
  }

  private static byte[] read(String source, Terminal terminal) throws IOException {
    if (source.equals("-")) {
      return readAtMost(terminal.in());
    }
    Path path = Path.of(source);
    if (Files.isDirectory(path)) {
      throw new IOException("it is a directory");
    }
    try (InputStream in = Files.newInputStream(path)) {
      return readAtMost(in);
    }
  }

  /** Reads up to one byte past the limit, so an oversized input is noticed without loading it. */
  private static byte[] readAtMost(InputStream in) throws IOException {
    return in.readNBytes(MAX_INPUT_BYTES + 1);
  }

  private static String describe(IOException e) {
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
