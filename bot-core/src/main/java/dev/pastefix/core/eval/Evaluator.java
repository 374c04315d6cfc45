package dev.pastefix.core.eval;

import dev.pastefix.core.Bot;
import dev.pastefix.core.Channel;
import dev.pastefix.core.IncomingMessage;
import dev.pastefix.core.Outcome;
import dev.pastefix.core.state.ConversationKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Scores a {@link Bot} on labelled messages: each text is handled once as a DIRECT message and once
 * as an unaddressed CHANNEL message, and the findings (the ids a reply presents as the problem; a
 * clarification counts all its candidates, a "don't know" reply none) are compared with the gold
 * label.
 */
public final class Evaluator {
  private final Bot bot;
  private final UnaryOperator<String> labelOf;

  public Evaluator(Bot bot) {
    this(bot, UnaryOperator.identity());
  }

  /**
   * An evaluator that names each finding's entry id as {@code labelOf} says (a label file's words).
   */
  public Evaluator(Bot bot, UnaryOperator<String> labelOf) {
    this.bot = Objects.requireNonNull(bot, "bot");
    this.labelOf = Objects.requireNonNull(labelOf, "labelOf");
  }

  private List<String> labels(List<String> ids) {
    List<String> out = new ArrayList<>();
    for (String id : ids) {
      String label = labelOf.apply(id);
      if (!out.contains(label)) {
        out.add(label);
      }
    }
    return out;
  }

  /** The result of one line, both ways. */
  record Scored(
      LabelledMessage message, List<String> direct, List<String> passive, boolean posted) {
    Set<String> gold() {
      return message.gold();
    }

    boolean directExact() {
      return new LinkedHashSet<>(direct).equals(gold());
    }

    boolean passiveExact() {
      return new LinkedHashSet<>(passive).equals(gold());
    }
  }

  /** Messages handled once, untimed, before the run, so latency is not the JIT's warm-up. */
  static final int WARM_UP_MESSAGES = 100;

  /** Handles every message twice and computes the report. */
  public EvalReport run(List<LabelledMessage> messages) {
    for (int i = 0; i < Math.min(WARM_UP_MESSAGES, messages.size()); i++) {
      String text = messages.get(i).text();
      bot.handle(
          IncomingMessage.of(
              text, Channel.DIRECT, "eval", ConversationKey.of("eval", "-", "eval-warm-up-" + i)));
      bot.handle(
          IncomingMessage.of(
              text, Channel.CHANNEL, "eval", ConversationKey.of("eval", "-", "eval-warm-up-" + i)));
    }
    List<Scored> scored = new ArrayList<>();
    long[] latencies = new long[messages.size() * 2];
    int li = 0;
    for (LabelledMessage m : messages) {
      long t0 = System.nanoTime();
      Outcome direct =
          bot.handle(
              IncomingMessage.of(
                  m.text(),
                  Channel.DIRECT,
                  "eval",
                  ConversationKey.of("eval", "-", "eval-direct-" + m.id())));
      long t1 = System.nanoTime();
      Outcome passive =
          bot.handle(
              IncomingMessage.of(
                  m.text(),
                  Channel.CHANNEL,
                  "eval",
                  ConversationKey.of("eval", "-", "eval-channel-" + m.id())));
      long t2 = System.nanoTime();
      latencies[li++] = (t1 - t0) / 1000;
      latencies[li++] = (t2 - t1) / 1000;
      scored.add(
          new Scored(
              m,
              labels(direct.findingIds()),
              labels(passive.findingIds()),
              !(passive instanceof Outcome.Silent)));
    }
    EvalReport.Slice all = slice(scored);
    Map<String, EvalReport.Slice> byKind = grouped(scored, s -> s.message().kind());
    Map<String, EvalReport.Slice> byLang = grouped(scored, s -> s.message().lang());
    List<EvalReport.ErrorLine> errors = new ArrayList<>();
    for (Scored s : scored) {
      if (!s.directExact() || !s.passiveExact()) {
        errors.add(
            new EvalReport.ErrorLine(
                s.message().id(), s.message().label(), s.direct(), s.passive()));
      }
    }
    return new EvalReport(
        all.n(),
        all.labelled(),
        all.none(),
        all.direct(),
        all.passive(),
        byKind,
        byLang,
        latency(latencies),
        errors);
  }

  private static Map<String, EvalReport.Slice> grouped(
      List<Scored> scored, Function<Scored, String> key) {
    Map<String, List<Scored>> groups = new TreeMap<>();
    for (Scored s : scored) {
      groups.computeIfAbsent(key.apply(s), k -> new ArrayList<>()).add(s);
    }
    Map<String, EvalReport.Slice> out = new TreeMap<>();
    groups.forEach((k, v) -> out.put(k, slice(v)));
    return out;
  }

  static EvalReport.Slice slice(List<Scored> scored) {
    int labelled = 0;
    int none = 0;
    int directExact = 0;
    int top1 = 0;
    int abstain = 0;
    int passiveExact = 0;
    int falseReply = 0;
    int wrongReply = 0;
    for (Scored s : scored) {
      if (s.gold().isEmpty()) {
        none++;
        if (s.direct().isEmpty()) {
          abstain++;
        }
        if (s.posted()) {
          falseReply++;
        }
      } else {
        labelled++;
        if (s.directExact()) {
          directExact++;
        }
        if (!s.direct().isEmpty() && s.gold().contains(s.direct().get(0))) {
          top1++;
        }
        if (s.passiveExact()) {
          passiveExact++;
        }
        if (s.posted() && !s.passiveExact()) {
          wrongReply++;
        }
      }
    }
    return new EvalReport.Slice(
        scored.size(),
        labelled,
        none,
        new EvalReport.Direct(
            ratio(directExact, labelled), ratio(top1, labelled), ratio(abstain, none)),
        new EvalReport.Passive(
            ratio(passiveExact, labelled), ratio(falseReply, none), ratio(wrongReply, labelled)));
  }

  private static Double ratio(int part, int whole) {
    if (whole == 0) {
      return null;
    }
    return Math.round(10_000.0 * part / whole) / 10_000.0;
  }

  static EvalReport.Latency latency(long[] micros) {
    if (micros.length == 0) {
      return new EvalReport.Latency(0, 0);
    }
    long[] sorted = micros.clone();
    Arrays.sort(sorted);
    return new EvalReport.Latency(percentile(sorted, 0.50), percentile(sorted, 0.99));
  }

  private static long percentile(long[] sorted, double p) {
    int index = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }
}
