package dev.pastefix.app;

import dev.pastefix.core.check.Check;
import dev.pastefix.core.check.CheckCatalog;
import dev.pastefix.core.check.CheckReplies;
import dev.pastefix.core.check.CheckStatus;
import dev.pastefix.core.check.CheckVerdict;
import dev.pastefix.core.check.DnsCheck;
import dev.pastefix.core.check.DnsClient;
import dev.pastefix.core.check.GuidedCheck;
import dev.pastefix.core.check.PastedOutput;
import dev.pastefix.core.reply.PlainTextRenderer;
import dev.pastefix.knowledge.InvalidKnowledgeException;
import dev.pastefix.knowledge.KnowledgeBase;
import dev.pastefix.knowledge.KnowledgeLoader;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pastefix check [NAME [DOMAIN | --output FILE|- | OUTPUT...]]}: lists the checks, checks a
 * domain's DNS records, or reads a command's saved output. Exit 0 when healthy, 1 when a problem
 * was found, 2 for bad input or output that is not the command's.
 */
@CommandLine.Command(
    name = "check",
    sortOptions = false,
    description = {
      "Run a check: a domain's DNS records, or a PowerShell command's saved output.",
      "",
      "Run a check: list the checks (no NAME), check a domain's DNS records for Skype for"
          + " Business Online sign-in (dns DOMAIN), or read the saved output of the PowerShell"
          + " command a guided check asks for (NAME --output FILE, or the output as words). The"
          + " first output line is 'check NAME: OK|PROBLEM|UNRECOGNISED', for scripts. DNS is asked"
          + " of PASTEFIX_DNS_RESOLVER (host or host:port) or the system's resolvers."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:all healthy (or the list of checks)",
      "1:a problem was found, including a domain that does not exist or a resolver that does not"
          + " answer",
      "2:bad input or usage: not a domain name, output of another command, unknown check,"
          + " unreadable file",
      "3:an invalid PASTEFIX_DNS_RESOLVER or knowledge directory"
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  pastefix check                                  # list the checks",
      "  pastefix check dns contoso.com",
      "  pastefix check execution-policy --output policy.txt",
      "  Get-ExecutionPolicy -List | pastefix check execution-policy --output -",
      "",
      "--output reads UTF-8, or the UTF-16 that PowerShell's Out-File writes."
    })
final class CheckCommand implements Command {
  /** A saved output longer than this is read only up to here (the checks read the start). */
  static final int MAX_OUTPUT_CHARS = PastedOutput.MAX_CHARS;

  private final KnowledgeLoader loader;
  private final Clock clock;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "NAME",
      description = "the check, such as dns or execution-policy (none: list the checks)")
  private Optional<String> name = Optional.empty();

  @Parameters(
      index = "1..*",
      arity = "0..*",
      paramLabel = "DOMAIN|OUTPUT",
      description = "the domain of the dns check, or a guided check's output as words")
  private List<String> words = new ArrayList<>();

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE|-",
      description = "a file holding the command's saved output, or - for standard input")
  private Optional<String> output = Optional.empty();

  @Mixin private KnowledgeOptions knowledge = new KnowledgeOptions();

  CheckCommand(KnowledgeLoader loader, Clock clock) {
    this.loader = Objects.requireNonNull(loader, "loader");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public int execute(Terminal terminal) {
    Optional<String> resolver;
    try {
      resolver = Settings.dnsResolverFrom(terminal.env());
    } catch (Settings.InvalidSettings e) {
      terminal.err().println(e.getMessage());
      return ExitCodes.CONFIG;
    }
    CheckCatalog catalog;
    try {
      catalog =
          CheckCatalog.standard(
              DnsClient.create(resolver, DnsClient.DEFAULT_TIMEOUT, DnsClient.DEFAULT_RETRIES),
              clock);
    } catch (IllegalArgumentException e) {
      terminal.err().println("pastefix check: PASTEFIX_DNS_RESOLVER: " + e.getMessage());
      return ExitCodes.CONFIG;
    }
    if (name.isEmpty()) {
      list(catalog, terminal);
      return ExitCodes.OK;
    }
    Optional<Check> found = catalog.find(name.get());
    if (found.isEmpty()) {
      terminal
          .err()
          .println("pastefix check: there is no check called '" + shorten(name.get()) + "'.");
      list(catalog, terminal);
      return ExitCodes.USAGE;
    }
    Check check = found.get();
    Optional<String> argument = argument(check, words, terminal);
    if (argument.isEmpty()) {
      return ExitCodes.USAGE;
    }
    KnowledgeBase knowledge;
    try {
      knowledge = loader.load(Settings.knowledgeFrom(terminal.env()));
    } catch (InvalidKnowledgeException | Settings.InvalidSettings e) {
      terminal.err().println(e.getMessage());
      return ExitCodes.CONFIG;
    }
    CheckVerdict verdict = check.run(argument.get());
    // The same reply the chat shows, after a status line a script can grep.
    terminal.out().println("check " + check.id() + ": " + status(verdict.status()));
    terminal.out().println();
    terminal
        .out()
        .print(new PlainTextRenderer().render(new CheckReplies(knowledge).verdict(check, verdict)));
    return exitCode(verdict.status());
  }

  /** The verdict's status as one upper-case word, for scripts. */
  static String status(CheckStatus status) {
    switch (status) {
      case OK:
        return "OK";
      case PROBLEM:
        return "PROBLEM";
      default:
        return "UNRECOGNISED";
    }
  }

  /**
   * The check's argument from the command line: the domain of the DNS check, or a guided check's
   * saved output. Empty after printing what is wrong, or the command to run first.
   */
  private Optional<String> argument(Check check, List<String> rest, Terminal terminal) {
    if (check instanceof DnsCheck) {
      if (rest.size() != 1 || output.isPresent()) {
        terminal
            .err()
            .println(
                "Usage: pastefix check dns DOMAIN   (for example: pastefix check dns contoso.com)");
        return Optional.empty();
      }
      return Optional.of(rest.get(0));
    }
    GuidedCheck guided = (GuidedCheck) check;
    Optional<String> output;
    try {
      output = output(guided, rest, terminal);
    } catch (UsageException e) {
      terminal.err().println("pastefix check " + check.id() + ": " + e.getMessage());
      return Optional.empty();
    }
    if (output.isEmpty()) {
      terminal.out().println("check " + guided.id() + ": " + guided.title());
      terminal.out().println("Run this in PowerShell on the computer where the problem happens:");
      terminal.out().println();
      terminal.out().println("    " + guided.command());
      terminal.out().println();
      terminal
          .out()
          .println(
              "then give me its output: pastefix check "
                  + guided.id()
                  + " --output FILE   (or - for standard input)");
    }
    return output;
  }

  static int exitCode(CheckStatus status) {
    switch (status) {
      case OK:
        return ExitCodes.OK;
      case PROBLEM:
        return ExitCodes.NEGATIVE;
      default:
        return ExitCodes.USAGE;
    }
  }

  private static void list(CheckCatalog catalog, Terminal terminal) {
    terminal.out().println("Checks (pastefix check NAME ...):");
    for (Check check : catalog.all()) {
      String how =
          check instanceof GuidedCheck
              ? "reads the output of: " + ((GuidedCheck) check).command()
              : "pastefix " + check.usage();
      terminal.out().printf("  %-20s %s%n", check.id(), check.title());
      terminal.out().printf("  %-20s   %s%n", "", how);
    }
  }

  /** Thrown for a wrong {@code --output} argument. */
  private static final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }

  private Optional<String> output(GuidedCheck check, List<String> rest, Terminal terminal)
      throws UsageException {
    if (output.isPresent()) {
      if (!rest.isEmpty()) {
        throw new UsageException("give the output either with --output or as words, not both");
      }
      return Optional.of(read(output.get(), terminal));
    }
    return rest.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", rest));
  }

  private static String read(String source, Terminal terminal) throws UsageException {
    if (source.isBlank()) {
      throw new UsageException("--output needs a file name, or - for standard input");
    }
    try {
      if (source.equals("-")) {
        return readCapped(terminal.in());
      }
      Path path = Path.of(source);
      if (!Files.isRegularFile(path)) {
        throw new UsageException("cannot read " + source + ": no such file");
      }
      try (InputStream in = Files.newInputStream(path)) {
        return readCapped(in);
      }
    } catch (IOException | InvalidPathException e) {
      throw new UsageException("cannot read " + shorten(source) + ": " + e.getMessage());
    }
  }

  /** Reads UTF-8 text (a UTF-16 file saved by PowerShell's Out-File is detected by its BOM). */
  private static String readCapped(InputStream raw) throws IOException {
    BufferedInputStream in = new BufferedInputStream(raw);
    in.mark(2);
    int b1 = in.read();
    int b2 = in.read();
    in.reset();
    Charset charset = StandardCharsets.UTF_8;
    if (b1 == 0xFF && b2 == 0xFE) {
      charset = StandardCharsets.UTF_16LE;
      in.skipNBytes(2);
    } else if (b1 == 0xFE && b2 == 0xFF) {
      charset = StandardCharsets.UTF_16BE;
      in.skipNBytes(2);
    }
    Reader reader = new InputStreamReader(in, charset);
    StringBuilder text = new StringBuilder();
    char[] buffer = new char[8192];
    int n;
    while (text.length() < MAX_OUTPUT_CHARS && (n = reader.read(buffer)) > 0) {
      text.append(buffer, 0, Math.min(n, MAX_OUTPUT_CHARS - text.length()));
    }
    String s = text.toString();
    return s.startsWith("\uFEFF") ? s.substring(1) : s;
  }

  private static String shorten(String text) {
    String clean = text.replaceAll("\\p{Cntrl}", "?");
    return clean.length() > 40 ? clean.substring(0, 37) + "..." : clean;
  }
}
