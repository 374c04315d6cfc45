package dev.pastefix.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pastefix.core.Bot;
import dev.pastefix.core.Channel;
import dev.pastefix.core.Inbound;
import dev.pastefix.core.classify.Analyser;
import dev.pastefix.core.classify.DirectoryModelStore;
import dev.pastefix.core.classify.ModelStore;
import dev.pastefix.core.eval.EvalReport;
import dev.pastefix.core.eval.Evaluator;
import dev.pastefix.core.eval.LabelledMessage;
import dev.pastefix.core.state.BotState;
import dev.pastefix.core.state.SeenEvents;
import dev.pastefix.knowledge.Entry;
import dev.pastefix.knowledge.InvalidKnowledgeException;
import dev.pastefix.knowledge.KnowledgeBase;
import dev.pastefix.knowledge.KnowledgeLoader;
import dev.pastefix.knowledge.KnowledgeSources;
import dev.pastefix.storage.DatabaseTarget;
import dev.pastefix.storage.StateDatabase;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pastefix bench [FILE.jsonl] [--iterations N] [--synthetic N[,N...]] [--json]}: loading,
 * training and start-up time, heap used after start, latency on one thread and accuracy, over the
 * messages of a labelled file (or the knowledge base's own example phrasings). Each message is
 * handled as a direct message and as an unaddressed channel message, after a warm-up. With {@code
 * --synthetic}, the same for knowledge bases grown from the shipped one to N entries by {@link
 * SyntheticKnowledge}, one row per size.
 */
@CommandLine.Command(
    name = "bench",
    sortOptions = false,
    description = {
      "Measure start-up time, memory, latency and accuracy.",
      "",
      "Measure loading, training-from-scratch and start-to-ready time, heap used after start"
          + " (after GC), throughput and p50/p99 latency on one thread after a warm-up, and direct"
          + " exact accuracy, over the messages of FILE.jsonl (default: the knowledge base's example"
          + " phrasings, each labelled with its entry). Each message is handled as a direct and as an unaddressed channel message."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the run finished",
      "2:wrong usage, or a file that cannot be read",
      "3:invalid settings or knowledge base"
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  pastefix bench",
      "  pastefix bench --iterations 5 --json labelled.jsonl",
      "  pastefix bench --state",
      "  pastefix bench --synthetic 24,240,2400",
      "  pastefix bench --synthetic 2400 --keep /tmp/kb2400 && pastefix kb validate /tmp/kb2400",
      "",
      "--json prints one object per knowledge base with the keys schema_version, entries,"
          + " load_ms, train_ms, ready_ms, heap_mb, p50_us, p99_us, dev_exact, cpu_p50_us,"
          + " cpu_p99_us and the redaction figures."
    })
final class BenchCommand implements Command {
  static final int DEFAULT_ITERATIONS = 20;

  /** Largest synthetic knowledge base: far beyond any team's, small enough to fit in memory. */
  static final int MAX_SYNTHETIC_ENTRIES = 20_000;

  /**
   * Messages handled before measuring (whole rounds over the set, at least one), so the JIT has
   * compiled the hot paths.
   */
  static final int WARM_UP_MESSAGES = 4000;

  private static final List<Channel> CHANNELS = List.of(Channel.DIRECT, Channel.CHANNEL);

  private final Startup startup;
  private final ObjectMapper json = new ObjectMapper();

  @Parameters(
      arity = "0..1",
      paramLabel = "FILE.jsonl",
      description = "labelled messages to measure over (see above for the default)")
  private Optional<Path> fileOption = Optional.empty();

  @Option(
      names = "--iterations",
      paramLabel = "N",
      description = "rounds over the messages that are measured, 1 to 100000 (default 20)")
  private Optional<String> iterationsOption = Optional.empty();

  @Option(
      names = STATE_FLAG,
      description =
          "measure with the state a single instance keeps: embedded H2 files in a temporary"
              + " directory, a claim and an answered mark per message, the answer log written")
  private boolean stateOption;

  @Option(
      names = "--synthetic",
      paramLabel = "N[,N...]",
      description =
          "measure knowledge bases grown from the shipped one to each size, with renamed copies"
              + " whose specific words are invented; one row each")
  private Optional<String> syntheticOption = Optional.empty();

  @Option(
      names = "--keep",
      paramLabel = "DIR",
      converter = CommandLineTypes.DirectoryName.class,
      description = "with --synthetic and one size: write the generated files there (new or empty)")
  private Optional<Path> keepOption = Optional.empty();

  @Mixin private JsonOption jsonOption = new JsonOption();

  @Mixin private KnowledgeOptions knowledgeOption = new KnowledgeOptions();

  /**
   * Without a file the bench measures the knowledge base's example phrasings, which ship with it:
   * it never depends on a file outside the jar.
   */
  BenchCommand(Startup startup) {
    this.startup = Objects.requireNonNull(startup, "startup");
  }

  /** One measured knowledge base. */
  record Row(
      int entries,
      int shards,
      long loadMs,
      long trainMs,
      long readyMs,
      long uptimeMs,
      double heapMb,
      double throughput,
      int handled,
      double p50Us,
      double p99Us,
      double maxUs,
      double cpuP50Us,
      double cpuP99Us,
      Optional<Double> devExact) {

    Map<String, Object> json() {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put(JsonOption.SCHEMA_VERSION_KEY, JsonOption.SCHEMA_VERSION);
      out.put("entries", entries);
      out.put("load_ms", loadMs);
      out.put("train_ms", trainMs);
      out.put("ready_ms", readyMs);
      out.put("heap_mb", round(heapMb, 1));
      out.put("p50_us", round(p50Us, 1));
      out.put("p99_us", round(p99Us, 1));
      out.put("dev_exact", devExact.map(d -> round(d, 4)).orElse(null));
      // The handling thread's CPU time: what the message cost, even on a machine others share.
      out.put("cpu_p50_us", round(cpuP50Us, 1));
      out.put("cpu_p99_us", round(cpuP99Us, 1));
      return out;
    }
  }

  /** What to measure, parsed from the command line. */
  private record Plan(
      int iterations,
      Optional<Path> file,
      List<Integer> sizes,
      Optional<Path> keep,
      boolean json,
      KnowledgeSources knowledge,
      Optional<Path> dataDir,
      boolean state) {}

  @Override
  public int execute(Terminal terminal) {
    PrintStream out = terminal.out();
    Plan plan;
    try {
      plan = plan(terminal);
    } catch (Settings.InvalidSettings e) {
      terminal.err().println(e.getMessage());
      return ExitCodes.CONFIG;
    }
    Optional<Path> source = plan.file();
    List<LabelledMessage> labelled = List.of();
    if (source.isPresent()) {
      try {
        labelled = LabelledMessage.readJsonl(source.get());
      } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
        terminal
            .err()
            .println("pastefix bench: cannot read " + source.get() + ": " + e.getMessage());
        return ExitCodes.USAGE;
      }
    }
    String origin = source.map(Path::toString).orElse("the knowledge base's example phrasings");
    try {
      if (plan.sizes().isEmpty()) {
        Row row =
            plan.state()
                ? measureWithState(plan, labelled)
                : measure(plan.knowledge(), plan.dataDir(), labelled, plan.iterations());
        RedactionBench.Figures redaction = RedactionBench.measure();
        if (plan.json()) {
          Map<String, Object> fields = row.json();
          redaction.putInto(fields);
          out.println(json.writeValueAsString(fields));
        } else {
          printRow(out, row, origin, labelled.size(), plan.iterations());
          out.println(redaction.describe());
        }
        return ExitCodes.OK;
      }
      return synthetic(plan, labelled, origin, terminal);
    } catch (InvalidKnowledgeException e) {
      terminal.err().println(e.getMessage());
      return ExitCodes.CONFIG;
    } catch (IOException | UncheckedIOException e) {
      terminal.err().println("pastefix bench: " + e.getMessage());
      return ExitCodes.USAGE;
    } catch (NoMessages e) {
      terminal.err().println("pastefix bench: no messages to measure in " + origin);
      return ExitCodes.USAGE;
    }
  }

  private Plan plan(Terminal terminal) throws Settings.InvalidSettings {
    List<Integer> sizes = sizes(syntheticOption);
    Optional<Path> keep = keepOption;
    if (keep.isPresent() && sizes.size() != 1) {
      throw new UsageError("--keep DIR needs --synthetic with one size");
    }
    if (keep.isPresent() && Files.exists(keep.get()) && !isEmptyDirectory(keep.get())) {
      throw new UsageError("--keep " + keep.get() + " must be new or empty");
    }
    KnowledgeSources knowledge = Settings.knowledgeFrom(terminal.env());
    if (!sizes.isEmpty() && knowledgeOption.given()) {
      throw new UsageError("--synthetic grows the shipped knowledge; it does not take --knowledge");
    }
    if (stateOption && !sizes.isEmpty()) {
      throw new UsageError("--state measures the knowledge in use, not --synthetic");
    }
    return new Plan(
        iterations(iterationsOption),
        fileOption,
        sizes,
        keep,
        jsonOption.on(),
        sizes.isEmpty() ? knowledge : KnowledgeSources.shippedPlus(Optional.empty()),
        Startup.dataDir(terminal.env()),
        stateOption);
  }

  /**
   * Measures with the state a single instance keeps: H2 files, a claim and an answer per message.
   */
  static final String STATE_FLAG = "--state";

  private Row measureWithState(Plan plan, List<LabelledMessage> labelled)
      throws InvalidKnowledgeException, NoMessages, IOException {
    Path dir = Files.createTempDirectory("pastefix-bench-state-");
    try (StateDatabase database =
        StateDatabase.open(
            DatabaseTarget.embedded(dir), Clock.systemUTC(), BotState.DEFAULT_RETENTION)) {
      BotState state = database.state();
      return measure(
          plan.knowledge(), plan.dataDir(), labelled, plan.iterations(), Optional.of(state));
    } finally {
      deleteTree(dir);
    }
  }

  /** Handles messages as an adapter does with state on: claimed first, marked answered after. */
  private static Consumer<Inbound> claiming(Bot bot, SeenEvents seen) {
    AtomicLong events = new AtomicLong();
    return message -> {
      String key = "bench:event:" + events.incrementAndGet();
      seen.claim(key, "", SeenEvents.DEFAULT_TTL);
      bot.handle(message);
      seen.answered(key);
    };
  }

  private static boolean isEmptyDirectory(Path dir) {
    try (Stream<Path> listing = Files.list(dir)) {
      return listing.findAny().isEmpty();
    } catch (IOException e) {
      return false;
    }
  }

  private static List<Integer> sizes(Optional<String> value) {
    if (value.isEmpty()) {
      return List.of();
    }
    List<Integer> sizes = new ArrayList<>();
    for (String part : value.get().split(",")) {
      try {
        int n = Integer.parseInt(part.strip());
        if (n < 1 || n > MAX_SYNTHETIC_ENTRIES) {
          throw new UsageError("--synthetic sizes must be between 1 and " + MAX_SYNTHETIC_ENTRIES);
        }
        sizes.add(n);
      } catch (NumberFormatException e) {
        throw new UsageError(
            "--synthetic takes entry counts such as 24,240,2400, got '" + value.get() + "'");
      }
    }
    return sizes;
  }

  /** Thrown when there is nothing to measure. */
  private static final class NoMessages extends Exception {
    private static final long serialVersionUID = 1L;
  }

  private int synthetic(Plan plan, List<LabelledMessage> labelled, String origin, Terminal terminal)
      throws IOException, InvalidKnowledgeException, NoMessages {
    PrintStream out = terminal.out();
    KnowledgeLoader loader = new KnowledgeLoader();
    int shipped = loader.loadShipped().entries().size();
    for (int size : plan.sizes()) {
      if (size < shipped) {
        terminal
            .err()
            .println(
                "pastefix bench: --synthetic starts from the "
                    + shipped
                    + " shipped entries; "
                    + size
                    + " is fewer");
        return ExitCodes.USAGE;
      }
    }
    // One untimed start first, so that no row pays for loading classes the others reuse.
    startup.start(Optional.empty());
    if (!plan.json()) {
      out.printf(
          Locale.ROOT,
          "pastefix bench --synthetic: %s messages from %s, each as DIRECT and CHANNEL, %d"
              + " iterations, 1 thread, one JVM (after one untimed start)%n",
          labelled.isEmpty() ? "the example" : String.valueOf(labelled.size()),
          origin,
          plan.iterations());
      out.println(
          "entries  shards  load_ms  train_ms  ready_ms  heap_mb    p50_us    p99_us  dev_exact"
              + "  cpu_p50_us  cpu_p99_us");
    }
    for (int size : plan.sizes()) {
      Path scratch = Files.createTempDirectory("pastefix-bench-");
      try {
        Path knowledge = plan.keep().orElse(scratch.resolve("knowledge"));
        int written = new SyntheticKnowledge(loader).write(knowledge, size);
        Optional<Path> dir = written == 0 ? Optional.empty() : Optional.of(knowledge);
        Row row =
            measure(
                KnowledgeSources.shippedPlus(dir),
                Optional.of(scratch.resolve("data")),
                labelled,
                plan.iterations());
        if (plan.json()) {
          out.println(json.writeValueAsString(row.json()));
        } else {
          out.printf(
              Locale.ROOT,
              "%7d  %6d  %7d  %8d  %8d  %7.1f  %8.1f  %8.1f  %9s  %10.1f  %10.1f%n",
              row.entries(),
              row.shards(),
              row.loadMs(),
              row.trainMs(),
              row.readyMs(),
              row.heapMb(),
              row.p50Us(),
              row.p99Us(),
              row.devExact().map(d -> String.format(Locale.ROOT, "%.1f%%", d * 100)).orElse("-"),
              row.cpuP50Us(),
              row.cpuP99Us());
        }
      } finally {
        deleteTree(scratch);
      }
    }
    if (!plan.json()) {
      out.println(
          "load: reading and checking the knowledge; train: every categorizer model from scratch;"
              + " ready: load + models from the cache + engine; heap after GC");
    }
    return ExitCodes.OK;
  }

  /**
   * Trains the categorizer of the knowledge in {@code knowledgeDir} from scratch (timed, the models
   * kept in {@code dataDir}), then starts the engine as a run would and measures it.
   */
  private Row measure(
      KnowledgeSources knowledge,
      Optional<Path> dataDir,
      List<LabelledMessage> labelled,
      int iterations)
      throws InvalidKnowledgeException, NoMessages {
    return measure(knowledge, dataDir, labelled, iterations, Optional.empty());
  }

  private Row measure(
      KnowledgeSources knowledge,
      Optional<Path> dataDir,
      List<LabelledMessage> labelled,
      int iterations,
      Optional<BotState> state)
      throws InvalidKnowledgeException, NoMessages {
    long trainMs = trainingTime(new KnowledgeLoader().load(knowledge), dataDir);
    Startup.Ready ready =
        state.isPresent()
            ? startup.start(knowledge, Optional.empty(), state.get(), dataDir)
            : startup.start(knowledge, Optional.empty(), dataDir);
    long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
    double heapMb = heapAfterGc() / (1024.0 * 1024.0);
    List<LabelledMessage> messages = labelled.isEmpty() ? examples(ready.knowledge()) : labelled;
    if (messages.isEmpty()) {
      throw new NoMessages();
    }
    Bot bot = ready.bot();
    Consumer<Inbound> measuredBot =
        state.map(st -> claiming(bot, st.seenEvents())).orElse(bot::handle);
    long[][] measured = latencies(measuredBot, messages, iterations);
    long[] nanos = measured[0];
    long[] cpu = measured[1];
    long total = Arrays.stream(nanos).sum();
    Arrays.sort(nanos);
    Arrays.sort(cpu);
    EvalReport report = new Evaluator(bot).run(messages);
    return new Row(
        ready.knowledge().entries().size(),
        ready.shards(),
        ready.loading().toMillis(),
        trainMs,
        ready.took().toMillis(),
        uptime,
        heapMb,
        nanos.length / (total / 1e9),
        nanos.length,
        percentile(nanos, 0.50) / 1e3,
        percentile(nanos, 0.99) / 1e3,
        nanos[nanos.length - 1] / 1e3,
        percentile(cpu, 0.50) / 1e3,
        percentile(cpu, 0.99) / 1e3,
        Optional.ofNullable(report.direct().exact()));
  }

  /**
   * How long training every model of {@code kb} from scratch takes; the models go to the cache in
   * {@code dataDir} when there is one, else nowhere.
   */
  private static long trainingTime(KnowledgeBase kb, Optional<Path> dataDir) {
    long started = System.nanoTime();
    Analyser.categoryModel(
        kb,
        dataDir
            .<ModelStore>map(
                d -> new TrainOnlyStore(new DirectoryModelStore(d.resolve(Startup.MODELS_FOLDER))))
            .orElse(ModelStore.none()));
    return (System.nanoTime() - started) / 1_000_000;
  }

  /** Writes through to a store but never reads from it, so every model is trained. */
  private record TrainOnlyStore(ModelStore target) implements ModelStore {
    @Override
    public Optional<byte[]> read(String fingerprint) {
      return Optional.empty();
    }

    @Override
    public void write(String fingerprint, byte[] model) {
      target.write(fingerprint, model);
    }
  }

  /** Wall-clock and thread CPU nanoseconds of each handled message. */
  private static long[][] latencies(
      Consumer<Inbound> bot, List<LabelledMessage> labelled, int iterations) {
    java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    List<Inbound> messages = messages(labelled);
    int warmUpRounds = Math.max(1, (WARM_UP_MESSAGES + messages.size() - 1) / messages.size());
    for (int round = 0; round < warmUpRounds; round++) {
      for (Inbound message : messages) {
        bot.accept(message);
      }
    }
    long[] nanos = new long[messages.size() * iterations];
    long[] cpu = new long[nanos.length];
    int n = 0;
    for (int i = 0; i < iterations; i++) {
      for (Inbound message : messages) {
        long c = threads.getCurrentThreadCpuTime();
        long t = System.nanoTime();
        bot.accept(message);
        nanos[n] = System.nanoTime() - t;
        cpu[n++] = threads.getCurrentThreadCpuTime() - c;
      }
    }
    return new long[][] {nanos, cpu};
  }

  private static void printRow(
      PrintStream out, Row row, String origin, int fileMessages, int iterations) {
    out.printf(
        Locale.ROOT,
        "pastefix bench: %s messages from %s, each as DIRECT and CHANNEL, %d iterations after a"
            + " warm-up, 1 thread%n",
        fileMessages > 0
            ? String.valueOf(fileMessages)
            : String.valueOf(row.handled() / CHANNELS.size() / iterations),
        origin,
        iterations);
    out.printf(
        Locale.ROOT,
        "knowledge base:        %d entries in %d categorizer model(s)%n",
        row.entries(),
        row.shards());
    out.printf(
        Locale.ROOT,
        "start to ready:        %d ms (loading the knowledge %d ms); %d ms after the JVM started%n",
        row.readyMs(),
        row.loadMs(),
        row.uptimeMs());
    out.printf(
        Locale.ROOT,
        "training from scratch: %d ms (not paid at start when cached)%n",
        row.trainMs());
    out.printf(Locale.ROOT, "heap used after start: %.1f MB (after GC)%n", row.heapMb());
    out.printf(
        Locale.ROOT,
        "throughput:            %.0f messages/s (%d handled)%n",
        row.throughput(),
        row.handled());
    out.printf(Locale.ROOT, "latency p50:           %.1f µs%n", row.p50Us());
    out.printf(Locale.ROOT, "latency p99:           %.1f µs%n", row.p99Us());
    out.printf(Locale.ROOT, "latency max:           %.1f µs%n", row.maxUs());
    out.printf(
        Locale.ROOT,
        "CPU per message:       p50 %.1f µs, p99 %.1f µs (the handling thread's CPU time)%n",
        row.cpuP50Us(),
        row.cpuP99Us());
    out.printf(
        Locale.ROOT,
        "direct exact:          %s%n",
        row.devExact().map(d -> String.format(Locale.ROOT, "%.1f %%", d * 100)).orElse("-"));
  }

  private static int iterations(Optional<String> value) {
    if (value.isEmpty()) {
      return DEFAULT_ITERATIONS;
    }
    try {
      int n = Integer.parseInt(value.get());
      if (n < 1 || n > 100_000) {
        throw new UsageError("--iterations must be between 1 and 100000");
      }
      return n;
    } catch (NumberFormatException e) {
      throw new UsageError("--iterations must be a number, got '" + value.get() + "'");
    }
  }

  /** The knowledge base's example phrasings, each labelled with its own entry. */
  private static List<LabelledMessage> examples(KnowledgeBase kb) {
    List<LabelledMessage> texts = new ArrayList<>();
    for (Entry entry : kb.entries()) {
      for (String example : entry.examples()) {
        texts.add(
            new LabelledMessage(
                "example-" + texts.size(),
                example,
                entry.id(),
                LabelledMessage.UNSPECIFIED,
                LabelledMessage.UNSPECIFIED));
      }
    }
    return texts;
  }

  private static List<Inbound> messages(List<LabelledMessage> labelled) {
    List<Inbound> messages = new ArrayList<>();
    for (int i = 0; i < labelled.size(); i++) {
      for (Channel channel : CHANNELS) {
        messages.add(
            Inbound.message(
                labelled.get(i).text(),
                channel,
                "bench",
                dev.pastefix.core.state.ConversationKey.of("bench", "-", "bench-" + i)));
      }
    }
    return messages;
  }

  /** Nearest-rank percentile of sorted values. */
  static long percentile(long[] sorted, double p) {
    int rank = (int) Math.ceil(p * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  private static double round(double value, int decimals) {
    double scale = Math.pow(10, decimals);
    return Math.round(value * scale) / scale;
  }

  private static long heapAfterGc() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return memory.getHeapMemoryUsage().getUsed();
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // A scratch directory left in the temporary folder is not worth failing the run.
    }
  }
}
