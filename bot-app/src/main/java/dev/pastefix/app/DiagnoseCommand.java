package dev.pastefix.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pastefix.core.Channel;
import dev.pastefix.core.Finding;
import dev.pastefix.core.IncomingMessage;
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
import java.util.Set;

/**
 * {@code pastefix diagnose [FILE|-] [--json] [--channel]}: one message from a file or standard
 * input, answered as a direct message (or as an unaddressed channel message with {@code
 * --channel}). Exit 0 for an answer or a clarifying question, 1 for no finding or silence, 2 for
 * wrong usage or an unreadable file, 3 for an invalid knowledge base.
 */
final class DiagnoseCommand implements Command {
  /** Input beyond this many bytes is ignored (with a warning): a message, not a log file. */
  static final int MAX_INPUT_BYTES = 1024 * 1024;

  static final String SENDER = "cli";
  static final ConversationKey CONVERSATION = ConversationKey.of("cli", "local", "diagnose");

  private final Startup startup;
  private final PlainTextRenderer renderer;
  private final ObjectMapper json = new ObjectMapper();

  DiagnoseCommand(Startup startup, PlainTextRenderer renderer) {
    this.startup = Objects.requireNonNull(startup, "startup");
    this.renderer = Objects.requireNonNull(renderer, "renderer");
  }

  @Override
  public String name() {
    return "diagnose";
  }

  @Override
  public String synopsis() {
    return "diagnose [FILE|-] [--json] [--channel]";
  }

  @Override
  public String summary() {
    return "answer one message from FILE or stdin (-, the default) as a DM, or unaddressed with"
        + " --channel";
  }

  @Override
  public int run(List<String> args, Terminal terminal) throws IOException {
    Arguments arguments;
    try {
      arguments =
          Arguments.parse(
              args,
              Set.of("--json", "--channel", Startup.NO_SHIPPED_FLAG),
              Set.of(Startup.KNOWLEDGE_OPTION));
      if (arguments.positionals().size() > 1) {
        throw new Arguments.UsageException("give one FILE, or - for standard input");
      }
    } catch (Arguments.UsageException e) {
      terminal.err().println("pastefix diagnose: " + e.getMessage());
      terminal.err().println("usage: pastefix " + synopsis());
      return ExitCodes.USAGE;
    }
    String source = arguments.positionals().isEmpty() ? "-" : arguments.positionals().get(0);
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
              Startup.knowledge(arguments, terminal.env()),
              Optional.empty(),
              Startup.dataDir(terminal.env()));
    } catch (InvalidKnowledgeException | Settings.InvalidSettings e) {
      terminal.err().println(e.getMessage());
      return ExitCodes.CONFIG;
    }
    Channel channel = arguments.flag("--channel") ? Channel.CHANNEL : Channel.DIRECT;
    Outcome outcome = ready.bot().handle(IncomingMessage.of(text, channel, SENDER, CONVERSATION));
    if (arguments.flag("--json")) {
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
    root.put("outcome", OutcomeText.kind(outcome));
    root.put("channel", channel.name().toLowerCase(java.util.Locale.ROOT));
    ArrayNode findings = root.putArray("findings");
    List<Finding> list = List.of();
    outcome.visibleReply().ifPresent(reply -> root.put("summary", reply.summary()));
    if (outcome instanceof Outcome.Answer answer) {
      list = answer.findings();
    } else if (outcome instanceof Outcome.Clarify clarify) {
      list = clarify.candidates();
    } else if (outcome instanceof Outcome.Unknown unknown) {
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
