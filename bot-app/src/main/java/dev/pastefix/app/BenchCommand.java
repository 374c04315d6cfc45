package dev.pastefix.app;

import dev.pastefix.core.Bot;
import dev.pastefix.core.Channel;
import dev.pastefix.core.IncomingMessage;
import dev.pastefix.core.eval.LabelledMessage;
import dev.pastefix.knowledge.Entry;
import dev.pastefix.knowledge.InvalidKnowledgeException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@code pastefix bench [FILE.jsonl] [--iterations N]}: time from start to ready, heap used after
 * start, and classification throughput and latency on one thread, over the messages of a labelled
 * file (or the knowledge base's own example phrasings). Each message is handled as a direct message
 * and as an unaddressed channel message, after a warm-up.
 */
final class BenchCommand implements Command {
  static final Path DEFAULT_FILE = Path.of("..", "shared", "eval", "dev.jsonl");
  static final int DEFAULT_ITERATIONS = 20;

  /**
   * Messages handled before measuring (whole rounds over the set, at least one), so the JIT has
   * compiled the hot paths.
   */
  static final int WARM_UP_MESSAGES = 4000;

  private static final List<Channel> CHANNELS = List.of(Channel.DIRECT, Channel.CHANNEL);

  private final Startup startup;
  private final Path defaultFile;

  /** {@code defaultFile} is measured when no file is given and it exists. */
  BenchCommand(Startup startup, Path defaultFile) {
    this.startup = Objects.requireNonNull(startup, "startup");
    this.defaultFile = Objects.requireNonNull(defaultFile, "defaultFile");
  }

  @Override
  public String name() {
    return "bench";
  }

  @Override
  public String synopsis() {
    return "bench [FILE.jsonl] [--iterations N]";
  }

  @Override
  public String summary() {
    return "start-up time, heap after start, throughput and p50/p99 latency on one thread";
  }

  @Override
  public int run(List<String> args, Terminal terminal) {
    PrintStream out = terminal.out();
    Arguments arguments;
    int iterations;
    Optional<Path> file;
    try {
      arguments = Arguments.parse(args, Set.of(), Set.of("--iterations", Startup.KNOWLEDGE_OPTION));
      if (arguments.positionals().size() > 1) {
        throw new Arguments.UsageException("give at most one FILE.jsonl");
      }
      iterations = iterations(arguments);
      file = arguments.positionals().stream().findFirst().map(Path::of);
    } catch (Arguments.UsageException e) {
      terminal.err().println("pastefix bench: " + e.getMessage());
      terminal.err().println("usage: pastefix " + synopsis());
      return ExitCodes.USAGE;
    }
    Optional<Path> source = file.or(() -> Optional.of(defaultFile).filter(Files::isRegularFile));
    List<String> texts = List.of();
    if (source.isPresent()) {
      try {
        texts =
            LabelledMessage.readJsonl(source.get()).stream().map(LabelledMessage::text).toList();
      } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
        terminal
            .err()
            .println("pastefix bench: cannot read " + source.get() + ": " + e.getMessage());
        return ExitCodes.USAGE;
      }
    }

    Startup.Ready ready;
    try {
      ready = startup.start(Startup.knowledgeDir(arguments, terminal.env()));
    } catch (InvalidKnowledgeException e) {
      terminal.err().println(e.getMessage());
      return ExitCodes.CONFIG;
    }
    long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
    long heap = heapAfterGc();
    String origin = source.map(Path::toString).orElse("the knowledge base's example phrasings");
    if (texts.isEmpty()) {
      texts = examples(ready);
    }
    if (texts.isEmpty()) {
      terminal.err().println("pastefix bench: no messages to measure in " + origin);
      return ExitCodes.USAGE;
    }

    Measurement m = measure(ready.bot(), messages(texts), iterations);
    report(out, m, texts.size(), origin, iterations, ready, uptime, heap);
    return ExitCodes.OK;
  }

  /** Handling times of every measured message, after a warm-up. */
  private record Measurement(long[] nanos, long total, int warmUpRounds) {}

  /** Warms the bot up, then times each message {@code iterations} times on this thread. */
  private static Measurement measure(Bot bot, List<IncomingMessage> messages, int iterations) {
    int warmUpRounds = Math.max(1, (WARM_UP_MESSAGES + messages.size() - 1) / messages.size());
    for (int round = 0; round < warmUpRounds; round++) {
      for (IncomingMessage message : messages) {
        bot.handle(message);
      }
    }
    long[] nanos = new long[messages.size() * iterations];
    int n = 0;
    long started = System.nanoTime();
    for (int i = 0; i < iterations; i++) {
      for (IncomingMessage message : messages) {
        long t = System.nanoTime();
        bot.handle(message);
        nanos[n++] = System.nanoTime() - t;
      }
    }
    long total = System.nanoTime() - started;
    Arrays.sort(nanos);
    return new Measurement(nanos, total, warmUpRounds);
  }

  private static void report(
      PrintStream out,
      Measurement m,
      int texts,
      String origin,
      int iterations,
      Startup.Ready ready,
      long uptime,
      long heap) {
    long[] nanos = m.nanos();
    out.printf(
        Locale.ROOT,
        "pastefix bench: %d messages from %s, each as DIRECT and CHANNEL, %d iterations after %d"
            + " warm-up rounds, 1 thread%n",
        texts,
        origin,
        iterations,
        m.warmUpRounds());
    out.printf(
        Locale.ROOT,
        "start to ready:        %d ms (knowledge base + training); %d ms after the JVM started%n",
        ready.took().toMillis(),
        uptime);
    out.printf(
        Locale.ROOT, "heap used after start: %.1f MB (after GC)%n", heap / (1024.0 * 1024.0));
    out.printf(
        Locale.ROOT,
        "throughput:            %.0f messages/s (%d handled)%n",
        nanos.length / (m.total() / 1e9),
        nanos.length);
    out.printf(Locale.ROOT, "latency p50:           %.1f µs%n", percentile(nanos, 0.50) / 1e3);
    out.printf(Locale.ROOT, "latency p99:           %.1f µs%n", percentile(nanos, 0.99) / 1e3);
    out.printf(Locale.ROOT, "latency max:           %.1f µs%n", nanos[nanos.length - 1] / 1e3);
  }

  private static int iterations(Arguments arguments) throws Arguments.UsageException {
    Optional<String> value = arguments.option("--iterations");
    if (value.isEmpty()) {
      return DEFAULT_ITERATIONS;
    }
    try {
      int n = Integer.parseInt(value.get());
      if (n < 1 || n > 100_000) {
        throw new Arguments.UsageException("--iterations must be between 1 and 100000");
      }
      return n;
    } catch (NumberFormatException e) {
      throw new Arguments.UsageException(
          "--iterations must be a number, got '" + value.get() + "'");
    }
  }

  private static List<String> examples(Startup.Ready ready) {
    List<String> texts = new ArrayList<>();
    for (Entry entry : ready.knowledge().entries()) {
      texts.addAll(entry.examples());
    }
    return texts;
  }

  private static List<IncomingMessage> messages(List<String> texts) {
    List<IncomingMessage> messages = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      for (Channel channel : CHANNELS) {
        messages.add(IncomingMessage.of(texts.get(i), channel, "bench", "bench:" + i));
      }
    }
    return messages;
  }

  /** Nearest-rank percentile of sorted values. */
  static long percentile(long[] sorted, double p) {
    int rank = (int) Math.ceil(p * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  private static long heapAfterGc() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return memory.getHeapMemoryUsage().getUsed();
  }
}
