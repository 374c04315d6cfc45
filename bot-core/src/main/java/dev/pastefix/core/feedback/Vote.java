package dev.pastefix.core.feedback;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One feedback click: who said an answer about {@code entryIds} was helpful or not, where, and
 * when. The {@code answerKey} identifies the answered message (platform, channel and timestamp) so
 * a second click by the same person replaces the first.
 */
public record Vote(
    String answerKey, List<String> entryIds, String voterId, boolean helpful, Instant at) {
  public Vote {
    Objects.requireNonNull(answerKey, "answerKey");
    entryIds = List.copyOf(entryIds);
    Objects.requireNonNull(voterId, "voterId");
    Objects.requireNonNull(at, "at");
  }
}
