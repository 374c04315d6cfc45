package dev.pastefix.core.feedback;

import java.util.ArrayList;
import java.util.List;

/** Keeps feedback in memory for the life of the process (until state is persisted). */
public final class InMemoryFeedbackStore implements FeedbackStore {
  private final List<Vote> votes = new ArrayList<>();

  @Override
  public synchronized void record(Vote vote) {
    votes.removeIf(
        v -> v.answerKey().equals(vote.answerKey()) && v.voterId().equals(vote.voterId()));
    votes.add(vote);
  }

  @Override
  public synchronized List<Vote> votesOn(String answerKey) {
    return votes.stream().filter(v -> v.answerKey().equals(answerKey)).toList();
  }

  @Override
  public synchronized List<Vote> all() {
    return new ArrayList<>(votes);
  }
}
