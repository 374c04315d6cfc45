package dev.pastefix.core.eval;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The scores of one evaluation run, shaped exactly as the eval contract's JSON object: counts,
 * direct and passive scores overall, by kind and by language, latency percentiles in microseconds,
 * and the lines the engine got wrong. A score is {@code null} when no line counts towards it.
 */
@JsonPropertyOrder({
  "n",
  "labelled",
  "none",
  "direct",
  "passive",
  "by_kind",
  "by_lang",
  "latency_us",
  "errors"
})
@JsonInclude(JsonInclude.Include.ALWAYS)
public record EvalReport(
    int n,
    int labelled,
    int none,
    Direct direct,
    Passive passive,
    @JsonProperty("by_kind") Map<String, Slice> byKind,
    @JsonProperty("by_lang") Map<String, Slice> byLang,
    @JsonProperty("latency_us") Latency latencyUs,
    List<ErrorLine> errors) {

  public EvalReport {
    Objects.requireNonNull(direct, "direct");
    Objects.requireNonNull(passive, "passive");
    byKind = Map.copyOf(byKind);
    byLang = Map.copyOf(byLang);
    Objects.requireNonNull(latencyUs, "latencyUs");
    errors = List.copyOf(errors);
  }

  /** Scores of the messages handled as DIRECT. */
  @JsonPropertyOrder({"exact", "top1_hit", "none_abstain"})
  public record Direct(
      Double exact,
      @JsonProperty("top1_hit") Double top1Hit,
      @JsonProperty("none_abstain") Double noneAbstain) {}

  /** Scores of the messages handled as unaddressed CHANNEL messages. */
  @JsonPropertyOrder({"exact", "false_reply", "wrong_reply"})
  public record Passive(
      Double exact,
      @JsonProperty("false_reply") Double falseReply,
      @JsonProperty("wrong_reply") Double wrongReply) {}

  /** The same fields for one kind or one language. */
  @JsonPropertyOrder({"n", "labelled", "none", "direct", "passive"})
  public record Slice(int n, int labelled, int none, Direct direct, Passive passive) {}

  /** Median and 99th percentile of the time to handle one message, in microseconds. */
  @JsonPropertyOrder({"p50", "p99"})
  public record Latency(long p50, long p99) {}

  /** One line where direct or passive findings differ from the gold label. */
  @JsonPropertyOrder({"id", "label", "direct", "passive"})
  public record ErrorLine(String id, String label, List<String> direct, List<String> passive) {
    public ErrorLine {
      direct = List.copyOf(direct);
      passive = List.copyOf(passive);
    }
  }

  /** The report as one JSON object (pretty-printed when {@code pretty}). */
  public String toJson(boolean pretty) {
    ObjectMapper mapper = new ObjectMapper();
    mapper.configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    if (pretty) {
      mapper.enable(SerializationFeature.INDENT_OUTPUT);
    }
    try {
      return mapper.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the report as JSON", e);
    }
  }

  /** The report as one compact JSON object. */
  public String toJson() {
    return toJson(false);
  }

  /** A readable table of the same numbers. */
  public String toTable() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%d lines: %d labelled, %d none%n%n", n, labelled, none));
    String header =
        String.format(
            Locale.ROOT,
            "%-22s %5s %8s %8s %8s %8s %8s %8s %8s%n",
            "slice",
            "n",
            "d.exact",
            "d.top1",
            "d.abst",
            "p.exact",
            "p.false",
            "p.wrong",
            "");
    sb.append(header.stripTrailing()).append('\n');
    sb.append(row("all", new Slice(n, labelled, none, direct, passive)));
    for (String kind : byKind.keySet().stream().sorted().toList()) {
      sb.append(row("kind:" + kind, byKind.get(kind)));
    }
    for (String lang : byLang.keySet().stream().sorted().toList()) {
      sb.append(row("lang:" + lang, byLang.get(lang)));
    }
    sb.append(
        String.format(
            Locale.ROOT, "%nlatency: p50 %d us, p99 %d us%n", latencyUs.p50, latencyUs.p99));
    if (!errors.isEmpty()) {
      sb.append(String.format(Locale.ROOT, "%n%d line(s) with a wrong finding:%n", errors.size()));
      for (ErrorLine e : errors) {
        sb.append(
            String.format(
                Locale.ROOT,
                "  %-8s gold %-45s direct %-45s passive %s%n",
                e.id,
                e.label,
                ids(e.direct),
                ids(e.passive)));
      }
    }
    return sb.toString();
  }

  private static String ids(List<String> ids) {
    return ids.isEmpty() ? "-" : String.join("|", ids);
  }

  private static String row(String name, Slice s) {
    List<String> cells = new ArrayList<>();
    cells.add(pct(s.direct.exact));
    cells.add(pct(s.direct.top1Hit));
    cells.add(pct(s.direct.noneAbstain));
    cells.add(pct(s.passive.exact));
    cells.add(pct(s.passive.falseReply));
    cells.add(pct(s.passive.wrongReply));
    return String.format(
        Locale.ROOT,
        "%-22s %5d %8s %8s %8s %8s %8s %8s%n",
        name,
        s.n,
        cells.get(0),
        cells.get(1),
        cells.get(2),
        cells.get(3),
        cells.get(4),
        cells.get(5));
  }

  private static String pct(Double value) {
    return value == null ? "-" : String.format(Locale.ROOT, "%.3f", value);
  }
}
