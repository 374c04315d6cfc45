package dev.pastefix.core;

import dev.pastefix.core.reply.Reply;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What the engine decided for one message. */
public sealed interface Outcome {

  /** The ids the reply presents as the problem (empty for {@link Unknown} and {@link Silent}). */
  List<String> findingIds();

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
    public List<String> findingIds() {
      return findings.stream().map(Finding::entryId).toList();
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
    public List<String> findingIds() {
      return candidates.stream().map(Finding::entryId).toList();
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
    public List<String> findingIds() {
      return List.of();
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
    public List<String> findingIds() {
      return List.of();
    }

    @Override
    public Optional<Reply> visibleReply() {
      return Optional.empty();
    }
  }
}
