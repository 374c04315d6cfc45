package dev.pastefix.core.telemetry;

import dev.pastefix.core.Channel;
import dev.pastefix.core.Finding;
import dev.pastefix.core.Outcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The metrics and the per-message log line of every platform adapter, under the names the README
 * documents ({@code pastefix_*} once exported in the Prometheus format). The log line names the
 * platform, channel kind, outcome, entry ids, confidence and latency, never the message text.
 */
public final class Telemetry {
  /** The logger of the one line per handled message, so operators can route it on its own. */
  public static final String HANDLED_LOGGER = "pastefix.handled";

  private static final Logger handledLog = LoggerFactory.getLogger(HANDLED_LOGGER);
  private static final Duration[] LATENCY_SLOS = {
    Duration.ofMillis(5),
    Duration.ofMillis(25),
    Duration.ofMillis(100),
    Duration.ofMillis(250),
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofMillis(2500),
    Duration.ofSeconds(5),
    Duration.ofSeconds(10),
    Duration.ofSeconds(30)
  };

  private final MeterRegistry registry;

  public Telemetry(MeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  /** Telemetry that is counted in memory and exported nowhere, for tools and tests. */
  public static Telemetry inMemory() {
    return new Telemetry(new SimpleMeterRegistry());
  }

  public MeterRegistry registry() {
    return registry;
  }

  /** A message arrived that the adapter hands to the engine. */
  public void received(String platform, Channel channel) {
    Counter.builder("pastefix.messages.received")
        .description("Messages handed to the engine, by platform and channel kind")
        .tag("platform", platform)
        .tag("channel", kind(channel))
        .register(registry)
        .increment();
  }

  /**
   * The engine decided: counts the outcome, records the engine's latency and writes the one log
   * line of this message ({@code messageId} is the platform's id of the message, not its text).
   */
  public void handled(
      String platform, Channel channel, String messageId, Outcome outcome, Duration engine) {
    String name = outcome.kind().label();
    count(platform, channel, name);
    engineTimer(platform).record(engine);
    if (handledLog.isInfoEnabled()) {
      String entries = String.join(",", outcome.findingIds());
      String confidence = confidence(outcome);
      // Key-value pairs become fields of the JSON log line; the message repeats them for text logs.
      handledLog
          .atInfo()
          .addKeyValue("platform", platform)
          .addKeyValue("channel", kind(channel))
          .addKeyValue("outcome", name)
          .addKeyValue("message_id", messageId)
          .addKeyValue("entries", entries)
          .addKeyValue("confidence", confidence)
          .addKeyValue("engine_ms", engine.toMillis())
          .log(
              "handled platform={} channel={} outcome={} id={} entries={} confidence={}"
                  + " engine_ms={}",
              platform,
              kind(channel),
              name,
              messageId,
              entries.isEmpty() ? "-" : entries,
              confidence,
              engine.toMillis());
    }
  }

  /** The engine threw on a message; counted as outcome {@code error} and logged without text. */
  public void failed(String platform, Channel channel, String messageId, Duration engine) {
    count(platform, channel, "error");
    engineTimer(platform).record(engine);
    handledLog.warn(
        "handled platform={} channel={} outcome=error id={} engine_ms={}",
        platform,
        kind(channel),
        messageId,
        engine.toMillis());
  }

  /** A reply reached the platform; {@code sinceReceived} is the end-to-end latency. */
  public void replyPosted(String platform, Duration sinceReceived) {
    Counter.builder("pastefix.replies.posted")
        .description("Replies the platform accepted")
        .tag("platform", platform)
        .register(registry)
        .increment();
    Timer.builder("pastefix.reply.latency")
        .description("From receiving a message to the platform accepting its reply")
        .tag("platform", platform)
        .serviceLevelObjectives(LATENCY_SLOS)
        .register(registry)
        .record(sinceReceived);
  }

  /** A posting attempt failed: {@code rateLimited} for HTTP 429 (retried), apart from others. */
  public void postingFailed(String platform, boolean rateLimited) {
    Counter.builder("pastefix.posting.failures")
        .description("Failed posting attempts; reason=rate_limited (HTTP 429) is retried")
        .tag("platform", platform)
        .tag("reason", rateLimited ? "rate_limited" : "error")
        .register(registry)
        .increment();
  }

  /**
   * A conversation kept failing for too long and {@code replies} waiting in it were given up, so
   * that it holds nothing for the others.
   */
  public void conversationDropped(String platform, int replies) {
    Counter.builder("pastefix.conversations.dropped")
        .description("Conversations whose replies kept failing and were given up")
        .tag("platform", platform)
        .register(registry)
        .increment();
    Counter.builder("pastefix.replies.dropped")
        .description("Replies given up with a conversation that kept failing")
        .tag("platform", platform)
        .register(registry)
        .increment(replies);
  }

  /** How long the platform waited for its acknowledgement (Slack's 3-second window). */
  public void acknowledged(String platform, Duration latency) {
    Timer.builder("pastefix.ack.latency")
        .description("Time to acknowledge a platform request")
        .tag("platform", platform)
        .serviceLevelObjectives(LATENCY_SLOS)
        .register(registry)
        .record(latency);
  }

  /** A retried or duplicated delivery was recognised and not answered again. */
  public void duplicate(String platform) {
    Counter.builder("pastefix.retries.deduplicated")
        .description("Platform retries and duplicate deliveries answered only once")
        .tag("platform", platform)
        .register(registry)
        .increment();
  }

  /** An event was refused (before acknowledgement) or dropped because the bot was full. */
  public void shed(String platform, String reason) {
    Counter.builder("pastefix.events.shed")
        .description("Events refused or dropped because the bot was full or stopping")
        .tag("platform", platform)
        .tag("reason", reason)
        .register(registry)
        .increment();
  }

  /** Someone clicked a feedback button. */
  public void feedbackVote(String platform, boolean helpful) {
    Counter.builder("pastefix.feedback.votes")
        .description("Feedback button clicks")
        .tag("platform", platform)
        .tag("vote", helpful ? "helpful" : "not_helpful")
        .register(registry)
        .increment();
  }

  /** The gateway connection was re-established with a new session (events in between missed). */
  public void gatewayReconnected(String platform) {
    Counter.builder("pastefix.gateway.reconnects")
        .description("Gateway connections re-established with a new session")
        .tag("platform", platform)
        .register(registry)
        .increment();
  }

  /** The gateway connection was resumed (no events missed). */
  public void gatewayResumed(String platform) {
    Counter.builder("pastefix.gateway.resumes")
        .description("Gateway sessions resumed after a dropped connection")
        .tag("platform", platform)
        .register(registry)
        .increment();
  }

  private void count(String platform, Channel channel, String outcome) {
    Counter.builder("pastefix.messages.handled")
        .description("Messages the engine decided on, by platform, channel kind and outcome")
        .tag("platform", platform)
        .tag("channel", kind(channel))
        .tag("outcome", outcome)
        .register(registry)
        .increment();
  }

  private Timer engineTimer(String platform) {
    return Timer.builder("pastefix.engine.latency")
        .description("Time the engine took to decide on one message")
        .tag("platform", platform)
        .serviceLevelObjectives(LATENCY_SLOS)
        .register(registry);
  }

  private static String kind(Channel channel) {
    return channel.name().toLowerCase(Locale.ROOT);
  }

  private static String confidence(Outcome outcome) {
    List<Finding> findings = outcome.findings();
    if (findings.isEmpty()) {
      return "-";
    }
    return findings.stream()
        .map(f -> String.format(Locale.ROOT, "%.2f", f.confidence()))
        .collect(Collectors.joining(","));
  }
}
