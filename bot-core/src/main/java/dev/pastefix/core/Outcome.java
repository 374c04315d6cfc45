package dev.pastefix.core;

import dev.pastefix.core.reply.Reply;
import dev.pastefix.core.state.OutcomeKind;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the bot decided for one message or click: a diagnosis ({@link Answer}, {@link Clarify},
 * {@link Unknown}), a reply that is not a diagnosis ({@link Info}: help, kb, checks, admin), or
 * silence.
 */
public sealed interface Outcome {

  /** The ids the reply presents as the problem (empty for {@link Unknown} and {@link Silent}). */
  default List<String> findingIds() {
    return findings().stream().map(Finding::entryId).toList();
  }

  /** The findings the reply presents, empty unless it is an answer or a clarification. */
  default List<Finding> findings() {
    return List.of();
  }

  /** The kind as stored, counted and logged. */
  OutcomeKind kind();

  /** The highest confidence among the findings, 0 without any. */
  default double confidence() {
    double best = 0;
    for (Finding f : findings()) {
      best = Math.max(best, f.confidence());
    }
    return Math.min(1, Math.max(0, best));
  }

  /**
   * The reply to show, or empty when the bot stays silent: the one place every adapter, the console
   * and {@code diagnose} turn an outcome into what they post.
   */
  Optional<Reply> visibleReply();

  /** One or several findings (a paste can hold two errors), in the order they appear. */
  record Answer(List<Finding> findings, Reply reply) implements Outcome {
    public Answer {
      findings = List.copyOf(findings);
      if (findings.isEmpty()) {
        throw new IllegalArgumentException("an answer needs at least one finding");
      }
      Objects.requireNonNull(reply, "reply");
    }

    @Override
    public OutcomeKind kind() {
      return OutcomeKind.ANSWER;
    }

    @Override
    public Optional<Reply> visibleReply() {
      return Optional.of(reply);
    }
  }

  /** Two or more causes share one error text: the reply names them and asks which fits. */
  record Clarify(List<Finding> candidates, Reply reply) implements Outcome {
    public Clarify {
      candidates = List.copyOf(candidates);
      if (candidates.size() < 2) {
        throw new IllegalArgumentException("a clarification needs at least two candidates");
      }
      Objects.requireNonNull(reply, "reply");
    }

    @Override
    public List<Finding> findings() {
      return candidates;
    }

    @Override
    public OutcomeKind kind() {
      return OutcomeKind.CLARIFY;
    }

    @Override
    public Optional<Reply> visibleReply() {
      return Optional.of(reply);
    }
  }

  /**
   * Addressed, but nothing matched well enough: the reply says so and offers the closest entries.
   */
  record Unknown(List<String> closestIds, Reply reply) implements Outcome {
    public Unknown {
      closestIds = List.copyOf(closestIds);
      Objects.requireNonNull(reply, "reply");
    }

    @Override
    public OutcomeKind kind() {
      return OutcomeKind.UNKNOWN;
    }

    @Override
    public Optional<Reply> visibleReply() {
      return Optional.of(reply);
    }
  }

  /** Nothing to say (unaddressed and not sure); the reason is for logs. */
  record Silent(String reason) implements Outcome {
    public Silent {
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public OutcomeKind kind() {
      return OutcomeKind.SILENT;
    }

    @Override
    public Optional<Reply> visibleReply() {
      return Optional.empty();
    }
  }

  /**
   * A reply that is not a diagnosis (help, a kb lookup, a check's list or instructions, an admin
   * summary, a refusal): shown, but never counted as answered or missed.
   */
  record Info(Reply reply) implements Outcome {
    public Info {
      Objects.requireNonNull(reply, "reply");
    }

    @Override
    public OutcomeKind kind() {
      return OutcomeKind.INFO;
    }

    @Override
    public Optional<Reply> visibleReply() {
      return Optional.of(reply);
    }
  }
}
