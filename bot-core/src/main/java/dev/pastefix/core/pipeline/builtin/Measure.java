package dev.pastefix.core.pipeline.builtin;

import dev.pastefix.core.Inbound;
import dev.pastefix.core.Turn;
import dev.pastefix.core.pipeline.Step;
import dev.pastefix.core.telemetry.Telemetry;
import java.time.Duration;
import java.util.Objects;

/**
 * Counts every message and click (received, then handled by outcome or failed), times the bot and
 * writes the one log line per message, the same for every platform.
 */
public final class Measure implements Step {
  private final Telemetry telemetry;

  public Measure(Telemetry telemetry) {
    this.telemetry = Objects.requireNonNull(telemetry, "telemetry");
  }

  @Override
  public Turn apply(Inbound in, Chain next) {
    String platform = in.platform();
    telemetry.received(platform, in.channel());
    long started = System.nanoTime();
    try {
      Turn turn = next.proceed(in);
      telemetry.handled(
          platform, in.channel(), in.origin().deliveryId(), turn.outcome(), since(started));
      return turn;
    } catch (RuntimeException | Error e) {
      telemetry.failed(platform, in.channel(), in.origin().deliveryId(), since(started));
      throw e;
    }
  }

  private static Duration since(long started) {
    return Duration.ofNanos(System.nanoTime() - started);
  }
}
